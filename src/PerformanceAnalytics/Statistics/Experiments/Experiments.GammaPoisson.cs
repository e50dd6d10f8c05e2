namespace PerformanceAnalytics.Statistics;

public static partial class Experiments
{
    /// <summary>
    /// Returns the exact posterior probability that treatment's event rate exceeds control's, with Poisson counts and
    /// independent Gamma(<paramref name="priorShape"/>, <paramref name="priorRate"/>) priors on each rate.
    /// </summary>
    /// <param name="control">The control arm's events and exposure.</param>
    /// <param name="treatment">The treatment arm's events and exposure.</param>
    /// <param name="priorShape">The prior shape (prior events), positive; 1 by default, PostHog's prior for trend metrics.</param>
    /// <param name="priorRate">The prior rate (prior exposure), positive; 1 by default.</param>
    /// <returns>P(λ_B &gt; λ_A) for λ ~ Gamma(shape + events, rate + exposure) in each arm.</returns>
    /// <remarks>
    /// With posteriors Gamma(α_A, β_A) and Gamma(α_B, β_B), U = β_Aλ_A and V = β_Bλ_B are independent standard Gamma
    /// variables, U/(U + V) ~ Beta(α_A, α_B), and λ_B &gt; λ_A exactly when U/(U + V) &lt; β_A/(β_A + β_B); hence
    /// P(λ_B &gt; λ_A) = I_{β_A/(β_A+β_B)}(α_A, α_B), the regularized incomplete beta, for any real shapes. For whole α_B
    /// this is the finite sum of Evan Miller's "Formulas for Bayesian A/B testing" (count data). It is evaluated by the
    /// continued fraction (DLMF 8.17.22) with a cancellation-free prefactor: no Monte Carlo (PostHog draws 10,000 samples).
    /// </remarks>
    /// <exception cref="ArgumentException">An event count is negative, or an exposure is negative, NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="priorShape"/> or <paramref name="priorRate"/> is not positive and finite.</exception>
    public static double RateProbabilityToBeatControl(CountStatistics control, CountStatistics treatment, double priorShape = 1, double priorRate = 1)
    {
        ValidateCounts(control, nameof(control));
        ValidateCounts(treatment, nameof(treatment));
        if (!(priorShape > 0 && double.IsFinite(priorShape)))
        {
            throw new ArgumentOutOfRangeException(nameof(priorShape), priorShape, "The prior shape must be positive and finite.");
        }

        if (!(priorRate > 0 && double.IsFinite(priorRate)))
        {
            throw new ArgumentOutOfRangeException(nameof(priorRate), priorRate, "The prior rate must be positive and finite.");
        }

        var shapeA = priorShape + control.Events;
        var shapeB = priorShape + treatment.Events;
        var rateA = priorRate + control.Exposure;
        var rateB = priorRate + treatment.Exposure;
        var total = rateA + rateB;
        return Math.Clamp(ExperimentMath.RegularizedBeta(shapeA, shapeB, rateA / total, rateB / total), 0, 1);
    }

    private static void ValidateCounts(CountStatistics statistics, string paramName)
    {
        if (statistics.Events < 0)
        {
            throw new ArgumentException($"The event count {statistics.Events} is negative.", paramName);
        }

        if (!(statistics.Exposure >= 0) || double.IsPositiveInfinity(statistics.Exposure))
        {
            throw new ArgumentException($"The exposure {statistics.Exposure} must be finite and non-negative.", paramName);
        }
    }
}
