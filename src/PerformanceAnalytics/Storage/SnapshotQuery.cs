using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>A filter over one tenant's snapshots; unset members do not filter.</summary>
/// <param name="TenantId">The tenant.</param>
public sealed record SnapshotQuery(string TenantId)
{
    /// <summary>Gets the content ids to include, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<string>? ContentIds { get; init; }

    /// <summary>Gets the platforms to include, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<Platform>? Platforms { get; init; }

    /// <summary>Gets the half-open time range, or <see langword="null"/> for all time.</summary>
    public TimeRange? Range { get; init; }

    /// <summary>Gets the metrics to return, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<Metric>? Metrics { get; init; }
}
