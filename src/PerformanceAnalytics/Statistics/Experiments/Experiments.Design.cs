using MathNet.Numerics;

namespace PerformanceAnalytics.Statistics;

public static partial class Experiments
{
    /// <summary>Checks whether the observed arm sizes are consistent with the planned traffic split (sample ratio mismatch).</summary>
    /// <param name="observedCounts">The number of units observed in each arm.</param>
    /// <param name="expectedWeights">The planned share of each arm (any positive scale; normalised over arms with weight &gt; 0).</param>
    /// <param name="threshold">The p-value below which a mismatch is flagged, in (0, 1); GrowthBook and Eppo use 0.001.</param>
    /// <returns>The chi-square statistic, its p-value and whether it flags a mismatch.</returns>
    /// <remarks>
    /// Pearson's goodness of fit over the arms with a positive weight: E_i = w_i/Σw · ΣO, χ² = Σ(O_i − E_i)²/E_i with
    /// (number of such arms − 1) degrees of freedom (scipy.stats.chisquare). As in GrowthBook, arms with weight 0 are left
    /// out, and the check does not apply (χ² = 0, p = 1, no mismatch) when fewer than two arms have a positive weight or
    /// no unit was observed in them.
    /// </remarks>
    /// <exception cref="ArgumentException">The spans differ in length, a count is negative, or a weight is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is outside (0, 1).</exception>
    public static SampleRatioMismatchTest SampleRatioMismatch(ReadOnlySpan<long> observedCounts, ReadOnlySpan<double> expectedWeights,
        double threshold = 0.001)
    {
        if (observedCounts.Length != expectedWeights.Length)
        {
            throw new ArgumentException(
                $"There are {observedCounts.Length} counts but {expectedWeights.Length} weights.", nameof(expectedWeights));
        }

        Guard.OpenUnitInterval(threshold, nameof(threshold));
        double totalWeight = 0, totalCount = 0;
        var arms = 0;
        for (var i = 0; i < observedCounts.Length; i++)
        {
            if (observedCounts[i] < 0)
            {
                throw new ArgumentException($"Count {i} is negative ({observedCounts[i]}).", nameof(observedCounts));
            }

            var w = expectedWeights[i];
            if (!(w >= 0 && double.IsFinite(w)))
            {
                throw new ArgumentException($"Weight {i} is {w}; weights must be finite and non-negative.", nameof(expectedWeights));
            }

            if (w > 0)
            {
                totalWeight += w;
                totalCount += observedCounts[i];
                arms++;
            }
        }

        if (arms < 2 || totalCount == 0)
        {
            return new SampleRatioMismatchTest(0, 1, false);
        }

        double chiSquare = 0;
        for (var i = 0; i < observedCounts.Length; i++)
        {
            if (expectedWeights[i] > 0)
            {
                var expected = expectedWeights[i] / totalWeight * totalCount;
                var deviation = observedCounts[i] - expected;
                chiSquare += deviation * deviation / expected;
            }
        }

        var pValue = SpecialFunctions.GammaUpperRegularized((arms - 1) / 2.0, chiSquare / 2);
        return new SampleRatioMismatchTest(chiSquare, pValue, pValue < threshold);
    }

    /// <summary>Tests whether two conversion rates differ with the pooled two-proportion z-test.</summary>
    /// <param name="control">The control arm's counts.</param>
    /// <param name="treatment">The treatment arm's counts.</param>
    /// <returns>
    /// The z statistic (positive when treatment's rate is higher) and its two-sided p-value; both NaN when an arm is empty
    /// or the pooled rate is 0 or 1.
    /// </returns>
    /// <remarks>
    /// z = (p_B − p_A)/√(p̄(1 − p̄)(1/n_A + 1/n_B)) with the pooled rate p̄; equal to statsmodels
    /// <c>proportions_ztest([s_B, s_A], [n_B, n_A])</c> and to Pearson's chi-square on the 2×2 table without continuity
    /// correction (Spotify Confidence's p-value).
    /// </remarks>
    /// <exception cref="ArgumentException">A count is negative or successes exceed the count.</exception>
    public static (double Statistic, double PValue) TwoProportionZTest(ProportionStatistics control, ProportionStatistics treatment)
    {
        ArmMoments.ValidateProportion(control, nameof(control));
        ArmMoments.ValidateProportion(treatment, nameof(treatment));
        if (control.Count == 0 || treatment.Count == 0)
        {
            return (double.NaN, double.NaN);
        }

        var pooled = (double)(control.Successes + treatment.Successes) / (control.Count + treatment.Count);
        var standardError = Math.Sqrt(pooled * (1 - pooled) * ((1.0 / control.Count) + (1.0 / treatment.Count)));
        if (!(standardError > 0))
        {
            return (double.NaN, double.NaN);
        }

        var z = (treatment.Rate - control.Rate) / standardError;
        return (z, 2 * ExperimentMath.NormalUpperTail(Math.Abs(z)));
    }

