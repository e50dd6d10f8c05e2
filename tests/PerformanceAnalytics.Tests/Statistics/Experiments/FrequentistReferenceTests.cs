using PerformanceAnalytics.Statistics;
using static PerformanceAnalytics.Tests.Statistics.ExperimentFixtures;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// Agreement with SciPy / statsmodels on raw data (fixtures from TestData/Fixtures/Experiments/generate_experiments.py).
/// The C# side sees only the float sums, so differences include the one-pass-sum rounding; tolerances state the digits.
/// </summary>
public sealed class FrequentistReferenceTests
{
    private const double Tight = 1e-9;

    private static IEnumerable<TestCaseData> Welch() => Cases("welch", e => $"{e.GetProperty("name")} α={e.D("alpha")} {e.GetProperty("alternative")}");

    private static IEnumerable<TestCaseData> Proportions() => Cases("proportions", e => $"{e.GetProperty("control")} vs {e.GetProperty("treatment")}");

    private static IEnumerable<TestCaseData> Cuped() => Cases("cuped", e => e.GetProperty("name").GetString()!);

    private static IEnumerable<TestCaseData> Ratio() => Cases("ratio", e => e.GetProperty("name").GetString()!);

    private static IEnumerable<TestCaseData> SequentialEppo() =>
        Cases("sequentialEppo", e => $"{e.GetProperty("name")} N={e.D("tuning")} α={e.D("alpha")}");

    private static IEnumerable<TestCaseData> Fieller() => Cases("fieller", e => e.GetProperty("name").GetString()!);

