namespace PerformanceAnalytics.Statistics;

/// <summary>Seasonal component of an exponential-smoothing state-space model.</summary>
public enum EtsSeasonal
{
    /// <summary>No seasonality (N).</summary>
    None,

    /// <summary>Additive seasonality (A).</summary>
    Additive,

    /// <summary>Multiplicative seasonality (M); the series must be strictly positive and the error multiplicative.</summary>
    Multiplicative,
}
