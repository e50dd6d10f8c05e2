using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>Asks to compare content items on tracked metrics.</summary>
/// <param name="ContentIds">The content items (at least two).</param>
/// <param name="Metrics">The metrics to compare on (at least one).</param>
public sealed record ContentComparisonQuery(IReadOnlyList<string> ContentIds, IReadOnlyList<Metric> Metrics)
{
    /// <summary>Gets the period whose activity is compared.</summary>
    /// <value>The last 30 days by default.</value>
    public Timeframe Timeframe { get; init; } = Timeframe.Last30Days;

    /// <summary>Gets the tenant.</summary>
    /// <value><c>"default"</c> by default.</value>
    public string TenantId { get; init; } = EngagementSnapshot.DefaultTenant;
}
