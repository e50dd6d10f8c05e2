namespace PerformanceAnalytics.Statistics;

/// <summary>A frequentist estimate of a treatment effect (treatment relative to control).</summary>
/// <param name="Estimate">The point estimate: the absolute difference or the relative lift.</param>
/// <param name="StandardError">The standard error of <paramref name="Estimate"/> (delta method for a lift).</param>
/// <param name="ConfidenceInterval">The confidence interval (or confidence sequence); one bound is infinite for a one-sided test.</param>
/// <param name="PValue">The p-value of the null hypothesis of no effect, in [0, 1].</param>
/// <param name="DegreesOfFreedom">The Welch–Satterthwaite degrees of freedom, or <see cref="double.PositiveInfinity"/> for the normal-based sequential interval.</param>
/// <remarks>
/// The library's single decision rule is that an effect is significant exactly when its interval excludes
/// zero (<see cref="IsSignificant"/>); the p-value is built from the same statistic and critical value, so
/// <c>PValue &lt; alpha</c> agrees with it. Values are <see cref="double.NaN"/> when the effect is undefined
/// (see the producing method).
/// </remarks>
public sealed record EffectEstimate(double Estimate, double StandardError, ConfidenceInterval ConfidenceInterval,
    double PValue, double DegreesOfFreedom)
{
    /// <summary>Gets a value indicating whether the effect is significant: the interval excludes zero.</summary>
    /// <value><see langword="true"/> when both bounds lie strictly on the same side of zero.</value>
    public bool IsSignificant => ConfidenceInterval.ExcludesZero;
}