    /// <summary>Returns the number of units per arm a two-sided test needs to detect an absolute effect with the given power.</summary>
    /// <param name="baselineMean">The metric's baseline (control) mean; validated, and not part of the normal-approximation formula, which needs only the variance.</param>
    /// <param name="baselineVariance">The per-unit variance of the metric (for a rate p, p(1 − p)), assumed equal in both arms.</param>
    /// <param name="minimumDetectableEffect">The absolute effect to detect (treatment − control), non-zero.</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1).</param>
    /// <param name="power">The target power, in (alpha, 1).</param>
    /// <returns>The smallest n per arm with <see cref="Power"/>(variance, effect, n, n, alpha) ≥ power.</returns>
    /// <remarks>
    /// Normal approximation with equal allocation. Starting from the textbook n = 2σ²(z_{1−α/2} + z_{power})²/MDE², which
    /// ignores the far rejection tail, the count is lowered while the two-tailed power of <see cref="Power"/> still reaches
    /// the target, so the result equals the ceiling of statsmodels <c>NormalIndPower().solve_power(effect_size = MDE/σ,
    /// alpha, power, ratio = 1)</c>.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="baselineMean"/> is not finite, or <paramref name="minimumDetectableEffect"/> is zero, NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baselineVariance"/> is not positive and finite, <paramref name="alpha"/> is outside (0, 1), or <paramref name="power"/> is not in (alpha, 1).</exception>
    public static long RequiredSampleSizePerArm(double baselineMean, double baselineVariance, double minimumDetectableEffect,
        double alpha = 0.05, double power = 0.8)
    {
        Guard.Finite(baselineMean, nameof(baselineMean));
        ValidateDesign(baselineVariance, minimumDetectableEffect, alpha);
        if (!(power > alpha && power < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(power), power, "The power must lie strictly between alpha and 1.");
        }

        var zAlpha = ExperimentMath.NormalQuantile(1 - (alpha / 2));
        var zPower = ExperimentMath.NormalQuantile(power);
        var root = (zAlpha + zPower) * (zAlpha + zPower) * 2 * baselineVariance / (minimumDetectableEffect * minimumDetectableEffect);
        var n = (long)Math.Max(1, Math.Ceiling(root));
        while (n > 1 && PowerCore(baselineVariance, minimumDetectableEffect, n - 1, n - 1, zAlpha) >= power)
        {
            n--;
        }

        return n;
    }

