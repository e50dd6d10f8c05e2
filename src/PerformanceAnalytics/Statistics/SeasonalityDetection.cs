namespace PerformanceAnalytics.Statistics;

/// <summary>The outcome of <see cref="Seasonality.DetectPeriod(ReadOnlySpan{double}, ReadOnlySpan{int})"/>.</summary>
/// <param name="Period">The detected period, or <see langword="null"/> when no candidate is seasonal.</param>
/// <param name="Candidates">The evidence for every candidate, in the order given.</param>
public sealed record SeasonalityDetection(int? Period, IReadOnlyList<SeasonalityCandidate> Candidates);