    // scipy.stats.ttest_ind(b, a, equal_var=False, alternative=...) for p; interval = diff ± t.ppf(·, Welch df)·se.
    [TestCaseSource(nameof(Welch))]
    public void Frequentist_AbsoluteWelch_MatchesScipyTtestInd(Fixture fixture)
    {
        var e = fixture.Element;
        var r = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Absolute, e.Alternative(), e.D("alpha"));
        Close.To(r.Estimate, e.D("difference"), Tight, "difference");
        Close.To(r.StandardError, e.D("standardError"), Tight, "se");
        Close.To(r.DegreesOfFreedom, e.D("df"), Tight, "df");
        Close.To(r.PValue, e.D("pValue"), 1e-11, "p");
        Close.Bound(r.ConfidenceInterval.Lower, e.D("lower"), e.D("standardError"), Tight, "lower");
        Close.Bound(r.ConfidenceInterval.Upper, e.D("upper"), e.D("standardError"), Tight, "upper");
        r.IsSignificant.Should().Be(r.PValue < e.D("alpha"));
    }

    // Delta-method lift on raw numpy moments, p and interval from scipy.stats.t.
    [TestCaseSource(nameof(Welch))]
    public void Frequentist_RelativeDelta_MatchesRawDataDeltaMethod(Fixture fixture)
    {
        var e = fixture.Element;
        var r = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Relative, e.Alternative(), e.D("alpha"));
        Close.To(r.Estimate, e.D("lift"), Tight, "lift");
        Close.To(r.StandardError, e.D("liftStandardError"), Tight, "se");
        Close.To(r.PValue, e.D("liftPValue"), 1e-11, "p");
        Close.Bound(r.ConfidenceInterval.Lower, e.D("liftLower"), e.D("liftStandardError"), Tight, "lower");
        Close.Bound(r.ConfidenceInterval.Upper, e.D("liftUpper"), e.D("liftStandardError"), Tight, "upper");
        Math.Sign(r.Estimate).Should().Be(Math.Sign(e.D("difference")), "the lift keeps the sign of the difference");
    }

    [TestCaseSource(nameof(Proportions))]
    public void Frequentist_Proportions_MatchesScipyEvaluatedFormula(Fixture fixture)
    {
        var e = fixture.Element;
        var a = e.Proportion("control");
        var b = e.Proportion("treatment");
        var abs = Experiments.Frequentist(a, b, EffectScale.Absolute);
        Close.To(abs.Estimate, e.D("difference"), Tight, "difference");
        Close.To(abs.StandardError, e.D("standardError"), Tight, "se");
        Close.To(abs.DegreesOfFreedom, e.D("df"), Tight, "df");
        Close.To(abs.PValue, e.D("pValue"), 1e-11, "p");
        Close.Bound(abs.ConfidenceInterval.Lower, e.D("lower"), e.D("standardError"), Tight, "lower");
        Close.Bound(abs.ConfidenceInterval.Upper, e.D("upper"), e.D("standardError"), Tight, "upper");
        var rel = Experiments.Frequentist(a, b);
        Close.To(rel.Estimate, e.D("lift"), Tight, "lift");
        Close.To(rel.StandardError, e.D("liftStandardError"), Tight, "lift se");
        Close.To(rel.PValue, e.D("liftPValue"), 1e-11, "lift p");
        Close.Bound(rel.ConfidenceInterval.Lower, e.D("liftLower"), e.D("liftStandardError"), Tight, "lift lower");
        Close.Bound(rel.ConfidenceInterval.Upper, e.D("liftUpper"), e.D("liftStandardError"), Tight, "lift upper");
    }

    // statsmodels.stats.proportion.proportions_ztest([s_B, s_A], [n_B, n_A]).
    [TestCaseSource(nameof(Proportions))]
    public void TwoProportionZTest_MatchesStatsmodelsProportionsZTest(Fixture fixture)
    {
        var e = fixture.Element;
        var (z, p) = Experiments.TwoProportionZTest(e.Proportion("control"), e.Proportion("treatment"));
        Close.To(z, e.D("zStatistic"), Tight, "z");
        Close.To(p, e.D("zPValue"), 1e-9, "p");
    }

    // CUPED absolute = scipy ttest_ind(z_B, z_A, equal_var=False) on z = y − θx with the pooled θ; relative from raw moments.
    [TestCaseSource(nameof(Cuped))]
    public void Frequentist_Cuped_MatchesScipyOnAdjustedValues(Fixture fixture)
    {
        var e = fixture.Element;
        var a = e.Cuped("control");
        var b = e.Cuped("treatment");
        Close.To(Experiments.CupedTheta(a, b), e.D("theta"), 1e-9, "theta");
        var abs = Experiments.Frequentist(a, b, EffectScale.Absolute);
        Close.To(abs.Estimate, e.D("difference"), 1e-8, "difference");
        Close.To(abs.StandardError, e.D("standardError"), 1e-9, "se");
        Close.To(abs.DegreesOfFreedom, e.D("df"), 1e-8, "df");
        Close.To(abs.PValue, e.D("pValue"), 1e-10, "p");
        Close.Bound(abs.ConfidenceInterval.Lower, e.D("lower"), e.D("standardError"), 1e-8, "lower");
        Close.Bound(abs.ConfidenceInterval.Upper, e.D("upper"), e.D("standardError"), 1e-8, "upper");
        var rel = Experiments.Frequentist(a, b);
        Close.To(rel.Estimate, e.D("lift"), 1e-8, "lift");
        Close.To(rel.StandardError, e.D("liftStandardError"), 1e-9, "lift se");
        Close.To(rel.PValue, e.D("liftPValue"), 1e-10, "lift p");
        Close.Bound(rel.ConfidenceInterval.Lower, e.D("liftLower"), e.D("liftStandardError"), 1e-8, "lift lower");
        Close.Bound(rel.ConfidenceInterval.Upper, e.D("liftUpper"), e.D("liftStandardError"), 1e-8, "lift upper");
    }

    [TestCaseSource(nameof(Cuped))]
    public void Frequentist_CupedWithUninformativeCovariate_EqualsUnadjustedTest(Fixture fixture)
    {
        // θ = 0 when the pooled covariate is constant: CUPED must reduce to the plain Welch test.
        var e = fixture.Element;
        var a = e.Cuped("control");
        var b = e.Cuped("treatment");
        var flatA = a with { CovariateSum = a.Count, CovariateSumOfSquares = a.Count, CrossSum = a.Sum };
        var flatB = b with { CovariateSum = b.Count, CovariateSumOfSquares = b.Count, CrossSum = b.Sum };
        var cuped = Experiments.Frequentist(flatA, flatB);
        var plain = Experiments.Frequentist(new SampleStatistics(a.Count, a.Sum, a.SumOfSquares), new SampleStatistics(b.Count, b.Sum, b.SumOfSquares));
        Close.To(cuped.Estimate, plain.Estimate, 1e-12);
        Close.To(cuped.StandardError, plain.StandardError, 1e-12);
        Close.To(cuped.PValue, plain.PValue, 1e-10);
    }

    // Ratio metric: per-unit variance Var(m − R·d)/d̄² on the raw units (numpy), Welch test evaluated with scipy.stats.t.
    [TestCaseSource(nameof(Ratio))]
    public void Frequentist_RatioMetric_MatchesRawDataLinearization(Fixture fixture)
    {
        var e = fixture.Element;
        var a = e.Ratio("control");
        var b = e.Ratio("treatment");
        var abs = Experiments.Frequentist(a, b, EffectScale.Absolute);
        Close.To(abs.Estimate, e.D("difference"), 1e-9, "difference");
        Close.To(abs.StandardError, e.D("standardError"), 1e-8, "se");
        Close.To(abs.DegreesOfFreedom, e.D("df"), 1e-8, "df");
        Close.To(abs.PValue, e.D("pValue"), 1e-10, "p");
        Close.Bound(abs.ConfidenceInterval.Lower, e.D("lower"), e.D("standardError"), 1e-8, "lower");
        Close.Bound(abs.ConfidenceInterval.Upper, e.D("upper"), e.D("standardError"), 1e-8, "upper");
        var rel = Experiments.Frequentist(a, b);
        Close.To(rel.Estimate, e.D("lift"), 1e-9, "lift");
        Close.To(rel.StandardError, e.D("liftStandardError"), 1e-8, "lift se");
        Close.To(rel.PValue, e.D("liftPValue"), 1e-10, "lift p");
    }

    // Fieller: roots of the quadratic (numpy.roots) with the Welch critical value; p = scipy ttest_ind (Welch).
    [TestCaseSource(nameof(Fieller))]
    public void RelativeLift_Fieller_MatchesQuadraticRoots(Fixture fixture)
    {
        var e = fixture.Element;
        var r = Experiments.RelativeLift(e.Sample("control"), e.Sample("treatment"), RelativeIntervalMethod.Fieller);
        Close.To(r.Estimate, e.D("lift"), Tight, "lift");
        if (e.GetProperty("bounded").GetBoolean())
        {
            Close.To(r.ConfidenceInterval.Lower, e.D("lower"), 1e-9, "lower");
            Close.To(r.ConfidenceInterval.Upper, e.D("upper"), 1e-9, "upper");
            Close.To(r.PValue, e.D("pValue"), 1e-11, "p");
            r.IsSignificant.Should().Be(r.PValue < 0.05);
        }
        else
        {
            r.ConfidenceInterval.Should().Be(new ConfidenceInterval(double.NegativeInfinity, double.PositiveInfinity));
            r.PValue.Should().Be(double.NaN);
            r.IsSignificant.Should().BeFalse();
        }
    }

    [TestCaseSource(nameof(Fieller))]
    public void RelativeLift_Delta_EqualsFrequentistRelative(Fixture fixture)
    {
        var e = fixture.Element;
        var delta = Experiments.RelativeLift(e.Sample("control"), e.Sample("treatment"), RelativeIntervalMethod.Delta);
        delta.Should().Be(Experiments.Frequentist(e.Sample("control"), e.Sample("treatment")));
    }

    // Eppo's parameterization of the asymptotic confidence sequence (ρ_E = 1/ρ²_GrowthBook), evaluated on the raw data.
    [TestCaseSource(nameof(SequentialEppo))]
    public void Frequentist_Sequential_MatchesEppoParameterization(Fixture fixture)
    {
        var e = fixture.Element;
        var alpha = e.D("alpha");
        var tuning = e.D("tuning");
        var abs = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Absolute, Alternative.TwoSided, alpha, tuning);
        Close.To(abs.Estimate, e.D("difference"), Tight, "difference");
        Close.Bound(abs.ConfidenceInterval.Lower, e.D("lower"), e.D("standardError"), Tight, "lower");
        Close.Bound(abs.ConfidenceInterval.Upper, e.D("upper"), e.D("standardError"), Tight, "upper");
        abs.DegreesOfFreedom.Should().Be(double.PositiveInfinity);
        abs.IsSignificant.Should().Be(abs.PValue < alpha);
        var rel = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Relative, Alternative.TwoSided, alpha, tuning);
        Close.Bound(rel.ConfidenceInterval.Lower, e.D("liftLower"), e.D("liftStandardError"), Tight, "lift lower");
        Close.Bound(rel.ConfidenceInterval.Upper, e.D("liftUpper"), e.D("liftStandardError"), Tight, "lift upper");
        var fixedHorizon = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Absolute, Alternative.TwoSided, alpha);
        (abs.ConfidenceInterval.Upper - abs.ConfidenceInterval.Lower).Should().BeGreaterThan(
            fixedHorizon.ConfidenceInterval.Upper - fixedHorizon.ConfidenceInterval.Lower, "an always-valid interval is wider");
        abs.PValue.Should().BeGreaterThanOrEqualTo(fixedHorizon.PValue);
    }

    [TestCaseSource(nameof(SequentialEppo))]
    public void Frequentist_OneSidedSequential_MirrorsUnderArmSwap(Fixture fixture)
    {
        var e = fixture.Element;
        var alpha = e.D("alpha");
        var tuning = e.D("tuning");
        var greater = Experiments.Frequentist(e.Sample("control"), e.Sample("treatment"), EffectScale.Absolute, Alternative.Greater, alpha, tuning);
        var less = Experiments.Frequentist(e.Sample("treatment"), e.Sample("control"), EffectScale.Absolute, Alternative.Less, alpha, tuning);
        Close.To(greater.PValue, less.PValue, 1e-12);
        Close.Bound(greater.ConfidenceInterval.Lower, -less.ConfidenceInterval.Upper, greater.StandardError, 1e-12);
        greater.ConfidenceInterval.Upper.Should().Be(double.PositiveInfinity);
        greater.IsSignificant.Should().Be(greater.PValue < alpha);
        less.IsSignificant.Should().Be(less.PValue < alpha);
    }
}
