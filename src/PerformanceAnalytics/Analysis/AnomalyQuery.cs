using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>Asks for anomalies in a content item's daily series.</summary>
/// <param name="ContentId">The content item.</param>
public sealed record AnomalyQuery(string ContentId)
{
    /// <summary>Gets the metric; counters are analysed as daily deltas, gauges as daily means.</summary>
    /// <value><see cref="Metric.Views"/> by default.</value>
    public Metric Metric { get; init; } = Metric.Views;

    /// <summary>Gets the period.</summary>
    /// <value>The last 90 days by default.</value>
    public Timeframe Timeframe { get; init; } = Timeframe.Last90Days;

    /// <summary>Gets the scoring method.</summary>
    /// <value><see cref="AnomalyMethod.ModifiedZScore"/> by default.</value>
    public AnomalyMethod Method { get; init; } = AnomalyMethod.ModifiedZScore;

    /// <summary>Gets the score above which a day is anomalous.</summary>
    /// <value><see langword="null"/> by default: 3 for the z-score, 3.5 for the modified z-score.</value>
    public double? Threshold { get; init; }

    /// <summary>Gets the tenant.</summary>
    /// <value><c>"default"</c> by default.</value>
    public string TenantId { get; init; } = EngagementSnapshot.DefaultTenant;
}
