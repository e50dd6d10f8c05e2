namespace PerformanceAnalytics.Model;

/// <summary>The unit of a metric's values.</summary>
public enum MetricUnit
{
    /// <summary>A count of events or people.</summary>
    Count,

    /// <summary>A duration in seconds.</summary>
    Seconds,

    /// <summary>A ratio in [0, 1] (0.05 is 5 %).</summary>
    Ratio,
}
