using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>One content item in a comparison.</summary>
/// <param name="ContentId">The content item.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="Metrics">Its standing on each compared metric, in the order asked.</param>
/// <param name="EngagementRate">Its engagement rate over the period, when it can be computed.</param>
public sealed record ContentComparisonRow(string ContentId, Platform Platform, IReadOnlyList<ComparedMetric> Metrics, EngagementRate? EngagementRate);
