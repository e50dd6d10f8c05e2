namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Sufficient statistics of a ratio metric in one arm, such as engagement rate (likes / views) or watch time
/// per view, where each unit contributes a numerator m and a denominator d.
/// </summary>
/// <param name="Count">The number of units (n ≥ 0).</param>
/// <param name="NumeratorSum">Σm.</param>
/// <param name="NumeratorSumOfSquares">Σm².</param>
/// <param name="DenominatorSum">Σd.</param>
/// <param name="DenominatorSumOfSquares">Σd².</param>
/// <param name="CrossSum">Σm·d.</param>
/// <remarks>
/// The arm's metric is the ratio of means R = m̄/d̄; its per-unit delta-method variance is
/// Var(m)/d̄² + m̄²·Var(d)/d̄⁴ − 2·m̄·Cov(m, d)/d̄³ with unbiased (n − 1) variances and covariance
/// (Deng, Knoblich &amp; Lu 2018, "Applying the Delta Method in Metric Analytics").
/// </remarks>
public readonly record struct RatioStatistics(long Count, double NumeratorSum, double NumeratorSumOfSquares,
    double DenominatorSum, double DenominatorSumOfSquares, double CrossSum)
{
    /// <summary>Computes the ratio statistics of paired per-unit numerators and denominators.</summary>
    /// <param name="numerators">The per-unit numerators.</param>
    /// <param name="denominators">The per-unit denominators, paired with <paramref name="numerators"/>.</param>
    /// <returns>The count and the five sums.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or contain NaN or an infinity.</exception>
    public static RatioStatistics FromValues(ReadOnlySpan<double> numerators, ReadOnlySpan<double> denominators)
    {
        Guard.SameLength(numerators, denominators, nameof(denominators));
        Guard.Finite(numerators, nameof(numerators));
        Guard.Finite(denominators, nameof(denominators));
        double sm = 0, qm = 0, sd = 0, qd = 0, cross = 0;
        for (var i = 0; i < numerators.Length; i++)
        {
            var m = numerators[i];
            var d = denominators[i];
            sm += m;
            qm += m * m;
            sd += d;
            qd += d * d;
            cross += m * d;
        }

        return new RatioStatistics(numerators.Length, sm, qm, sd, qd, cross);
    }
}
