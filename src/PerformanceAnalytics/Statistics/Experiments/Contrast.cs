namespace PerformanceAnalytics.Statistics;

/// <summary>An effect estimate before the interval: the estimate, its variance and the degrees of freedom.</summary>
internal readonly record struct Contrast(double Estimate, double Variance, double DegreesOfFreedom);
