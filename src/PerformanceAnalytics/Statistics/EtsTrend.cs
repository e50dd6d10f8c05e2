namespace PerformanceAnalytics.Statistics;

/// <summary>Trend component of an exponential-smoothing state-space model.</summary>
/// <remarks>Multiplicative trends are not offered, as in R's <c>forecast::ets</c> default (<c>allow.multiplicative.trend = FALSE</c>).</remarks>
public enum EtsTrend
{
    /// <summary>No trend (N).</summary>
    None,

    /// <summary>Additive (linear) trend (A).</summary>
    Additive,

    /// <summary>Additive trend damped by φ ∈ [0.8, 0.98] (Ad; Gardner and McKenzie 1985).</summary>
    AdditiveDamped,
}
