namespace PerformanceAnalytics.Statistics;

/// <summary>Error (innovation) form of an exponential-smoothing state-space model (Hyndman et al. 2008, ch. 2).</summary>
public enum EtsError
{
    /// <summary>Additive errors: y = μ + ε.</summary>
    Additive,

    /// <summary>Multiplicative errors: y = μ (1 + ε); the series must be strictly positive.</summary>
    Multiplicative,
}
