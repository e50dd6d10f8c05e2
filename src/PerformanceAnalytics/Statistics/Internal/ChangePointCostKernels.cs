namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>A segment cost over [start, end) that the JIT can inline when used as a generic struct argument.</summary>
/// <remarks>
/// Both Gaussian costs are minima over the segment's parameters θ of a sum of per-point terms that are linear in the
/// sufficient statistics (1, y, y²): C(segment) = min_θ [m a(θ) + b₁(θ) S₁ + b₂(θ) S₂]. That form is what the dual
/// pruning of <see cref="ChangePointPelt"/> works with, through <see cref="VirtualCost"/>.
/// </remarks>
internal interface IChangePointCostKernel
{
    /// <summary>Returns the cost of the segment [start, end); requires end &gt; start.</summary>
    double Cost(int start, int end);

    /// <summary>Returns the cost of [start, end) without any per-segment length term (the likelihood part alone).</summary>
    double LikelihoodCost(int start, int end);

    /// <summary>Gets the prefix sum S₁ of the (centred) series up to <paramref name="index"/>.</summary>
    double Sum(int index);

    /// <summary>Gets the prefix sum S₂ of the squares of the (centred) series up to <paramref name="index"/>.</summary>
    double SumSquares(int index);

    /// <summary>
    /// Returns h(m, S₁, S₂) = min_θ [m a(θ) + b₁(θ) S₁ + b₂(θ) S₂] for a "virtual" segment of real length m &gt; 0 whose
    /// sums are S₁ and S₂, with its partial derivatives. h is concave in (m, S₁, S₂) jointly (a minimum of linear
    /// functions); for a real segment it equals <see cref="LikelihoodCost"/>.
    /// </summary>
    /// <remarks>Returns −∞ when the infimum is unbounded (a non-positive variance for the mean-and-variance cost).</remarks>
    double VirtualCost(double length, double sum, double sumSquares, out double dLength, out double dSum, out double dSumSquares);

    /// <summary>Gets the per-segment length term added by <see cref="Cost"/> to a segment of length m (0 when there is none).</summary>
    double LengthTerm(int length);

    /// <summary>Gets a value indicating whether the segment's only parameter is its mean (the mean cost).</summary>
    bool MeanOnly { get; }

    /// <summary>
    /// For a mean-only cost: the means μ at which the likelihood cost of a segment of length m with sums S₁ and S₂ is
    /// below <paramref name="bound"/> form the open interval <paramref name="centre"/> ± √(returned value); a negative
    /// value means there is none.
    /// </summary>
    double MeanInterval(int length, double sum, double sumSquares, double bound, out double centre);

    /// <summary>
    /// For the mean-and-variance cost: the likelihood cost of a segment of length m with sums S₁ and S₂ at mean μ and
    /// variance v is m [ln v + (w + (μ − ȳ)²)/v − 1]; returns w = Σ(y − ȳ)²/m + ε and ȳ as <paramref name="mean"/>.
    /// </summary>
    double Spread(int length, double sum, double sumSquares, out double mean);

    /// <summary>Gets the floor ε that <see cref="Spread"/> adds (0 for a mean-only cost).</summary>
    double SpreadFloor { get; }
}

/// <summary>Σ(y − ȳ)² / scale from prefix sums.</summary>
internal readonly struct SumOfSquaresKernel(double[] sum, double[] sumSquares, double scale) : IChangePointCostKernel
{
    public double Cost(int start, int end)
    {
        var m = end - start;
        var s1 = sum[end] - sum[start];
        var sse = sumSquares[end] - sumSquares[start] - (s1 * s1 / m);

        // Rounding can leave a tiny negative sum of squares for a (near-)constant segment.
        return sse > 0 ? sse / scale : 0.0;
    }

    public double LikelihoodCost(int start, int end) => Cost(start, end);

    public double Sum(int index) => sum[index];

    public double SumSquares(int index) => sumSquares[index];

    public double LengthTerm(int length) => 0.0;

    public bool MeanOnly => true;

    // (SSE + m (μ − ȳ)²) / scale < bound  ⟺  (μ − ȳ)² < (bound · scale − SSE) / m.
    public double MeanInterval(int length, double s1, double s2, double bound, out double centre)
    {
        centre = s1 / length;
        return ((bound * scale) - (s2 - (s1 * centre))) / length;
    }

    public double Spread(int length, double s1, double s2, out double mean) =>
        throw new NotSupportedException("The mean cost has no variance parameter.");

    public double SpreadFloor => 0.0;

    // min_μ Σ (y − μ)² / scale = (S₂ − S₁²/m) / scale.
    public double VirtualCost(double length, double s1, double s2, out double dLength, out double dSum, out double dSumSquares)
    {
        var mean = s1 / length;
        dLength = mean * mean / scale;
        dSum = -2.0 * mean / scale;
        dSumSquares = 1.0 / scale;
        return (s2 - (s1 * mean)) / scale;
    }
}

