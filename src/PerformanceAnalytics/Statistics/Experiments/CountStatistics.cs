namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Sufficient statistics of a count metric in one arm: the number of events (views, likes, comments) and the exposure
/// they accrued over (exposed users, impressions, hours).
/// </summary>
/// <param name="Exposure">The total exposure, finite and ≥ 0.</param>
/// <param name="Events">The number of events, ≥ 0.</param>
/// <remarks>The events are modelled as Poisson with rate λ per unit of exposure; with a Gamma prior the posterior of λ is Gamma.</remarks>
public readonly record struct CountStatistics(double Exposure, long Events);
