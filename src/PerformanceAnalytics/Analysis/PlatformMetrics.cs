using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>A platform's aggregates over a period, against the previous period of equal length.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="Range">The period.</param>
/// <param name="PreviousRange">The period before it.</param>
/// <param name="ContentCount">Content items observed in the period.</param>
/// <param name="PreviousContentCount">Content items observed in the previous period.</param>
/// <param name="SnapshotCount">Snapshots in the period.</param>
/// <param name="Metrics">Per metric present in either period, the comparison.</param>
/// <param name="EngagementRate">The engagement rate of the period's totals, with its formula.</param>
/// <param name="PreviousEngagementRate">The same for the previous period.</param>
public sealed record PlatformMetrics(
    Platform Platform,
    TimeRange Range,
    TimeRange PreviousRange,
    int ContentCount,
    int PreviousContentCount,
    long SnapshotCount,
    IReadOnlyList<MetricComparison> Metrics,
    EngagementRate? EngagementRate,
    EngagementRate? PreviousEngagementRate);
