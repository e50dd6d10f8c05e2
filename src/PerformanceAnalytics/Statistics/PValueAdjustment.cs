namespace PerformanceAnalytics.Statistics;

/// <summary>A multiple-testing adjustment of p-values.</summary>
public enum PValueAdjustment
{
    /// <summary>Holm's (1979) step-down method, controlling the family-wise error rate.</summary>
    Holm,

    /// <summary>Benjamini &amp; Hochberg's (1995) step-up method, controlling the false discovery rate.</summary>
    BenjaminiHochberg,
}
