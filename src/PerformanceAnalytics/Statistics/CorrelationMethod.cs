namespace PerformanceAnalytics.Statistics;

/// <summary>The correlation coefficient a <see cref="CorrelationTest"/> reports.</summary>
public enum CorrelationMethod
{
    /// <summary>Pearson's product-moment correlation.</summary>
    Pearson,

    /// <summary>Spearman's rank correlation (Pearson's correlation of average ranks).</summary>
    Spearman,

    /// <summary>Kendall's tau-b, adjusted for ties in either variable.</summary>
    KendallTauB,
}