/// <summary>m · ln(SSE/m + ε) from prefix sums.</summary>
/// <remarks>
/// m ln(SSE/m + ε) = min over (μ, σ²) of Σ [ln σ² + ((y − μ)² + ε)/σ² − 1]: the Gaussian negative log-likelihood
/// (up to constants) with ε added to every squared deviation, which is what keeps it subadditive.
/// </remarks>
internal readonly struct LogVarianceKernel(double[] sum, double[] sumSquares, double floor) : IChangePointCostKernel
{
    public double Cost(int start, int end)
    {
        var m = end - start;
        var s1 = sum[end] - sum[start];
        var sse = sumSquares[end] - sumSquares[start] - (s1 * s1 / m);
        return m * Math.Log((sse > 0 ? sse / m : 0.0) + floor);
    }

    public double LikelihoodCost(int start, int end) => Cost(start, end);

    public double Sum(int index) => sum[index];

    public double SumSquares(int index) => sumSquares[index];

    public double LengthTerm(int length) => 0.0;

    public bool MeanOnly => false;

    public double MeanInterval(int length, double s1, double s2, double bound, out double centre) =>
        throw new NotSupportedException("The mean-and-variance cost has two parameters.");

    // As in Cost: the squared deviations' sum, clamped at 0 against rounding, per point, plus ε.
    public double Spread(int length, double s1, double s2, out double mean)
    {
        mean = s1 / length;
        var sse = s2 - (s1 * mean);
        return (sse > 0 ? sse / length : 0.0) + floor;
    }

    public double SpreadFloor => floor;

    // h = m ln(w) with w = S₂/m − (S₁/m)² + ε.
    public double VirtualCost(double length, double s1, double s2, out double dLength, out double dSum, out double dSumSquares)
    {
        var mean = s1 / length;
        var w = (s2 / length) - (mean * mean) + floor;
        if (!(w > 0))
        {
            dLength = dSum = dSumSquares = 0.0;
            return double.NegativeInfinity;
        }

        dLength = Math.Log(w) + (((2.0 * mean * mean) - (s2 / length)) / w);
        dSum = -2.0 * mean / w;
        dSumSquares = 1.0 / w;
        return length * Math.Log(w);
    }
}

/// <summary>Adds ln(m) to the cost of each segment of length m (the MBIC segment term), from a table of ln m.</summary>
internal readonly struct LogLengthKernel<TInner>(TInner inner, double[] logLength) : IChangePointCostKernel
    where TInner : struct, IChangePointCostKernel
{
    public double Cost(int start, int end) => inner.Cost(start, end) + logLength[end - start];

    public double LikelihoodCost(int start, int end) => inner.LikelihoodCost(start, end);

    public double Sum(int index) => inner.Sum(index);

    public double SumSquares(int index) => inner.SumSquares(index);

    public double LengthTerm(int length) => logLength[length];

    public bool MeanOnly => inner.MeanOnly;

    public double MeanInterval(int length, double s1, double s2, double bound, out double centre) =>
        inner.MeanInterval(length, s1, s2, bound, out centre);

    public double Spread(int length, double s1, double s2, out double mean) => inner.Spread(length, s1, s2, out mean);

    public double SpreadFloor => inner.SpreadFloor;

    public double VirtualCost(double length, double s1, double s2, out double dLength, out double dSum, out double dSumSquares) =>
        inner.VirtualCost(length, s1, s2, out dLength, out dSum, out dSumSquares);
}

/// <summary>An algorithm that runs over a struct cost kernel.</summary>
internal interface IChangePointCostVisitor<out TResult>
{
    /// <summary>Runs with <paramref name="kernel"/>.</summary>
    TResult Visit<TKernel>(TKernel kernel)
        where TKernel : struct, IChangePointCostKernel;
}
