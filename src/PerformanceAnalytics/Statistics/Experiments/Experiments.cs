using System.Diagnostics.CodeAnalysis;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// A/B-test statistics on per-arm sufficient statistics: frequentist effects (fixed horizon or always-valid
/// confidence sequences), CUPED, ratio metrics, Gaussian Bayesian effects, exact Beta–Binomial win
/// probabilities, sample-ratio-mismatch checks, two-proportion z-tests, sample size and power.
/// </summary>
/// <remarks>
/// <para>
/// Arm A is control and arm B treatment; every effect is treatment relative to control, so a positive effect
/// means treatment is higher. The relative lift is (x̄_B − x̄_A)/|x̄_A|: dividing by the absolute value of the
/// control mean keeps the sign of the lift equal to the sign of the absolute difference when the baseline is
/// negative (the fix of growthbook PR #6658).
/// </para>
/// <para>
/// One decision rule holds everywhere: an effect is significant exactly when its interval excludes zero
/// (<see cref="EffectEstimate.IsSignificant"/>), and p-values are computed from the same statistic and the same
/// critical value, so <c>PValue &lt; alpha</c> gives the same answer.
/// </para>
/// <para>
/// Invalid input (negative counts, more successes than trials, NaN or infinite sums, a level outside (0, 1))
/// throws an <see cref="ArgumentException"/> naming the argument. An effect that the data cannot define (fewer than
/// two units in an arm, a zero control mean on the relative scale, zero variance) is reported with
/// <see cref="double.NaN"/> values as each method documents. Everything here is pure and thread-safe; the
/// win probability is exact, and nothing uses Monte Carlo.
/// </para>
/// </remarks>
public static partial class Experiments
{
    /// <summary>Estimates the effect of treatment on a continuous metric with Welch's t-test (or a confidence sequence).</summary>
    /// <param name="control">The control arm's sufficient statistics.</param>
    /// <param name="treatment">The treatment arm's sufficient statistics.</param>
    /// <param name="scale">Absolute difference or relative lift (delta method).</param>
    /// <param name="alternative">The alternative hypothesis; a one-sided test has one infinite interval bound.</param>
    /// <param name="alpha">The significance level, in (0, 1); the interval has coverage 1 − alpha.</param>
    /// <param name="sequentialTuning">
    /// <see langword="null"/> for a fixed-horizon test; a positive N for the asymptotic confidence sequence of
    /// Waudby-Smith et al. (2023) / Howard et al. (2021) tuned at N units (5000 reproduces GrowthBook, 10000 Eppo).
    /// </param>
    /// <returns>The effect estimate.</returns>
    /// <remarks>
    /// <para>
    /// Absolute: Δ = x̄_B − x̄_A with variance s²_B/n_B + s²_A/n_A. Relative: Δ/|x̄_A| with the delta-method
    /// variance s²_B/(n_B·x̄_A²) + s²_A·x̄_B²/(n_A·x̄_A⁴). Degrees of freedom are Welch–Satterthwaite's from the
    /// per-arm variances, used for both scales; the interval is Δ ± t·SE and the p-value 2·P(T &gt; |Δ|/SE)
    /// (one-sided: P(T &gt; ±Δ/SE), interval [Δ − t_{1−α}·SE, ∞) or (−∞, Δ + t_{1−α}·SE]).
    /// </para>
    /// <para>
    /// Sequential: with n = n_A + n_B, ρ² = (−2 ln α + ln(−2 ln α + 1))/N and half-width
    /// SE·√(2(nρ² + 1)/(nρ²) · ln(√(nρ² + 1)/α)); the always-valid p-value is min(1, 1/E) with the e-value
    /// E = exp(ρ²·nΔ²/(2SE²(nρ² + 1)))/√(nρ² + 1). One-sided sequences use 2α inside ρ and
    /// ln(1 + √(nρ² + 1)/(2α)); their p-value inverts that bound in α with ρ held at the requested α (closed
    /// form, so it agrees with the interval; GrowthBook instead bisects with ρ varying). DegreesOfFreedom is
    /// <see cref="double.PositiveInfinity"/> for sequential results.
    /// </para>
    /// <para>
    /// Undefined results: all values are NaN when an arm has fewer than two units, or, for the relative scale,
    /// when the control mean is zero. When the standard error is zero the estimate is returned with a NaN
    /// interval and p-value.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) (or not below 0.5 for a one-sided sequential test), or <paramref name="sequentialTuning"/> is not positive and finite.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static EffectEstimate Frequentist(SampleStatistics control, SampleStatistics treatment, EffectScale scale = EffectScale.Relative,
        Alternative alternative = Alternative.TwoSided, double alpha = 0.05, double? sequentialTuning = null)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        ValidateOptions(scale, alternative, alpha, sequentialTuning);
        return Finish(ArmMoments.Contrast(a, b, scale), control.Count + treatment.Count, alternative, alpha, sequentialTuning);
    }

    /// <summary>Estimates the effect of treatment on a conversion rate (t-test with per-unit variance p(1 − p), or a confidence sequence).</summary>
    /// <param name="control">The control arm's counts.</param>
    /// <param name="treatment">The treatment arm's counts.</param>
    /// <param name="scale">Absolute difference of rates or relative lift (delta method).</param>
    /// <param name="alternative">The alternative hypothesis.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <param name="sequentialTuning"><see langword="null"/> for a fixed horizon, or the confidence-sequence tuning N.</param>
    /// <returns>The effect estimate.</returns>
    /// <remarks>
    /// As <see cref="Frequentist(SampleStatistics, SampleStatistics, EffectScale, Alternative, double, double?)"/> with
    /// mean p and per-unit variance p(1 − p) (no n/(n − 1) factor), the convention of GrowthBook, PostHog and
    /// Spotify Confidence. A rate of exactly 0 or 1 in both arms has zero variance (NaN interval and p-value).
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative or successes exceed the count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> or <paramref name="sequentialTuning"/> is out of range.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static EffectEstimate Frequentist(ProportionStatistics control, ProportionStatistics treatment, EffectScale scale = EffectScale.Relative,
        Alternative alternative = Alternative.TwoSided, double alpha = 0.05, double? sequentialTuning = null)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        ValidateOptions(scale, alternative, alpha, sequentialTuning);
        return Finish(ArmMoments.Contrast(a, b, scale), control.Count + treatment.Count, alternative, alpha, sequentialTuning);
    }

    /// <summary>Estimates the effect of treatment on a ratio metric (e.g. likes per view) with the delta method.</summary>
    /// <param name="control">The control arm's ratio statistics.</param>
    /// <param name="treatment">The treatment arm's ratio statistics.</param>
    /// <param name="scale">Absolute difference of the ratios or relative lift.</param>
    /// <param name="alternative">The alternative hypothesis.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <param name="sequentialTuning"><see langword="null"/> for a fixed horizon, or the confidence-sequence tuning N.</param>
    /// <returns>The effect estimate; all NaN also when an arm's mean denominator is zero.</returns>
    /// <remarks>
    /// Each arm's ratio R = m̄/d̄ has per-unit delta-method variance
    /// Var(m)/d̄² + m̄²·Var(d)/d̄⁴ − 2·m̄·Cov(m, d)/d̄³ (Deng, Knoblich &amp; Lu 2018); R and that variance then
    /// enter the two-sample test of <see cref="Frequentist(SampleStatistics, SampleStatistics, EffectScale, Alternative, double, double?)"/>.
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> or <paramref name="sequentialTuning"/> is out of range.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static EffectEstimate Frequentist(RatioStatistics control, RatioStatistics treatment, EffectScale scale = EffectScale.Relative,
        Alternative alternative = Alternative.TwoSided, double alpha = 0.05, double? sequentialTuning = null)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        ValidateOptions(scale, alternative, alpha, sequentialTuning);
        return Finish(ArmMoments.Contrast(a, b, scale), control.Count + treatment.Count, alternative, alpha, sequentialTuning);
    }

    /// <summary>Estimates the effect of treatment on a continuous metric with CUPED variance reduction (pooled θ).</summary>
    /// <param name="control">The control arm's post-period metric and pre-period covariate statistics.</param>
    /// <param name="treatment">The treatment arm's statistics.</param>
    /// <param name="scale">Absolute difference of adjusted means or relative lift.</param>
    /// <param name="alternative">The alternative hypothesis.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <param name="sequentialTuning"><see langword="null"/> for a fixed horizon, or the confidence-sequence tuning N.</param>
    /// <returns>The adjusted effect estimate.</returns>
    /// <remarks>
    /// <para>
    /// CUPED (Deng, Xu, Kohavi &amp; Walker 2013) with one θ for both arms from the pooled units, as GrowthBook and
    /// PostHog do: θ = Cov(y, x)/Var(x) over n_A + n_B units (θ = 0, i.e. the unadjusted test, when the pooled
    /// covariate has no variance). Each arm's adjusted mean is ȳ − θx̄ and its adjusted per-unit variance
    /// s²_y + θ²s²_x − 2θ·Cov(y, x); these give the absolute difference, its variance and the Welch degrees of freedom.
    /// </para>
    /// <para>
    /// The relative lift divides the adjusted difference by |ȳ_A|, the unadjusted control mean. Its delta-method variance
    /// differentiates through ȳ_A: treatment term (s²_y,B + θ²s²_x,B − 2θ·Cov_B)/(n_B·ȳ_A²), control term
    /// (s²_y,A·ȳ_B²/ȳ_A² − 2θ·Cov_A·ȳ_B/ȳ_A + θ²·s²_x,A)/(n_A·ȳ_A²), with ȳ_B the unadjusted treatment mean (GrowthBook's
    /// convention). θ is treated as known, the usual large-sample simplification.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> or <paramref name="sequentialTuning"/> is out of range.</exception>
    [SuppressMessage("ApiDesign", "RS0026:Do not add multiple public overloads with optional parameters", Justification = "The statistics contract fixes these overloads, one per statistics type, with these optional parameters; all ship together.")]
    public static EffectEstimate Frequentist(CupedStatistics control, CupedStatistics treatment, EffectScale scale = EffectScale.Relative,
        Alternative alternative = Alternative.TwoSided, double alpha = 0.05, double? sequentialTuning = null)
    {
        ValidateCuped(control, nameof(control));
        ValidateCuped(treatment, nameof(treatment));
        ValidateOptions(scale, alternative, alpha, sequentialTuning);
        return Finish(CupedContrast(control, treatment, scale), control.Count + treatment.Count, alternative, alpha, sequentialTuning);
    }

    /// <summary>Returns the pooled CUPED coefficient θ = Cov(y, x)/Var(x) over the units of both arms.</summary>
    /// <param name="control">The control arm's statistics.</param>
    /// <param name="treatment">The treatment arm's statistics.</param>
    /// <returns>θ; 0 when the pooled covariate has no variance; NaN when there are fewer than two units in total.</returns>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    public static double CupedTheta(CupedStatistics control, CupedStatistics treatment)
    {
        ValidateCuped(control, nameof(control));
        ValidateCuped(treatment, nameof(treatment));
        return PooledTheta(control, treatment);
    }

    /// <summary>Estimates the relative lift of a continuous metric with a chosen interval construction (two-sided, fixed horizon).</summary>
    /// <param name="control">The control arm's sufficient statistics.</param>
    /// <param name="treatment">The treatment arm's sufficient statistics.</param>
    /// <param name="intervalMethod">The delta-method interval or Fieller's interval.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <returns>The lift (x̄_B − x̄_A)/|x̄_A|, its delta-method standard error, the interval and the p-value.</returns>
    /// <remarks>
    /// <para>
    /// <see cref="RelativeIntervalMethod.Delta"/> returns exactly the two-sided relative result of
    /// <see cref="Frequentist(SampleStatistics, SampleStatistics, EffectScale, Alternative, double, double?)"/>.
    /// </para>
    /// <para>
    /// <see cref="RelativeIntervalMethod.Fieller"/> inverts the test of ρ = x̄_B/x̄_A (Fieller 1954): the set of ρ with
    /// (x̄_B − ρx̄_A)² ≤ t²(V_B + ρ²V_A), V = s²/n and t the Welch critical value. With g = t²V_A/x̄_A² &lt; 1 it is
    /// [R ± (t/|x̄_A|)·√(V_A·R² + (1 − g)·V_B)]/(1 − g) with R = x̄_B/x̄_A, mapped to the lift by ρ ↦ sign(x̄_A)(ρ − 1).
    /// At ρ = 1 the inequality is Welch's absolute test, so the p-value is the absolute Welch p-value and it agrees with
    /// the interval. When g ≥ 1 the control mean is not significantly different from zero, the confidence set is the
    /// whole line or two rays, and the result has interval (−∞, +∞) and a NaN p-value (never significant).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) or <paramref name="intervalMethod"/> is undefined.</exception>
    public static EffectEstimate RelativeLift(SampleStatistics control, SampleStatistics treatment, RelativeIntervalMethod intervalMethod, double alpha)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        return RelativeLiftCore(a, b, control.Count + treatment.Count, intervalMethod, alpha);
    }

    /// <summary>Estimates the relative lift of a conversion rate with a chosen interval construction (two-sided, fixed horizon).</summary>
    /// <param name="control">The control arm's counts.</param>
    /// <param name="treatment">The treatment arm's counts.</param>
    /// <param name="intervalMethod">The delta-method interval or Fieller's interval.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <returns>The lift, its delta-method standard error, the interval and the p-value.</returns>
    /// <remarks>As <see cref="RelativeLift(SampleStatistics, SampleStatistics, RelativeIntervalMethod, double)"/> with per-unit variance p(1 − p).</remarks>
    /// <exception cref="ArgumentException">A count is negative or successes exceed the count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="alpha"/> is outside (0, 1) or <paramref name="intervalMethod"/> is undefined.</exception>
    public static EffectEstimate RelativeLift(ProportionStatistics control, ProportionStatistics treatment, RelativeIntervalMethod intervalMethod, double alpha)
    {
        var a = ArmMoments.From(control, nameof(control));
        var b = ArmMoments.From(treatment, nameof(treatment));
        return RelativeLiftCore(a, b, control.Count + treatment.Count, intervalMethod, alpha);
    }

    /// <summary>Estimates the relative lift of a continuous metric at alpha = 0.05 with a chosen interval construction.</summary>
    /// <param name="control">The control arm's sufficient statistics.</param>
    /// <param name="treatment">The treatment arm's sufficient statistics.</param>
    /// <param name="intervalMethod">The delta-method interval or Fieller's interval.</param>
    /// <returns>The lift, its delta-method standard error, the 95% interval and the p-value.</returns>
    /// <remarks>See <see cref="RelativeLift(SampleStatistics, SampleStatistics, RelativeIntervalMethod, double)"/>.</remarks>
    /// <exception cref="ArgumentException">A count is negative, a sum is NaN or infinite, or a sum of squares is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalMethod"/> is undefined.</exception>
    public static EffectEstimate RelativeLift(SampleStatistics control, SampleStatistics treatment, RelativeIntervalMethod intervalMethod)
        => RelativeLift(control, treatment, intervalMethod, 0.05);

    /// <summary>Estimates the relative lift of a conversion rate at alpha = 0.05 with a chosen interval construction.</summary>
    /// <param name="control">The control arm's counts.</param>
    /// <param name="treatment">The treatment arm's counts.</param>
    /// <param name="intervalMethod">The delta-method interval or Fieller's interval.</param>
    /// <returns>The lift, its delta-method standard error, the 95% interval and the p-value.</returns>
    /// <remarks>See <see cref="RelativeLift(ProportionStatistics, ProportionStatistics, RelativeIntervalMethod, double)"/>.</remarks>
    /// <exception cref="ArgumentException">A count is negative or successes exceed the count.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="intervalMethod"/> is undefined.</exception>
    public static EffectEstimate RelativeLift(ProportionStatistics control, ProportionStatistics treatment, RelativeIntervalMethod intervalMethod)
        => RelativeLift(control, treatment, intervalMethod, 0.05);

    private static EffectEstimate RelativeLiftCore(ArmMoments a, ArmMoments b, long totalCount, RelativeIntervalMethod intervalMethod, double alpha)
    {
        Guard.OpenUnitInterval(alpha, nameof(alpha));
        if (intervalMethod is not (RelativeIntervalMethod.Delta or RelativeIntervalMethod.Fieller))
        {
            throw new ArgumentOutOfRangeException(nameof(intervalMethod), intervalMethod, "Unknown interval method.");
        }

        var delta = Finish(ArmMoments.Contrast(a, b, EffectScale.Relative), totalCount, Alternative.TwoSided, alpha, null);
        if (intervalMethod == RelativeIntervalMethod.Delta || double.IsNaN(delta.Estimate))
        {
            return delta;
        }

        var varianceA = a.Variance / a.Count;
        var varianceB = b.Variance / b.Count;
        var absolute = ArmMoments.Contrast(a, b, EffectScale.Absolute);
        if (!(absolute.Variance > 0))
        {
            return delta with { ConfidenceInterval = ConfidenceInterval.Undefined, PValue = double.NaN };
        }

        var t = ExperimentMath.StudentTQuantile(1 - (alpha / 2), absolute.DegreesOfFreedom);
        var pValue = 2 * ExperimentMath.StudentTUpperTail(Math.Abs(absolute.Estimate) / Math.Sqrt(absolute.Variance), absolute.DegreesOfFreedom);
        var g = t * t * varianceA / (a.Mean * a.Mean);
        if (!(g < 1))
        {
            return delta with
            {
                ConfidenceInterval = new ConfidenceInterval(double.NegativeInfinity, double.PositiveInfinity),
                PValue = double.NaN,
            };
        }

        var ratio = b.Mean / a.Mean;
        var half = t / Math.Abs(a.Mean) * Math.Sqrt((varianceA * ratio * ratio) + ((1 - g) * varianceB));
        var lowerRatio = (ratio - half) / (1 - g);
        var upperRatio = (ratio + half) / (1 - g);
        var interval = a.Mean > 0
            ? new ConfidenceInterval(lowerRatio - 1, upperRatio - 1)
            : new ConfidenceInterval(1 - upperRatio, 1 - lowerRatio);
        return delta with { ConfidenceInterval = interval, PValue = Math.Min(1, pValue), DegreesOfFreedom = absolute.DegreesOfFreedom };
    }

    private static void ValidateOptions(EffectScale scale, Alternative alternative, double alpha, double? sequentialTuning)
    {
        if (scale is not (EffectScale.Absolute or EffectScale.Relative))
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, "Unknown effect scale.");
        }

        if (alternative is not (Alternative.TwoSided or Alternative.Greater or Alternative.Less))
        {
            throw new ArgumentOutOfRangeException(nameof(alternative), alternative, "Unknown alternative.");
        }

        Guard.OpenUnitInterval(alpha, nameof(alpha));
        if (sequentialTuning is { } tuning)
        {
            if (!(tuning > 0 && double.IsFinite(tuning)))
            {
                throw new ArgumentOutOfRangeException(nameof(sequentialTuning), tuning, "The tuning parameter must be positive and finite.");
            }

            if (alternative != Alternative.TwoSided && !(alpha < 0.5))
            {
                throw new ArgumentOutOfRangeException(nameof(alpha), alpha, "A one-sided confidence sequence needs alpha below 0.5.");
            }
        }
    }

    /// <summary>Turns an effect, its variance and degrees of freedom into an interval and a p-value.</summary>
    internal static EffectEstimate Finish(Contrast contrast, long totalCount, Alternative alternative, double alpha, double? sequentialTuning)
    {
        var estimate = contrast.Estimate;
        var variance = contrast.Variance;
        if (double.IsNaN(estimate) || double.IsNaN(variance))
        {
            return new EffectEstimate(double.NaN, double.NaN, ConfidenceInterval.Undefined, double.NaN, double.NaN);
        }

        var standardError = Math.Sqrt(variance);
        if (!(standardError > 0))
        {
            return new EffectEstimate(estimate, standardError, ConfidenceInterval.Undefined, double.NaN,
                sequentialTuning is null ? contrast.DegreesOfFreedom : double.PositiveInfinity);
        }

        return sequentialTuning is { } tuning
            ? Sequential(estimate, standardError, totalCount, alternative, alpha, tuning)
            : FixedHorizon(estimate, standardError, contrast.DegreesOfFreedom, alternative, alpha);
    }

    private static EffectEstimate FixedHorizon(double estimate, double standardError, double degreesOfFreedom, Alternative alternative, double alpha)
    {
        var statistic = estimate / standardError;
        switch (alternative)
        {
            case Alternative.Greater:
                {
                    var width = ExperimentMath.StudentTQuantile(1 - alpha, degreesOfFreedom) * standardError;
                    return new EffectEstimate(estimate, standardError, new ConfidenceInterval(estimate - width, double.PositiveInfinity),
                        ExperimentMath.StudentTUpperTail(statistic, degreesOfFreedom), degreesOfFreedom);
                }

            case Alternative.Less:
                {
                    var width = ExperimentMath.StudentTQuantile(1 - alpha, degreesOfFreedom) * standardError;
                    return new EffectEstimate(estimate, standardError, new ConfidenceInterval(double.NegativeInfinity, estimate + width),
                        ExperimentMath.StudentTUpperTail(-statistic, degreesOfFreedom), degreesOfFreedom);
                }

            default:
                {
                    var width = ExperimentMath.StudentTQuantile(1 - (alpha / 2), degreesOfFreedom) * standardError;
                    var pValue = Math.Min(1, 2 * ExperimentMath.StudentTUpperTail(Math.Abs(statistic), degreesOfFreedom));
                    return new EffectEstimate(estimate, standardError, new ConfidenceInterval(estimate - width, estimate + width),
                        pValue, degreesOfFreedom);
                }
        }
    }

    private static EffectEstimate Sequential(double estimate, double standardError, long totalCount, Alternative alternative, double alpha, double tuning)
    {
        // Asymptotic confidence sequence (Waudby-Smith, Arnold, Wu, Howard & Ramdas 2023; Howard, Ramdas,
        // McAuliffe & Sekhon 2021), in the parameterisation of GrowthBook's gbstats; s² = n·SE² is the
        // per-unit variance of the effect estimator.
        double n = totalCount;
        var twoSided = alternative == Alternative.TwoSided;
        var level = twoSided ? alpha : 2 * alpha;
        var logLevel = -2 * Math.Log(level);
        var rho2 = (logLevel + Math.Log(logLevel + 1)) / tuning;
        var nRho2 = n * rho2;
        var root = Math.Sqrt(nRho2 + 1);
        var scaleFactor = 2 * (nRho2 + 1) / nRho2;     // multiplies SE² in the squared half-width
        var standardized2 = estimate * estimate / (standardError * standardError);
        if (twoSided)
        {
            var halfWidth = standardError * Math.Sqrt(scaleFactor * Math.Log(root / alpha));
            var logEValue = (nRho2 * standardized2 / (2 * (nRho2 + 1))) - Math.Log(root);
            var pValue = Math.Min(1, Math.Exp(-logEValue));
            return new EffectEstimate(estimate, standardError, new ConfidenceInterval(estimate - halfWidth, estimate + halfWidth),
                pValue, double.PositiveInfinity);
        }

        var oneSidedHalfWidth = standardError * Math.Sqrt(scaleFactor * Math.Log(1 + (root / (2 * alpha))));
        var signed = alternative == Alternative.Greater ? estimate : -estimate;

        // Invert the bound in alpha with rho fixed: the smallest alpha' whose bound excludes zero.
        var oneSidedP = 1.0;
        if (signed > 0)
        {
            var k = standardized2 / scaleFactor;
            oneSidedP = Math.Min(1, root / (2 * ExperimentMath.ExpM1(k)));
        }

        var interval = alternative == Alternative.Greater
            ? new ConfidenceInterval(estimate - oneSidedHalfWidth, double.PositiveInfinity)
            : new ConfidenceInterval(double.NegativeInfinity, estimate + oneSidedHalfWidth);
        return new EffectEstimate(estimate, standardError, interval, oneSidedP, double.PositiveInfinity);
    }
}