    /// <summary>Returns the power of the two-sided test of an absolute effect with the given arm sizes (normal approximation).</summary>
    /// <param name="baselineVariance">The per-unit variance of the metric, assumed equal in both arms.</param>
    /// <param name="minimumDetectableEffect">The true absolute effect; its sign does not matter, and 0 gives power = alpha.</param>
    /// <param name="controlSize">The number of units in control, at least 1.</param>
    /// <param name="treatmentSize">The number of units in treatment, at least 1.</param>
    /// <param name="alpha">The two-sided significance level, in (0, 1).</param>
    /// <returns>Φ(z − z_{1−α/2}) + Φ(−z − z_{1−α/2}) with z = |MDE|/σ·√(n_A n_B/(n_A + n_B)).</returns>
    /// <remarks>
    /// The power of both rejection tails, as Spotify Confidence and statsmodels <c>NormalIndPower().power(effect_size = MDE/σ,
    /// nobs1 = n_A, alpha, ratio = n_B/n_A)</c> compute it.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="minimumDetectableEffect"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="baselineVariance"/> is not positive and finite, a size is below 1, or <paramref name="alpha"/> is outside (0, 1).</exception>
    public static double Power(double baselineVariance, double minimumDetectableEffect, long controlSize, long treatmentSize, double alpha = 0.05)
    {
        if (!(baselineVariance > 0 && double.IsFinite(baselineVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineVariance), baselineVariance, "The variance must be positive and finite.");
        }

        Guard.Finite(minimumDetectableEffect, nameof(minimumDetectableEffect));
        ArgumentOutOfRangeException.ThrowIfLessThan(controlSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(treatmentSize, 1);
        Guard.OpenUnitInterval(alpha, nameof(alpha));
        return PowerCore(baselineVariance, minimumDetectableEffect, controlSize, treatmentSize, ExperimentMath.NormalQuantile(1 - (alpha / 2)));
    }

    /// <summary>Returns a copy of <paramref name="values"/> with every value clamped to the sample's quantiles (winsorizing, capping).</summary>
    /// <param name="values">The per-unit values; not modified.</param>
    /// <param name="lowerQuantile">The lower quantile level in [0, 1]; 0 leaves the low end untouched.</param>
    /// <param name="upperQuantile">The upper quantile level in [<paramref name="lowerQuantile"/>, 1]; 1 leaves the high end untouched.</param>
    /// <returns>A fresh array, in input order, with x clamped to [Q(lower), Q(upper)]; empty for an empty input.</returns>
    /// <remarks>
    /// Heavy-tailed engagement metrics (a few viral posts, a few heavy users) inflate the variance and hide effects; capping
    /// at a high percentile (GrowthBook's percentile capping, PostHog's winsorization) trades a small bias for much lower
    /// variance. The quantiles are <see cref="Descriptive.Quantile"/> (type 7, numpy "linear") computed on the same sample,
    /// so the result equals <c>numpy.clip(x, numpy.quantile(x, lower), numpy.quantile(x, upper))</c>. Apply the same caps to
    /// both arms (compute them on the pooled data) when comparing arms. O(n) expected time.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="values"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A quantile level is outside [0, 1] or <paramref name="lowerQuantile"/> exceeds <paramref name="upperQuantile"/>.</exception>
    public static double[] Winsorize(ReadOnlySpan<double> values, double lowerQuantile, double upperQuantile)
    {
        if (!(lowerQuantile >= 0 && lowerQuantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(lowerQuantile), lowerQuantile, "The quantile level must lie in [0, 1].");
        }

        if (!(upperQuantile >= lowerQuantile && upperQuantile <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(upperQuantile), upperQuantile, "The quantile level must lie in [lowerQuantile, 1].");
        }

        Guard.Finite(values, nameof(values));
        if (values.IsEmpty)
        {
            return [];
        }

        var buffer = values.ToArray();
        var low = Selection.QuantileInPlace(buffer, lowerQuantile);
        var high = Selection.QuantileInPlace(buffer, upperQuantile);
        for (var i = 0; i < values.Length; i++)
        {
            buffer[i] = Math.Clamp(values[i], low, high);
        }

        return buffer;
    }

    private static void ValidateDesign(double baselineVariance, double minimumDetectableEffect, double alpha)
    {
        if (!(baselineVariance > 0 && double.IsFinite(baselineVariance)))
        {
            throw new ArgumentOutOfRangeException(nameof(baselineVariance), baselineVariance, "The variance must be positive and finite.");
        }

        if (!double.IsFinite(minimumDetectableEffect) || minimumDetectableEffect == 0)
        {
            throw new ArgumentException($"The minimum detectable effect {minimumDetectableEffect} must be finite and non-zero.", nameof(minimumDetectableEffect));
        }

        Guard.OpenUnitInterval(alpha, nameof(alpha));
    }

    private static double PowerCore(double variance, double effect, long controlSize, long treatmentSize, double zAlpha)
    {
        double n1 = controlSize, n2 = treatmentSize;
        var z = Math.Abs(effect) / Math.Sqrt(variance) * Math.Sqrt(n1 * n2 / (n1 + n2));
        return ExperimentMath.NormalUpperTail(zAlpha - z) + ExperimentMath.NormalUpperTail(z + zAlpha);
    }
}
