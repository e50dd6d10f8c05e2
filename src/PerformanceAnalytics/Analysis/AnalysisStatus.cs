namespace PerformanceAnalytics.Analysis;

/// <summary>Whether an analysis could run.</summary>
public enum AnalysisStatus
{
    /// <summary>The analysis ran.</summary>
    Completed,

    /// <summary>There were fewer data points than <see cref="PerformanceAnalyticsOptions.MinimumDataPoints"/> (or the statistic was undefined).</summary>
    InsufficientData,
}
