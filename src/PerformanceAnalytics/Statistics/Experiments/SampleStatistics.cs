namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Sufficient statistics of a continuous per-unit metric in one experiment arm: the number of units,
/// the sum of the metric and the sum of its squares.
/// </summary>
/// <param name="Count">The number of units (n ≥ 0).</param>
/// <param name="Sum">The sum of the per-unit values, Σx.</param>
/// <param name="SumOfSquares">The sum of the squared per-unit values, Σx².</param>
/// <remarks>
/// <para>
/// These three numbers are what a warehouse or a store aggregates per arm (as GrowthBook, Eppo and Statsig
/// do), so the raw rows never have to travel. The mean is S/n and the unbiased variance is
/// (Q − S²/n)/(n − 1).
/// </para>
/// <para>
/// The variance is computed from raw sums, which loses relative precision when the coefficient of
/// variation is tiny (values sharing many leading digits); centre such metrics before aggregating.
/// </para>
/// </remarks>
public readonly record struct SampleStatistics(long Count, double Sum, double SumOfSquares)
{
    /// <summary>Gets the sample mean S/n.</summary>
    /// <value>The mean, or <see cref="double.NaN"/> when <see cref="Count"/> is zero.</value>
    public double Mean => Count == 0 ? double.NaN : Sum / Count;

    /// <summary>Gets the unbiased sample variance (Q − S²/n)/(n − 1), floored at zero against rounding.</summary>
    /// <value>The variance, or <see cref="double.NaN"/> when <see cref="Count"/> is below two.</value>
    public double Variance => Count < 2 ? double.NaN : Math.Max(0, (SumOfSquares - (Sum * Sum / Count)) / (Count - 1));

    /// <summary>Computes the sufficient statistics of a sample of per-unit values.</summary>
    /// <param name="values">The per-unit values of one arm.</param>
    /// <returns>The count, sum and sum of squares of <paramref name="values"/>.</returns>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    public static SampleStatistics FromValues(ReadOnlySpan<double> values)
    {
        Guard.Finite(values, nameof(values));
        double sum = 0, sumOfSquares = 0;
        foreach (var value in values)
        {
            sum += value;
            sumOfSquares += value * value;
        }

        return new SampleStatistics(values.Length, sum, sumOfSquares);
    }
}
