namespace PerformanceAnalytics.Analysis;

/// <summary>One observation to track, as a host receives it (for example from a platform API or webhook).</summary>
/// <param name="ContentId">The content item's id, unique within the tenant.</param>
/// <param name="Platform">The platform name, case-insensitive (<c>"youtube"</c>, <c>"x"</c>, <c>"twitter"</c> …).</param>
/// <param name="Metrics">Metric names and values; counters are lifetime totals (see <see cref="Model.Metric"/>).</param>
public sealed record TrackingRequest(string ContentId, string Platform, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>Gets the delivery id; re-sending the same id never counts twice.</summary>
    /// <value><see langword="null"/> by default: a new id is generated (and re-delivery is then not detected).</value>
    public string? SnapshotId { get; init; }

    /// <summary>Gets the observation instant.</summary>
    /// <value><see langword="null"/> by default: the current time of the tracker's <see cref="TimeProvider"/>.</value>
    public DateTimeOffset? Timestamp { get; init; }

    /// <summary>Gets free-form metadata, stored verbatim.</summary>
    /// <value><see langword="null"/> by default.</value>
    public IReadOnlyDictionary<string, string>? Metadata { get; init; }

    /// <summary>Gets the tenant.</summary>
    /// <value><c>"default"</c> by default.</value>
    public string TenantId { get; init; } = Model.EngagementSnapshot.DefaultTenant;
}
