using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Bad input throws naming the argument; undefined results are NaN as documented.</summary>
public sealed class ExperimentInputTests
{
    private static readonly SampleStatistics _a = new(100, 50, 40);
    private static readonly SampleStatistics _b = new(120, 66, 50);
    private static readonly ProportionStatistics _pa = new(100, 10);
    private static readonly ProportionStatistics _pb = new(100, 12);

    [Test]
    public void Frequentist_NegativeCount_ThrowsNamingArm()
    {
        FluentActions.Invoking(() => Experiments.Frequentist(_a with { Count = -1 }, _b))
            .Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => Experiments.Frequentist(_pa, new ProportionStatistics(-5, 0)))
            .Should().Throw<ArgumentException>().WithParameterName("treatment");
    }

    [Test]
    public void Frequentist_MoreSuccessesThanTrials_ThrowsNamingArm()
    {
        FluentActions.Invoking(() => Experiments.Frequentist(new ProportionStatistics(10, 11), _pb))
            .Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => Experiments.ProbabilityToBeatControl(_pa, new ProportionStatistics(10, -1)))
            .Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => Experiments.TwoProportionZTest(_pa, new ProportionStatistics(3, 4)))
            .Should().Throw<ArgumentException>().WithParameterName("treatment");
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void Frequentist_NonFiniteSums_ThrowNamingArm(double bad)
    {
        FluentActions.Invoking(() => Experiments.Frequentist(_a with { Sum = bad }, _b))
            .Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => Experiments.Frequentist(_a, _b with { SumOfSquares = bad }))
            .Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => Experiments.Frequentist(new RatioStatistics(10, 1, 1, bad, 1, 1), new RatioStatistics(10, 1, 1, 1, 1, 1)))
            .Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => Experiments.Frequentist(new CupedStatistics(10, 1, 1, 1, 1, 1), new CupedStatistics(10, 1, 1, 1, 1, bad)))
            .Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => SampleStatistics.FromValues([1, bad])).Should().Throw<ArgumentException>().WithParameterName("values");
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void AllMethods_AlphaOutsideOpenUnitInterval_ThrowNamingAlpha(double level)
    {
        FluentActions.Invoking(() => Experiments.Frequentist(_a, _b, alpha: level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.Frequentist(_pa, _pb, alpha: level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.Bayesian(_a, _b, alpha: level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.RelativeLift(_a, _b, RelativeIntervalMethod.Fieller, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.Power(1, 0.1, 10, 10, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.RequiredSampleSizePerArm(0, 1, 0.1, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
        FluentActions.Invoking(() => Experiments.SampleRatioMismatch([1, 2], [1, 1], level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("threshold");
    }

    [Test]
    public void Frequentist_BadTuning_ThrowsNamingSequentialTuning()
    {
        FluentActions.Invoking(() => Experiments.Frequentist(_a, _b, sequentialTuning: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sequentialTuning");
        FluentActions.Invoking(() => Experiments.Frequentist(_a, _b, sequentialTuning: double.NaN)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("sequentialTuning");
        FluentActions.Invoking(() => Experiments.Frequentist(_a, _b, EffectScale.Absolute, Alternative.Greater, 0.6, 5000))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }

    [Test]
    public void Bayesian_BadPrior_ThrowsNamingPrior()
    {
        FluentActions.Invoking(() => Experiments.Bayesian(_a, _b, priorMean: 0.1)).Should().Throw<ArgumentException>().WithParameterName("priorMean");
        FluentActions.Invoking(() => Experiments.Bayesian(_a, _b, priorVariance: 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorVariance");
        FluentActions.Invoking(() => Experiments.Bayesian(_a, _b, priorMean: double.NaN, priorVariance: 1)).Should().Throw<ArgumentException>().WithParameterName("priorMean");
    }

    [Test]
    public void ProbabilityToBeatControl_BadPriors_Throw()
    {
        FluentActions.Invoking(() => Experiments.ProbabilityToBeatControl(_pa, _pb, 0, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorAlpha");
        FluentActions.Invoking(() => Experiments.ProbabilityToBeatControl(_pa, _pb, 1, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorBeta");
    }

    [Test]
    public void RateProbabilityToBeatControl_BadInput_Throws()
    {
        var ok = new CountStatistics(10, 3);
        FluentActions.Invoking(() => Experiments.RateProbabilityToBeatControl(new CountStatistics(10, -1), ok)).Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => Experiments.RateProbabilityToBeatControl(ok, new CountStatistics(double.NaN, 1))).Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => Experiments.RateProbabilityToBeatControl(ok, new CountStatistics(-1, 1))).Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => Experiments.RateProbabilityToBeatControl(ok, ok, 0, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorShape");
        FluentActions.Invoking(() => Experiments.RateProbabilityToBeatControl(ok, ok, 1, double.PositiveInfinity)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("priorRate");
        Experiments.RateProbabilityToBeatControl(new CountStatistics(0, 0), new CountStatistics(0, 0)).Should().BeApproximately(0.5, 1e-15);
    }

    [Test]
    public void SampleRatioMismatch_BadInput_ThrowsNamingArgument()
    {
        FluentActions.Invoking(() => Experiments.SampleRatioMismatch([1, 2], [1])).Should().Throw<ArgumentException>().WithParameterName("expectedWeights");
        FluentActions.Invoking(() => Experiments.SampleRatioMismatch([1, -2], [1, 1])).Should().Throw<ArgumentException>().WithParameterName("observedCounts");
        FluentActions.Invoking(() => Experiments.SampleRatioMismatch([1, 2], [1, double.NaN])).Should().Throw<ArgumentException>().WithParameterName("expectedWeights");
        FluentActions.Invoking(() => Experiments.SampleRatioMismatch([1, 2], [1, -1])).Should().Throw<ArgumentException>().WithParameterName("expectedWeights");
    }

    [Test]
    public void DesignMethods_BadInput_ThrowNamingArgument()
    {
        FluentActions.Invoking(() => Experiments.RequiredSampleSizePerArm(0, 0, 0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("baselineVariance");
        FluentActions.Invoking(() => Experiments.RequiredSampleSizePerArm(0, 1, 0)).Should().Throw<ArgumentException>().WithParameterName("minimumDetectableEffect");
        FluentActions.Invoking(() => Experiments.RequiredSampleSizePerArm(double.NaN, 1, 0.1)).Should().Throw<ArgumentException>().WithParameterName("baselineMean");
        FluentActions.Invoking(() => Experiments.RequiredSampleSizePerArm(0, 1, 0.1, 0.05, 0.01)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("power");
        FluentActions.Invoking(() => Experiments.Power(1, 0.1, 0, 10)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("controlSize");
        FluentActions.Invoking(() => Experiments.Power(1, double.NaN, 10, 10)).Should().Throw<ArgumentException>().WithParameterName("minimumDetectableEffect");
        FluentActions.Invoking(() => Experiments.Winsorize([1, 2], 0.5, 0.4)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("upperQuantile");
        FluentActions.Invoking(() => Experiments.Winsorize([1, 2], -0.1, 0.4)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("lowerQuantile");
        FluentActions.Invoking(() => Experiments.Winsorize([1, double.NaN], 0, 0.9)).Should().Throw<ArgumentException>().WithParameterName("values");
        FluentActions.Invoking(() => RatioStatistics.FromValues([1, 2], [1])).Should().Throw<ArgumentException>().WithParameterName("denominators");
        FluentActions.Invoking(() => CupedStatistics.FromValues([1, 2], [1])).Should().Throw<ArgumentException>().WithParameterName("covariates");
    }

    [Test]
    public void Frequentist_TooFewUnits_ReturnsNaN()
    {
        var r = Experiments.Frequentist(new SampleStatistics(1, 3, 9), _b);
        r.Estimate.Should().Be(double.NaN);
        r.PValue.Should().Be(double.NaN);
        r.IsSignificant.Should().BeFalse();
        Experiments.Frequentist(new ProportionStatistics(0, 0), _pb, EffectScale.Absolute).Estimate.Should().Be(double.NaN);
        Experiments.Bayesian(new ProportionStatistics(0, 0), _pb).ChanceToWin.Should().Be(double.NaN);
        Experiments.TwoProportionZTest(new ProportionStatistics(0, 0), _pb).Should().Be((double.NaN, double.NaN));
    }

    [Test]
    public void Frequentist_ZeroControlMeanOnRelativeScale_ReturnsNaN()
    {
        var r = Experiments.Frequentist(new SampleStatistics(10, 0, 5), _b);
        r.Estimate.Should().Be(double.NaN);
        r.ConfidenceInterval.Should().Be(ConfidenceInterval.Undefined);
        Experiments.Frequentist(new ProportionStatistics(50, 0), _pb).Estimate.Should().Be(double.NaN);
    }

    [Test]
    public void Frequentist_ZeroVariance_ReturnsEstimateWithNaNInterval()
    {
        var r = Experiments.Frequentist(new ProportionStatistics(50, 0), new ProportionStatistics(60, 0), EffectScale.Absolute);
        r.Estimate.Should().Be(0);
        r.StandardError.Should().Be(0);
        r.PValue.Should().Be(double.NaN);
        r.IsSignificant.Should().BeFalse();
    }

    [Test]
    public void Frequentist_NegativeBaseline_LiftHasSignOfDifference()
    {
        // Control mean −2, treatment −1: treatment is higher, so the lift must be +0.5 (not −0.5 as with a signed divisor).
        var control = new SampleStatistics(100, -200, 500);
        var treatment = new SampleStatistics(100, -100, 200);
        var r = Experiments.Frequentist(control, treatment);
        r.Estimate.Should().Be(0.5);
        var fieller = Experiments.RelativeLift(control, treatment, RelativeIntervalMethod.Fieller);
        fieller.ConfidenceInterval.Contains(0.5).Should().BeTrue();
    }

    [Test]
    public void FromValues_MatchesHandSums()
    {
        SampleStatistics.FromValues([1, 2, 3]).Should().Be(new SampleStatistics(3, 6, 14));
        RatioStatistics.FromValues([1, 2], [3, 4]).Should().Be(new RatioStatistics(2, 3, 5, 7, 25, 11));
        CupedStatistics.FromValues([1, 2], [3, 4]).Should().Be(new CupedStatistics(2, 3, 5, 7, 25, 11));
        Experiments.Winsorize([], 0, 1).Should().BeEmpty();
    }
}
