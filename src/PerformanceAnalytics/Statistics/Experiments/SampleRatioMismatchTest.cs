namespace PerformanceAnalytics.Statistics;

/// <summary>The result of a sample-ratio-mismatch check (Pearson goodness of fit of arm sizes to the planned split).</summary>
/// <param name="ChiSquare">The Pearson chi-square statistic (0 when the check does not apply).</param>
/// <param name="PValue">The upper-tail chi-square p-value (1 when the check does not apply).</param>
/// <param name="IsMismatch">Whether <paramref name="PValue"/> is below the threshold.</param>
public sealed record SampleRatioMismatchTest(double ChiSquare, double PValue, bool IsMismatch);
