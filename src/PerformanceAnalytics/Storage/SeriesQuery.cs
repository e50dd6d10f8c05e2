using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>One content item's series of one metric, resampled to regular buckets.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="ContentId">The content item.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Range">The half-open range; it is widened to whole buckets.</param>
/// <param name="Bucket">The bucket width.</param>
public sealed record SeriesQuery(string TenantId, string ContentId, Metric Metric, TimeRange Range, BucketSize Bucket)
{
    /// <summary>Gets the time zone whose calendar defines day and week buckets.</summary>
    /// <value><see cref="TimeZoneInfo.Utc"/> by default.</value>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;

    /// <summary>Gets how gauge observations within a bucket combine.</summary>
    /// <value><see cref="GaugeAggregation.Mean"/> by default. Ignored for counters.</value>
    public GaugeAggregation GaugeAggregation { get; init; } = GaugeAggregation.Mean;
}
