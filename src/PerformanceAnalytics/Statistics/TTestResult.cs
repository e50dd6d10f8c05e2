namespace PerformanceAnalytics.Statistics;

/// <summary>The result of a two-sample t test.</summary>
/// <param name="Statistic">The t statistic of treatment minus control.</param>
/// <param name="DegreesOfFreedom">The (Welch–Satterthwaite) degrees of freedom.</param>
/// <param name="PValue">The two-sided p-value.</param>
/// <param name="Difference">mean(treatment) − mean(control).</param>
/// <param name="ConfidenceInterval">The confidence interval of <paramref name="Difference"/>.</param>
public sealed record TTestResult(double Statistic, double DegreesOfFreedom, double PValue, double Difference,
    ConfidenceInterval ConfidenceInterval);
