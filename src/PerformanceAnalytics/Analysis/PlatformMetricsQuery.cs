using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>Asks for a platform's aggregates with the previous period.</summary>
/// <param name="Platform">The platform.</param>
public sealed record PlatformMetricsQuery(Platform Platform)
{
    /// <summary>Gets the period.</summary>
    /// <value>The last 30 days by default.</value>
    public Timeframe Timeframe { get; init; } = Timeframe.Last30Days;

    /// <summary>Gets the tenant.</summary>
    /// <value><c>"default"</c> by default.</value>
    public string TenantId { get; init; } = EngagementSnapshot.DefaultTenant;
}
