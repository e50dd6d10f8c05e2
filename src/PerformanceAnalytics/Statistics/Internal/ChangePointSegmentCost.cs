namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// O(1) Gaussian segment costs from prefix sums of the (centred) series, for the change-point searches.
/// Segments are half-open index ranges [start, end).
/// </summary>
internal sealed class ChangePointSegmentCost
{
    /// <summary>Relative size of the variance floor ε of the mean-and-variance cost, as a fraction of the noise variance.</summary>
    internal const double VarianceFloorFraction = 1e-8;

    private readonly double[] _sum;
    private readonly double[] _sumSquares;
    private readonly ChangePointCost _cost;
    private readonly double _meanScale;
    private readonly double _varianceFloor;
    private readonly bool _addLogLength;
    private readonly double[]? _logLength;

    /// <summary>Builds the prefix sums.</summary>
    /// <param name="y">The series, already checked to be finite.</param>
    /// <param name="cost">The cost.</param>
    /// <param name="meanScale">Divisor of the sum of squares for <see cref="ChangePointCost.Mean"/> (1 for the plain cost).</param>
    /// <param name="addLogLength">Adds ln(m) to the cost of each segment of length m (the MBIC segment term).</param>
    public ChangePointSegmentCost(ReadOnlySpan<double> y, ChangePointCost cost, double meanScale, bool addLogLength)
    {
        _cost = cost;
        _meanScale = meanScale;
        _addLogLength = addLogLength;
        if (addLogLength)
        {
            _logLength = new double[y.Length + 1];
            for (var m = 1; m <= y.Length; m++)
            {
                _logLength[m] = Math.Log(m);
            }
        }
        if (cost == ChangePointCost.MeanVariance)
        {
            // An additive floor (not max(σ̂², ε)) keeps the cost subadditive, which PELT's pruning relies on;
            // tying it to the noise scale makes the segmentation invariant to rescaling y.
            var noise = NoiseVariance(y);
            _varianceFloor = VarianceFloorFraction * (noise > 0 ? noise : 1.0);
        }


        // Centring on the overall mean before accumulating keeps S2 − S1²/m from cancelling catastrophically
        // when the series sits far from zero (page views in the thousands, prices).
        var centre = Descriptive.MeanCore(y);
        _sum = new double[y.Length + 1];
        _sumSquares = new double[y.Length + 1];
        for (var i = 0; i < y.Length; i++)
        {
            var d = y[i] - centre;
            _sum[i + 1] = _sum[i] + d;
            _sumSquares[i + 1] = _sumSquares[i] + (d * d);
        }
    }

    /// <summary>Gets the variance floor ε added to σ̂² by the mean-and-variance cost (0 for the mean cost).</summary>
    public double VarianceFloor => _varianceFloor;

    /// <summary>Gets the prefix sums and divisor when the cost is the plain sum of squares (no ln m term).</summary>
    /// <param name="sum">Prefix sums of the centred series.</param>
    /// <param name="sumSquares">Prefix sums of its squares.</param>
    /// <param name="scale">Divisor of the sum of squares.</param>
    /// <returns><see langword="true"/> for <see cref="ChangePointCost.Mean"/> without the ln m term.</returns>
    public bool TryGetSumOfSquares(out double[] sum, out double[] sumSquares, out double scale)
    {
        sum = _sum;
        sumSquares = _sumSquares;
        scale = _meanScale;
        return _cost == ChangePointCost.Mean && !_addLogLength;
    }

    /// <summary>Returns the cost of the segment [start, end); requires end &gt; start.</summary>
    public double Cost(int start, int end) => (_cost, _addLogLength) switch
    {
        (ChangePointCost.Mean, false) => SumOfSquares.Cost(start, end),
        (ChangePointCost.Mean, true) => new LogLengthKernel<SumOfSquaresKernel>(SumOfSquares, _logLength!).Cost(start, end),
        (_, false) => LogVariance.Cost(start, end),
        _ => new LogLengthKernel<LogVarianceKernel>(LogVariance, _logLength!).Cost(start, end),
    };

    /// <summary>Runs <paramref name="visitor"/> with this cost as a struct kernel, so that its inner loop is specialised.</summary>
    public TResult Accept<TResult>(IChangePointCostVisitor<TResult> visitor) => (_cost, _addLogLength) switch
    {
        (ChangePointCost.Mean, false) => visitor.Visit(SumOfSquares),
        (ChangePointCost.Mean, true) => visitor.Visit(new LogLengthKernel<SumOfSquaresKernel>(SumOfSquares, _logLength!)),
        (_, false) => visitor.Visit(LogVariance),
        _ => visitor.Visit(new LogLengthKernel<LogVarianceKernel>(LogVariance, _logLength!)),
    };

    private SumOfSquaresKernel SumOfSquares => new(_sum, _sumSquares, _meanScale);

    private LogVarianceKernel LogVariance => new(_sum, _sumSquares, _varianceFloor);

    /// <summary>
    /// Robust estimate of the noise variance σ² from first differences, which a level shift barely affects:
    /// (1.4826 · MAD(Δy))² / 2. When more than half of the differences are equal (MAD = 0) it falls back to
    /// the variance of the differences divided by 2; for a constant series it returns 0.
    /// </summary>
    public static double NoiseVariance(ReadOnlySpan<double> y)
    {
        if (y.Length < 2)
        {
            return 0.0;
        }

        var diff = new double[y.Length - 1];
        for (var i = 0; i < diff.Length; i++)
        {
            diff[i] = y[i + 1] - y[i];
        }

        var median = Selection.QuantileInPlace(diff, 0.5);
        var mean = 0.0;
        for (var i = 0; i < diff.Length; i++)
        {
            mean += y[i + 1] - y[i];
        }

        mean /= diff.Length;
        var sumSquares = 0.0;
        for (var i = 0; i < diff.Length; i++)
        {
            var d = y[i + 1] - y[i];
            sumSquares += (d - mean) * (d - mean);
            diff[i] = Math.Abs(d - median);
        }

        var mad = 1.4826 * Selection.QuantileInPlace(diff, 0.5);
        if (mad > 0)
        {
            return mad * mad / 2.0;
        }

        return diff.Length > 1 ? sumSquares / (diff.Length - 1) / 2.0 : 0.0;
    }
}
