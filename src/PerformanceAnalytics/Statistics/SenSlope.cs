namespace PerformanceAnalytics.Statistics;

/// <summary>The Theil–Sen (Sen 1968) robust trend line y = Intercept + Slope · t.</summary>
/// <param name="Slope">The median of the pairwise slopes (y_j − y_i)/(j − i), i &lt; j.</param>
/// <param name="Intercept">median(y) − Slope · median(t).</param>
/// <param name="ConfidenceInterval">The distribution-free confidence interval of the slope (Sen 1968, eq. 2.6).</param>
public sealed record SenSlope(double Slope, double Intercept, ConfidenceInterval ConfidenceInterval);
