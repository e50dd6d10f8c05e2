namespace PerformanceAnalytics.Statistics;

/// <summary>The Gaussian posterior of a treatment effect (treatment relative to control).</summary>
/// <param name="Estimate">The posterior mean of the effect.</param>
/// <param name="PosteriorStandardDeviation">The posterior standard deviation.</param>
/// <param name="CredibleInterval">The equal-tailed credible interval, mean ± z·sd.</param>
/// <param name="ChanceToWin">The posterior probability that the effect is positive.</param>
/// <param name="RiskControl">The expected loss of shipping control, E[max(effect, 0)].</param>
/// <param name="RiskTreatment">The expected loss of shipping treatment, E[max(−effect, 0)].</param>
public sealed record BayesianEffect(double Estimate, double PosteriorStandardDeviation, ConfidenceInterval CredibleInterval,
    double ChanceToWin, double RiskControl, double RiskTreatment);
