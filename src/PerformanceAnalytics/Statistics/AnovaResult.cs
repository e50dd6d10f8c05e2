namespace PerformanceAnalytics.Statistics;

/// <summary>The result of a one-way analysis of variance.</summary>
/// <param name="FStatistic">The F statistic, between-group over within-group mean square.</param>
/// <param name="DegreesOfFreedomBetween">k − 1 for k groups.</param>
/// <param name="DegreesOfFreedomWithin">N − k for N observations.</param>
/// <param name="PValue">The upper-tail p-value of <paramref name="FStatistic"/>.</param>
/// <param name="EtaSquared">η² = SS_between / SS_total, the share of variance explained by the groups (NIST's R²).</param>
public sealed record AnovaResult(double FStatistic, int DegreesOfFreedomBetween, int DegreesOfFreedomWithin,
    double PValue, double EtaSquared);
