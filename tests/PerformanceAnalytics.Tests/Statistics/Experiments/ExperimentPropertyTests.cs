using CsCheck;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Properties that must hold for every input (CsCheck).</summary>
public sealed class ExperimentPropertyTests
{
    private static readonly Gen<SampleStatistics> _sample =
        from n in Gen.Long[2, 100_000]
        from magnitude in Gen.Double[0.001, 50]
        from negative in Gen.Bool
        from sd in Gen.Double[0.01, 30]
        let mean = negative ? -magnitude : magnitude
        select new SampleStatistics(n, n * mean, ((n - 1) * sd * sd) + (n * mean * mean));

    private static readonly Gen<ProportionStatistics> _proportion =
        from n in Gen.Long[2, 1_000_000]
        from rate in Gen.Double[0.001, 0.999]
        select new ProportionStatistics(n, Math.Clamp((long)Math.Round(n * rate), 1, n - 1));

    private static readonly Gen<Alternative> _alternative = Gen.Enum<Alternative>();
    private static readonly Gen<EffectScale> _scale = Gen.Enum<EffectScale>();
    private static readonly Gen<double> _alpha = Gen.Double[0.001, 0.4];
    private static readonly Gen<double?> _tuning = Gen.Frequency((2, Gen.Const((double?)null)), (1, Gen.Double[100, 20000].Select(x => (double?)x)));

    [Test]
    public void Frequentist_AnyInput_PValueInUnitIntervalAndSignificanceAgreesWithInterval()
    {
        Gen.Select(_sample, _sample, _scale, _alternative, _alpha, _tuning).Sample((a, b, scale, alternative, alpha, tuning) =>
        {
            var r = Experiments.Frequentist(a, b, scale, alternative, alpha, tuning);
            if (double.IsNaN(r.PValue))
            {
                return !r.IsSignificant;
            }

            return r.PValue is >= 0 and <= 1
                && r.IsSignificant == (r.PValue < alpha)
                && r.ConfidenceInterval.Lower <= r.Estimate && r.Estimate <= r.ConfidenceInterval.Upper;
        });
    }

    [Test]
    public void Frequentist_Proportions_PValueInUnitIntervalAndSignificanceAgreesWithInterval()
    {
        Gen.Select(_proportion, _proportion, _scale, _alternative, _alpha, _tuning).Sample((a, b, scale, alternative, alpha, tuning) =>
        {
            var r = Experiments.Frequentist(a, b, scale, alternative, alpha, tuning);
            return r.PValue is >= 0 and <= 1 && r.IsSignificant == (r.PValue < alpha);
        });
    }

    [Test]
    public void Frequentist_SwappingArms_FlipsAbsoluteEffect()
    {
        Gen.Select(_sample, _sample, _alpha, _tuning).Sample((a, b, alpha, tuning) =>
        {
            var forward = Experiments.Frequentist(a, b, EffectScale.Absolute, Alternative.TwoSided, alpha, tuning);
            var backward = Experiments.Frequentist(b, a, EffectScale.Absolute, Alternative.TwoSided, alpha, tuning);
            var tolerance = 1e-9 * (Math.Abs(forward.Estimate) + forward.StandardError);
            return Math.Abs(forward.Estimate + backward.Estimate) <= tolerance
                && Math.Abs(forward.ConfidenceInterval.Lower + backward.ConfidenceInterval.Upper) <= tolerance
                && Math.Abs(forward.PValue - backward.PValue) <= 1e-9
                && forward.IsSignificant == backward.IsSignificant;
        });
    }

    [Test]
    public void Frequentist_RelativeLift_HasSignOfDifferenceEvenForNegativeBaseline()
    {
        Gen.Select(_sample, _sample).Sample((a, b) =>
        {
            var absolute = Experiments.Frequentist(a, b, EffectScale.Absolute).Estimate;
            var relative = Experiments.Frequentist(a, b).Estimate;
            return a.Sum == 0 ? double.IsNaN(relative) : Math.Sign(absolute) == Math.Sign(relative);
        });
    }

    [Test]
    public void RelativeLift_Fieller_SignificanceAgreesWithPValue()
    {
        Gen.Select(_sample, _sample, _alpha).Sample((a, b, alpha) =>
        {
            var r = Experiments.RelativeLift(a, b, RelativeIntervalMethod.Fieller, alpha);
            return double.IsNaN(r.PValue) ? !r.IsSignificant : r.IsSignificant == (r.PValue < alpha);
        });
    }

    [Test]
    public void ProbabilityToBeatControl_AnyCounts_IsProbabilityAndComplementary()
    {
        var small = from n in Gen.Long[0, 3000] from s in Gen.Long[0, n] select new ProportionStatistics(n, s);
        Gen.Select(small, small).Sample((a, b) =>
        {
            var p = Experiments.ProbabilityToBeatControl(a, b);
            var q = Experiments.ProbabilityToBeatControl(b, a);
            var jeffreys = Experiments.ProbabilityToBeatControl(a, b, 0.5, 0.5);
            var jeffreysSwapped = Experiments.ProbabilityToBeatControl(b, a, 0.5, 0.5);
            return p is >= 0 and <= 1 && Math.Abs(p + q - 1) < 1e-10
                && jeffreys is >= 0 and <= 1 && Math.Abs(jeffreys + jeffreysSwapped - 1) < 1e-10;
        });
    }

    [Test]
    public void Bayesian_ChanceToWin_IsProbabilityAndRisksNonNegative()
    {
        Gen.Select(_sample, _sample, _scale).Sample((a, b, scale) =>
        {
            var r = Experiments.Bayesian(a, b, scale);
            if (scale == EffectScale.Relative && a.Sum == 0)
            {
                return double.IsNaN(r.ChanceToWin);
            }

            return r.ChanceToWin is >= 0 and <= 1 && r.RiskControl >= 0 && r.RiskTreatment >= 0
                && Math.Abs(r.RiskControl - r.RiskTreatment - r.Estimate) <= 1e-9 * (Math.Abs(r.Estimate) + r.PosteriorStandardDeviation);
        });
    }
}
