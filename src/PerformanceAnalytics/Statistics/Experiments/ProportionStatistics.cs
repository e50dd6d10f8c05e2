namespace PerformanceAnalytics.Statistics;

/// <summary>Sufficient statistics of a binary (conversion) metric in one experiment arm.</summary>
/// <param name="Count">The number of units (trials), n ≥ 0.</param>
/// <param name="Successes">The number of units that converted, 0 ≤ successes ≤ n.</param>
/// <remarks>
/// The rate is p = successes/n and, as in GrowthBook, PostHog and Spotify Confidence, the per-unit variance
/// is p(1 − p) without the n/(n − 1) factor.
/// </remarks>
public readonly record struct ProportionStatistics(long Count, long Successes)
{
    /// <summary>Gets the conversion rate successes/n.</summary>
    /// <value>The rate, or <see cref="double.NaN"/> when <see cref="Count"/> is zero.</value>
    public double Rate => Count == 0 ? double.NaN : (double)Successes / Count;
}
