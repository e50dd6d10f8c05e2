using System.Diagnostics.CodeAnalysis;

namespace PerformanceAnalytics.Statistics;

public static partial class Experiments
{
    /// <summary>Computes the Gaussian posterior of the treatment effect on a continuous metric.</summary>
    /// <param name="control">The control arm's sufficient statistics.</param>
    /// <param name="treatment">The treatment arm's sufficient statistics.</param>
    /// <param name="scale">Absolute difference or relative lift; the prior is stated on the same scale.</param>
    /// <param name="priorMean">The prior mean of the effect; <see langword="null"/> means 0 (used only with a prior variance).</param>
    /// <param name="priorVariance">The prior variance of the effect; <see langword="null"/> for the improper flat prior.</param>
    /// <param name="alpha">One minus the credible level, in (0, 1).</param>
    /// <returns>The posterior mean and standard deviation, credible interval, chance to win and both risks.</returns>
    /// <remarks>
    /// <para>
    /// The data enter as Δ̂ ~ N(Δ, v) with Δ̂ and v = SE² as in
    /// <see cref="Frequentist(SampleStatistics, SampleStatistics, EffectScale, Alternative, double, double?)"/> (delta method
    /// for the lift), the model of GrowthBook, PostHog, Eppo and Statsig. With a prior N(μ₀, σ₀²) the posterior precision is
    /// 1/v + 1/σ₀² and the posterior mean (Δ̂/v + μ₀/σ₀²)/precision; with the flat prior the posterior is N(Δ̂, v).
    /// The credible interval uses normal quantiles, μ ± z_{1−α/2}·σ. Chance to win is P(Δ &gt; 0) = Φ(μ/σ); the risks are the
    /// expected losses E[max(Δ, 0)] of keeping control and E[max(−Δ, 0)] of shipping treatment (truncated-normal means).
    /// </para>
    /// <para>All values are NaN when the effect is undefined (as for the frequentist method) or its variance is zero.</para>
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, a sum of squares is negative, <paramref name="priorMean"/> is not finite, or <paramref name="priorMean"/> is given without <paramref name="priorVariance"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) or <paramref name="priorVariance"/> is not positive and finite.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static BayesianEffect Bayesian(SampleStatistics control, SampleStatistics treatment, EffectScale scale = EffectScale.Relative,
        double? priorMean = null, double? priorVariance = null, double alpha = 0.05)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        ValidateBayesianOptions(scale, priorMean, priorVariance, alpha);
        return Posterior(ArmMoments.Contrast(a, b, scale), priorMean, priorVariance, alpha);
    }

    /// <summary>Computes the Gaussian posterior of the treatment effect on a conversion rate.</summary>
    /// <param name="control">The control arm's counts.</param>
    /// <param name="treatment">The treatment arm's counts.</param>
    /// <param name="scale">Absolute difference or relative lift; the prior is stated on the same scale.</param>
    /// <param name="priorMean">The prior mean of the effect; <see langword="null"/> means 0 (used only with a prior variance).</param>
    /// <param name="priorVariance">The prior variance of the effect; <see langword="null"/> for the improper flat prior.</param>
    /// <param name="alpha">One minus the credible level, in (0, 1).</param>
    /// <returns>The posterior summary.</returns>
    /// <remarks>
    /// As <see cref="Bayesian(SampleStatistics, SampleStatistics, EffectScale, double?, double?, double)"/> with per-unit
    /// variance p(1 − p). For the exact probability that one Beta posterior rate exceeds the other, use
    /// <see cref="ProbabilityToBeatControl"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, successes exceed the count, <paramref name="priorMean"/> is not finite, or it is given without <paramref name="priorVariance"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) or <paramref name="priorVariance"/> is not positive and finite.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static BayesianEffect Bayesian(ProportionStatistics control, ProportionStatistics treatment, EffectScale scale = EffectScale.Relative,
        double? priorMean = null, double? priorVariance = null, double alpha = 0.05)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        ValidateBayesianOptions(scale, priorMean, priorVariance, alpha);
        return Posterior(ArmMoments.Contrast(a, b, scale), priorMean, priorVariance, alpha);
    }

    private static void ValidateBayesianOptions(EffectScale scale, double? priorMean, double? priorVariance, double alpha)
    {
        ValidateOptions(scale, Alternative.TwoSided, alpha, null);
        if (priorMean is { } mean && !double.IsFinite(mean))
        {
            throw new ArgumentException($"The prior mean {mean} is not finite.", nameof(priorMean));
        }

        if (priorVariance is { } variance)
        {
            if (!(variance > 0 && double.IsFinite(variance)))
            {
                throw new ArgumentOutOfRangeException(nameof(priorVariance), variance, "The prior variance must be positive and finite.");
            }
        }
        else if (priorMean is not null)
        {
            throw new ArgumentException("A prior mean needs a prior variance; leave both null for the flat prior.", nameof(priorMean));
        }
    }

    private static BayesianEffect Posterior(Contrast contrast, double? priorMean, double? priorVariance, double alpha)
    {
        var v = contrast.Variance;
        if (double.IsNaN(contrast.Estimate) || !(v > 0))
        {
            return new BayesianEffect(double.NaN, double.NaN, ConfidenceInterval.Undefined, double.NaN, double.NaN, double.NaN);
        }

        var mean = contrast.Estimate;
        var variance = v;
        if (priorVariance is { } priorV)
        {
            var precision = (1 / v) + (1 / priorV);
            mean = ((contrast.Estimate / v) + ((priorMean ?? 0) / priorV)) / precision;
            variance = 1 / precision;
        }

        var sd = Math.Sqrt(variance);
        var z = ExperimentMath.NormalQuantile(1 - (alpha / 2));
        var (riskControl, riskTreatment) = ExperimentMath.Risk(mean, sd);
        return new BayesianEffect(mean, sd, new ConfidenceInterval(mean - (z * sd), mean + (z * sd)),
            ExperimentMath.NormalUpperTail(-mean / sd), riskControl, riskTreatment);
    }
}
