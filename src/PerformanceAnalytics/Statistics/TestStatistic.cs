namespace PerformanceAnalytics.Statistics;

/// <summary>A test statistic with its reference distribution's degrees of freedom and p-value.</summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="DegreesOfFreedom">The degrees of freedom of its (asymptotic) distribution.</param>
/// <param name="PValue">The p-value.</param>
public sealed record TestStatistic(double Statistic, double DegreesOfFreedom, double PValue);
