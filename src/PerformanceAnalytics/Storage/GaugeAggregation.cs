namespace PerformanceAnalytics.Storage;

/// <summary>How the observations of a gauge within one bucket combine.</summary>
public enum GaugeAggregation
{
    /// <summary>The mean of the bucket's observations.</summary>
    Mean,

    /// <summary>The last observation in the bucket.</summary>
    Last,
}
