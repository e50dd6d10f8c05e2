namespace PerformanceAnalytics.Model;

/// <summary>How a metric's observations combine over time.</summary>
public enum MetricKind
{
    /// <summary>A lifetime total at the observation time; activity per period is the difference of totals.</summary>
    Counter,

    /// <summary>A value at the observation instant; aggregated by last value or mean, never summed.</summary>
    Gauge,
}
