namespace PerformanceAnalytics.Analysis;

/// <summary>How anomalies are scored.</summary>
public enum AnomalyMethod
{
    /// <summary>|x − mean| / sd above the threshold (3 by default), as the original design did.</summary>
    ZScore,

    /// <summary>The modified z-score of Iglewicz and Hoaglin, 0.6745 (x − median) / MAD, above the threshold (3.5 by default); robust to the outliers it looks for.</summary>
    ModifiedZScore,
}
