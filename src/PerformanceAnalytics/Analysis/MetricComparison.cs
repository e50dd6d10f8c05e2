using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>A metric over a period and over the period before it.</summary>
/// <param name="Metric">The metric.</param>
/// <param name="Current">The value in the period: activity for counters, mean of last values for gauges; NaN when unknown.</param>
/// <param name="Previous">The value in the previous period of equal length; NaN when unknown.</param>
/// <param name="PercentChange">100 × (current − previous) / previous; <see langword="null"/> when the previous value is 0 or either is unknown.</param>
public sealed record MetricComparison(Metric Metric, double Current, double Previous, double? PercentChange)
{
    /// <summary>Builds a comparison, computing the percent change.</summary>
    /// <param name="metric">The metric.</param>
    /// <param name="current">The current value.</param>
    /// <param name="previous">The previous value.</param>
    /// <returns>The comparison.</returns>
    public static MetricComparison Create(Metric metric, double current, double previous)
    {
        double? change = double.IsNaN(current) || double.IsNaN(previous) || previous == 0
            ? null
            : 100.0 * (current - previous) / Math.Abs(previous);
        return new MetricComparison(metric, current, previous, change);
    }
}
