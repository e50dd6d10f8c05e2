namespace PerformanceAnalytics.Analysis;

/// <summary>An engagement rate (a ratio) with the formula that produced it.</summary>
/// <param name="Value">The rate; 0.05 is 5 %.</param>
/// <param name="Formula">How it was computed.</param>
public sealed record EngagementRate(double Value, EngagementRateFormula Formula);
