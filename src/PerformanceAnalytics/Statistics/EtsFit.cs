namespace PerformanceAnalytics.Statistics;

/// <summary>A fitted exponential-smoothing state-space model: estimates and information criteria.</summary>
/// <param name="Model">The model specification (with the fixed parameters the caller gave).</param>
/// <param name="Alpha">Level smoothing parameter α.</param>
/// <param name="Beta">Trend smoothing parameter β; <see cref="double.NaN"/> without a trend.</param>
/// <param name="Gamma">Seasonal smoothing parameter γ; <see cref="double.NaN"/> without seasonality.</param>
/// <param name="Phi">Damping parameter φ; 1 for an undamped trend, <see cref="double.NaN"/> without a trend.</param>
/// <param name="InitialStates">
/// Initial states in R's order: level ℓ₀, trend b₀ (if any), then the seasonal states s₀, s₋₁, …, s₋ₘ₊₁
/// (the last one is used first).
/// </param>
/// <param name="LogLikelihood">
/// Log-likelihood as R's <c>forecast::ets</c> reports it: −½ (n ln Σε² + 2 Σ ln|ŷ|) (the second sum
/// only for multiplicative errors); the full Gaussian log-likelihood is this minus (n/2)(ln(2π/n) + 1).
/// </param>
/// <param name="Aic">Akaike's criterion, −2 log L + 2k, with k the number of estimated parameters and states plus one for σ².</param>
/// <param name="Aicc">Small-sample corrected AIC, AIC + 2k(k + 1)/(n − k − 1); +∞ when n − k − 1 ≤ 0.</param>
/// <param name="Bic">Schwarz's criterion, −2 log L + k ln n.</param>
/// <param name="Sigma2">Innovation variance Σε²/(n − p), p = all smoothing parameters and free initial states.</param>
/// <param name="SampleSize">Number of observations fitted.</param>
/// <param name="SeasonalPeriod">Seasonal period m used (1 when the model is not seasonal).</param>
/// <remarks>Definitions follow R's <c>forecast</c> 8.20 (<c>etsmodel</c>), so the numbers are comparable with it.</remarks>
public sealed record EtsFit(
    EtsModel Model,
    double Alpha,
    double Beta,
    double Gamma,
    double Phi,
    IReadOnlyList<double> InitialStates,
    double LogLikelihood,
    double Aic,
    double Aicc,
    double Bic,
    double Sigma2,
    int SampleSize,
    int SeasonalPeriod)
{
    /// <summary>Gets the model's name, e.g. <c>ETS(A,Ad,A)</c>.</summary>
    public string Name => Model.Name;
}
