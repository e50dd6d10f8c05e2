using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Analysis;

/// <summary>What one content item has done: latest totals, activity per period and growth.</summary>
/// <param name="ContentId">The content item.</param>
/// <param name="Platform">Its platform.</param>
/// <param name="Range">The analysed period.</param>
/// <param name="LatestAt">When it was last observed, or <see langword="null"/> when it never was.</param>
/// <param name="Latest">The latest observed values (lifetime totals for counters).</param>
/// <param name="Activity">Per metric, activity in the period against the previous period (growth as percent change).</param>
/// <param name="Daily">Per counter metric present, the daily deltas over the period in the configured time zone.</param>
/// <param name="EngagementRate">The engagement rate over the period (ratio of the period's interaction and basis totals), or <see langword="null"/> when it cannot be computed.</param>
public sealed record EngagementSummary(
    string ContentId,
    Platform Platform,
    TimeRange Range,
    DateTimeOffset? LatestAt,
    MetricValues Latest,
    IReadOnlyList<MetricComparison> Activity,
    IReadOnlyList<BucketedSeries> Daily,
    EngagementRate? EngagementRate);
