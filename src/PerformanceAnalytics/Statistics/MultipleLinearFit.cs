namespace PerformanceAnalytics.Statistics;

/// <summary>An ordinary-least-squares fit of several predictors.</summary>
/// <param name="Coefficients">The coefficients, the intercept first when one was fitted, then one per predictor in input order.</param>
/// <param name="StandardErrors">The standard errors of <paramref name="Coefficients"/>.</param>
/// <param name="PValues">The two-sided t-test p-values of <paramref name="Coefficients"/>, n − p degrees of freedom.</param>
/// <param name="RSquared">
/// 1 − SSE/SST, with SST centred about the mean when an intercept is fitted and uncentred (Σy²) otherwise,
/// as NIST StRD and statsmodels define it for models without a constant.
/// </param>
/// <param name="AdjustedRSquared">1 − (1 − R²)(n − k)/(n − p), k = 1 with an intercept and 0 without (statsmodels).</param>
/// <param name="ResidualStandardError">√(SSE/(n − p)).</param>
/// <param name="FStatistic">The overall F statistic of the predictors (excluding the intercept).</param>
/// <param name="FPValue">The upper-tail p-value of <paramref name="FStatistic"/>.</param>
/// <param name="SampleSize">The number of observations n.</param>
public sealed record MultipleLinearFit(IReadOnlyList<double> Coefficients, IReadOnlyList<double> StandardErrors,
    IReadOnlyList<double> PValues, double RSquared, double AdjustedRSquared, double ResidualStandardError,
    double FStatistic, double FPValue, int SampleSize);
