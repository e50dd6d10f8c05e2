namespace PerformanceAnalytics.Statistics;

/// <summary>An STL decomposition y = trend + seasonal + remainder, with the strengths of its components.</summary>
/// <param name="Trend">The trend component.</param>
/// <param name="Seasonal">The seasonal component.</param>
/// <param name="Remainder">y − trend − seasonal.</param>
/// <param name="Weights">The final robustness weights in [0, 1]; all 1 when the fit is not robust.</param>
/// <param name="TrendStrength">max(0, 1 − Var(R) / Var(T + R)) (Wang, Smith &amp; Hyndman 2006); NaN when Var(T + R) is 0.</param>
/// <param name="SeasonalStrength">max(0, 1 − Var(R) / Var(S + R)) (Wang, Smith &amp; Hyndman 2006); NaN when Var(S + R) is 0.</param>
public sealed record StlResult(
    double[] Trend, double[] Seasonal, double[] Remainder, double[] Weights,
    double TrendStrength, double SeasonalStrength);
