namespace PerformanceAnalytics.Statistics;

/// <summary>The evidence gathered for one candidate period by
/// <see cref="Seasonality.DetectPeriod(ReadOnlySpan{double}, ReadOnlySpan{int})"/>.</summary>
/// <param name="Period">The candidate period, in observations.</param>
/// <param name="Evaluated"><see langword="false"/> when the series is shorter than two periods, so the candidate was skipped.</param>
/// <param name="SeasonalStrength">STL seasonal strength max(0, 1 − Var(R)/Var(S + R)) with the default
/// <see cref="StlOptions"/>; NaN when skipped or undefined.</param>
/// <param name="Autocorrelation">The sample autocorrelation at lag <paramref name="Period"/>; NaN when skipped or undefined.</param>
/// <param name="AutocorrelationBound">The 95 % white-noise bound 1.96 / √n.</param>
/// <param name="IsSeasonal">Whether both criteria hold: strength ≥ 0.64 and autocorrelation &gt; bound.</param>
public sealed record SeasonalityCandidate(
    int Period, bool Evaluated, double SeasonalStrength, double Autocorrelation, double AutocorrelationBound,
    bool IsSeasonal);
