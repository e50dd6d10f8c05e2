namespace PerformanceAnalytics.Statistics;

/// <summary>A correlation coefficient with its two-sided test of zero correlation and a confidence interval.</summary>
/// <param name="Method">The coefficient computed.</param>
/// <param name="Coefficient">The coefficient, in [−1, 1]; <see cref="double.NaN"/> when undefined (see each method).</param>
/// <param name="PValue">The two-sided p-value of the null hypothesis of no association.</param>
/// <param name="ConfidenceInterval">The Fisher-z confidence interval of the coefficient.</param>
/// <param name="SampleSize">The number of pairs.</param>
public sealed record CorrelationTest(CorrelationMethod Method, double Coefficient, double PValue,
    ConfidenceInterval ConfidenceInterval, int SampleSize);
