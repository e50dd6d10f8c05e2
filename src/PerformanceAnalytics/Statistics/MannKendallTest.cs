namespace PerformanceAnalytics.Statistics;

/// <summary>The result of the Mann–Kendall test for a monotonic trend.</summary>
/// <param name="S">S = Σ_{i&lt;j} sign(y_j − y_i): concordant minus discordant pairs in time.</param>
/// <param name="VarianceS">The variance of S under no trend, corrected for ties.</param>
/// <param name="Z">The continuity-corrected normal score (S − sign(S))/√Var(S).</param>
/// <param name="PValue">The two-sided normal p-value of <paramref name="Z"/>.</param>
/// <param name="Tau">Kendall's tau-a of the series against time, S/(n(n − 1)/2).</param>
/// <param name="SampleSize">The number of observations n.</param>
public sealed record MannKendallTest(double S, double VarianceS, double Z, double PValue, double Tau, int SampleSize);
