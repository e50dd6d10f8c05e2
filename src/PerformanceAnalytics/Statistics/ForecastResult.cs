namespace PerformanceAnalytics.Statistics;

/// <summary>A point forecast with a central prediction interval.</summary>
/// <param name="Model">
/// Name of the method that produced the forecast, e.g. <c>ETS(M,Ad,M)</c>,
/// <c>AICc-weighted ETS: ETS(M,N,M) 0.71, ETS(A,N,A) 0.29</c>, <c>Theta</c>, <c>SeasonalNaive</c> or <c>Naive</c>.
/// </param>
/// <param name="Mean">Point forecasts for steps 1 … horizon.</param>
/// <param name="Lower">Lower bounds of the prediction interval, one per step.</param>
/// <param name="Upper">Upper bounds of the prediction interval, one per step.</param>
/// <param name="Level">Nominal coverage of the interval, in (0, 1).</param>
/// <remarks>Arrays are fresh copies owned by the caller. A bound that cannot be estimated (e.g. a one-point series) is <see cref="double.NaN"/>.</remarks>
public sealed record ForecastResult(string Model, double[] Mean, double[] Lower, double[] Upper, double Level);
