namespace PerformanceAnalytics.Model;

/// <summary>
/// One observation of one content item on one platform at one instant.
/// </summary>
/// <param name="SnapshotId">
/// The delivery id. Appending a snapshot whose id the tenant already has is a no-op, so re-delivery never counts twice.
/// </param>
/// <param name="ContentId">The content item's id, unique within the tenant.</param>
/// <param name="Platform">The platform the content is published on.</param>
/// <param name="Timestamp">The observation instant.</param>
/// <param name="Metrics">
/// The observed values. Counters are lifetime totals at <paramref name="Timestamp"/>; gauges are values at that instant.
/// </param>
/// <remarks>
/// The tenant defaults to <see cref="DefaultTenant"/>; <see cref="Metadata"/> holds free-form string pairs that are
/// stored verbatim (never interpreted).
/// </remarks>
public sealed record EngagementSnapshot(
    string SnapshotId,
    string ContentId,
    Platform Platform,
    DateTimeOffset Timestamp,
    MetricValues Metrics)
{
    /// <summary>The tenant of rows that name none.</summary>
    public const string DefaultTenant = "default";

    /// <summary>Gets the tenant that owns the snapshot.</summary>
    /// <value>Defaults to <see cref="DefaultTenant"/>.</value>
    public string TenantId { get; init; } = DefaultTenant;

    /// <summary>Gets free-form metadata, stored verbatim.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, string> Metadata { get; init; } = EmptyMetadata;

    internal static IReadOnlyDictionary<string, string> EmptyMetadata { get; } = new Dictionary<string, string>(0);
}
