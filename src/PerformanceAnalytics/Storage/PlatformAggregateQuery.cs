using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>Per-platform aggregates of one tenant over a half-open range.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Range">The range.</param>
public sealed record PlatformAggregateQuery(string TenantId, TimeRange Range)
{
    /// <summary>Gets the platforms to include, or <see langword="null"/> for all.</summary>
    public IReadOnlyCollection<Platform>? Platforms { get; init; }
}
