using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>The anomalies found in a content item's daily series.</summary>
/// <param name="ContentId">The content item.</param>
/// <param name="Metric">The metric.</param>
/// <param name="Range">The period, widened to whole days.</param>
/// <param name="Method">The scoring method.</param>
/// <param name="Threshold">The threshold used.</param>
/// <param name="Status">Whether there were enough days to judge.</param>
/// <param name="DataPoints">Days with a known value (interpolated counter days included).</param>
/// <param name="Anomalies">The anomalous days, in time order.</param>
public sealed record AnomalyReport(
    string ContentId,
    Metric Metric,
    TimeRange Range,
    AnomalyMethod Method,
    double Threshold,
    AnalysisStatus Status,
    int DataPoints,
    IReadOnlyList<DetectedAnomaly> Anomalies);
