using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>One content item's standing on one metric.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Latest">The latest observed value (a lifetime total for counters); NaN when never observed.</param>
/// <param name="Period">Activity in the period for counters, the mean daily value for gauges; NaN when unknown.</param>
/// <param name="Rank">1 for the highest <paramref name="Period"/> value among the compared items; unknown values rank last.</param>
public sealed record ComparedMetric(Metric Metric, double Latest, double Period, int Rank);
