namespace PerformanceAnalytics.Storage;

/// <summary>The kinds of persisted analysis results, after the original design's tables.</summary>
public enum AnalysisKind
{
    /// <summary>Aggregated historical performance of a content item (content_performance_history).</summary>
    ContentPerformanceHistory,

    /// <summary>Extracted content features (content_feature_analysis).</summary>
    ContentFeatureAnalysis,

    /// <summary>Feature–performance correlation results (correlation_analysis_results).</summary>
    Correlation,

    /// <summary>Trend analysis with forecasts (trend_analysis_results).</summary>
    Trend,

    /// <summary>Optimization insights (optimization_insights).</summary>
    OptimizationInsight,

    /// <summary>A/B test analyses (ab_test_performance).</summary>
    AbTest,

    /// <summary>Platform and industry benchmarks (performance_benchmarks).</summary>
    Benchmark,
}
