namespace PerformanceAnalytics.Statistics;

/// <summary>How the confidence interval of a relative lift is constructed.</summary>
public enum RelativeIntervalMethod
{
    /// <summary>Symmetric interval from the delta-method standard error of the lift (GrowthBook, PostHog, Eppo).</summary>
    Delta,

    /// <summary>
    /// Fieller's (1954) interval for the ratio of the arm means, which is asymmetric and exact under normality;
    /// unbounded when the control mean is not significantly different from zero.
    /// </summary>
    Fieller,
}
