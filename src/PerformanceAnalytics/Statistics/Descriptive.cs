namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Descriptive statistics of one sample: location, spread and quantiles.
/// </summary>
/// <remarks>
/// <para>
/// Every function rejects NaN and infinite input with an <see cref="ArgumentException"/>. A statistic
/// that is undefined for the sample size (the mean of nothing, the variance of one value) is
/// <see cref="double.NaN"/>, as each <c>returns</c> section states.
/// </para>
/// <para>
/// Mean and variance use the corrected two-pass algorithm (Chan, Golub &amp; LeVeque 1983): the mean is
/// refined by the mean residual, and the sum of squared deviations is corrected by the squared sum of
/// deviations, which removes most of the rounding error a one-pass formula suffers when the values
/// share many leading digits (NIST StRD NumAcc3/NumAcc4).
/// </para>
/// </remarks>
public static class Descriptive
{
    /// <summary>Returns the arithmetic mean.</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The mean, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double Mean(ReadOnlySpan<double> values)
    {
        Guard.Finite(values, nameof(values));
        return MeanCore(values);
    }

    /// <summary>Returns the unbiased sample variance, with divisor n − 1.</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The variance, or <see cref="double.NaN"/> when fewer than two values are given.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double Variance(ReadOnlySpan<double> values)
    {
        Guard.Finite(values, nameof(values));
        return values.Length < 2 ? double.NaN : SumOfSquaredDeviations(values, MeanCore(values)) / (values.Length - 1);
    }

    /// <summary>Returns the sample standard deviation, the square root of <see cref="Variance(ReadOnlySpan{double})"/> (divisor n − 1).</summary>
    /// <param name="values">The sample.</param>
    /// <returns>The standard deviation, or <see cref="double.NaN"/> when fewer than two values are given.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double StandardDeviation(ReadOnlySpan<double> values) => Math.Sqrt(Variance(values));

    /// <summary>Returns the population variance, with divisor n.</summary>
    /// <param name="values">The sample, taken as the whole population.</param>
    /// <returns>The variance, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double PopulationVariance(ReadOnlySpan<double> values)
    {
        Guard.Finite(values, nameof(values));
        return values.Length == 0 ? double.NaN : SumOfSquaredDeviations(values, MeanCore(values)) / values.Length;
    }

    /// <summary>Returns the median: the middle value, or the mean of the two middle values for an even count.</summary>
    /// <param name="values">The sample; it is not modified.</param>
    /// <returns>The median, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double Median(ReadOnlySpan<double> values) => Quantile(values, 0.5);

    /// <summary>
    /// Returns the <paramref name="p"/>-quantile by linear interpolation between order statistics
    /// (Hyndman &amp; Fan 1996 type 7; R's default and NumPy's <c>"linear"</c>).
    /// </summary>
    /// <param name="values">The sample; it is not modified.</param>
    /// <param name="p">The probability, in [0, 1].</param>
    /// <returns>The quantile, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="p"/> is outside [0, 1] or NaN.</exception>
    public static double Quantile(ReadOnlySpan<double> values, double p)
    {
        if (!(p >= 0 && p <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "The probability must lie in [0, 1].");
        }

        Guard.Finite(values, nameof(values));
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var copy = values.ToArray();
        return Selection.QuantileInPlace(copy, p);
    }

    /// <summary>Returns the unscaled median absolute deviation, median(|x − median(x)|).</summary>
    /// <param name="values">The sample; it is not modified.</param>
    /// <returns>The MAD, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <remarks>Multiply by 1.4826 for a scale estimate consistent with the standard deviation of a normal distribution.</remarks>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static double MedianAbsoluteDeviation(ReadOnlySpan<double> values)
    {
        Guard.Finite(values, nameof(values));
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var buffer = values.ToArray();
        var median = Selection.QuantileInPlace(buffer, 0.5);
        for (var i = 0; i < buffer.Length; i++)
        {
            buffer[i] = Math.Abs(values[i] - median);
        }

        return Selection.QuantileInPlace(buffer, 0.5);
    }

    /// <summary>Returns the arithmetic mean of exact decimal data.</summary>
    /// <param name="values">The sample, as decimals (for example prices, or data recorded to a fixed number of places).</param>
    /// <returns>The mean, or <see cref="double.NaN"/> when <paramref name="values"/> is empty.</returns>
    /// <remarks>
    /// Decimal data such as 1000000000.2 have no exact binary representation: converted to <see cref="double"/> first,
    /// they lose the digits that distinguish them (NIST StRD NumAcc4). This overload subtracts the first value in
    /// exact decimal arithmetic, so the deviations convert to doubles with full relative precision, and adds it back
    /// at the end. It allocates one array of <see cref="double"/> of the sample's length.
    /// </remarks>
    /// <exception cref="OverflowException">A deviation from the first value exceeds the range of <see cref="decimal"/>.</exception>
    public static double Mean(ReadOnlySpan<decimal> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var deviations = Deviations(values, out var shift);
        return (double)(shift + (decimal)MeanCore(deviations));
    }

    /// <summary>Returns the unbiased sample variance (divisor n − 1) of exact decimal data.</summary>
    /// <param name="values">The sample, as decimals.</param>
    /// <returns>The variance, or <see cref="double.NaN"/> when fewer than two values are given.</returns>
    /// <remarks>The variance does not change when a constant is subtracted; see <see cref="Mean(ReadOnlySpan{decimal})"/> for why that matters.</remarks>
    /// <exception cref="OverflowException">A deviation from the first value exceeds the range of <see cref="decimal"/>.</exception>
    public static double Variance(ReadOnlySpan<decimal> values)
    {
        if (values.Length < 2)
        {
            return double.NaN;
        }

        var deviations = Deviations(values, out _);
        return SumOfSquaredDeviations(deviations, MeanCore(deviations)) / (values.Length - 1);
    }

    /// <summary>Returns the sample standard deviation (divisor n − 1) of exact decimal data.</summary>
    /// <param name="values">The sample, as decimals.</param>
    /// <returns>The standard deviation, or <see cref="double.NaN"/> when fewer than two values are given.</returns>
    /// <exception cref="OverflowException">A deviation from the first value exceeds the range of <see cref="decimal"/>.</exception>
    public static double StandardDeviation(ReadOnlySpan<decimal> values) => Math.Sqrt(Variance(values));

    /// <summary>The values minus the first one, computed exactly in decimal, then converted to double.</summary>
    internal static double[] Deviations(ReadOnlySpan<decimal> values, out decimal shift)
    {
        shift = values[0];
        var deviations = new double[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            deviations[i] = (double)(values[i] - shift);
        }

        return deviations;
    }

    /// <summary>Mean without validation; NaN for an empty span.</summary>
    internal static double MeanCore(ReadOnlySpan<double> values)
    {
        if (values.Length == 0)
        {
            return double.NaN;
        }

        var sum = 0.0;
        foreach (var v in values)
        {
            sum += v;
        }

        var mean = sum / values.Length;

        // Second pass: add the mean residual, which recovers the digits the first sum rounded away.
        var residual = 0.0;
        foreach (var v in values)
        {
            residual += v - mean;
        }

        return mean + (residual / values.Length);
    }

    /// <summary>Σ(x − mean)² with the two-pass correction term −(Σ(x − mean))²/n.</summary>
    internal static double SumOfSquaredDeviations(ReadOnlySpan<double> values, double mean)
    {
        var sumSquares = 0.0;
        var sum = 0.0;
        foreach (var v in values)
        {
            var d = v - mean;
            sum += d;
            sumSquares += d * d;
        }

        return sumSquares - (sum * sum / values.Length);
    }
}
