namespace PerformanceAnalytics.Analysis;

/// <summary>Asks for a content item's engagement summary.</summary>
/// <param name="ContentId">The content item.</param>
public sealed record ContentSummaryQuery(string ContentId)
{
    /// <summary>Gets the period.</summary>
    /// <value>The last 30 days by default.</value>
    public Model.Timeframe Timeframe { get; init; } = Model.Timeframe.Last30Days;

    /// <summary>Gets the tenant.</summary>
    /// <value><c>"default"</c> by default.</value>
    public string TenantId { get; init; } = Model.EngagementSnapshot.DefaultTenant;
}
