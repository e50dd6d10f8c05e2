using PerformanceAnalytics.Statistics;
using Sut = PerformanceAnalytics.Statistics.Seasonality;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

public sealed class StlValidationTests
{
    private static readonly double[] _series = Enumerable.Range(0, 48).Select(i => Math.Sin(i * Math.PI / 6) + (0.01 * i)).ToArray();

    [Test]
    public void Stl_NaNInsideSeries_ThrowsNamingY()
    {
        var y = (double[])_series.Clone();
        y[20] = double.NaN;

        var act = () => Sut.Stl(y, 12);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(1)]
    [TestCase(0)]
    [TestCase(-3)]
    public void Stl_PeriodBelowTwo_ThrowsNamingPeriod(int badPeriod)
    {
        var act = () => Sut.Stl(_series, badPeriod);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
    }

    [TestCase(25)]
    [TestCase(int.MaxValue)]
    public void Stl_PeriodLongerThanHalfTheSeries_ThrowsNamingPeriod(int longPeriod)
    {
        var act = () => Sut.Stl(_series, longPeriod);

        act.Should().Throw<ArgumentException>().WithParameterName("period");
    }

    [Test]
    public void Stl_ExactlyTwoPeriods_Succeeds()
    {
        var result = Sut.Stl(_series, 24);

        result.Trend.Should().HaveCount(48);
    }

    [TestCase(24)]
    [TestCase(30)]
    [TestCase(int.MaxValue)]
    public void StlPeriodic_TwoPeriodsOrFewer_ThrowsNamingY(int longPeriod)
    {
        var act = () => Sut.StlPeriodic(_series, longPeriod, robust: true);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void StlPeriodic_PeriodBelowTwo_ThrowsNamingPeriod()
    {
        var act = () => Sut.StlPeriodic(_series, 1, robust: false);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
    }

    [TestCase(24, 12)]
    [TestCase(0, 2)]
    [TestCase(-5, 2)]
    [TestCase(300_000_000, 2)]
    public void RPeriodicStlOptions_LengthNotAboveTwoPeriodsOrTooLarge_ThrowsNamingLength(int badLength, int period)
    {
        var act = () => Sut.RPeriodicStlOptions(badLength, period, robust: true);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("length");
    }

    [Test]
    public void StlPeriodic_SeasonalIsPeriodic()
    {
        var result = Sut.StlPeriodic(_series, 12, robust: true);

        for (var i = 12; i < _series.Length; i++)
        {
            result.Seasonal[i].Should().Be(result.Seasonal[i - 12]);
        }
    }

    private static IEnumerable<TestCaseData> BadOptions()
    {
        yield return new TestCaseData(new StlOptions { Seasonal = 8 }).SetArgDisplayNames("even seasonal");
        yield return new TestCaseData(new StlOptions { Seasonal = 1 }).SetArgDisplayNames("seasonal 1");
        yield return new TestCaseData(new StlOptions { Trend = 24 }).SetArgDisplayNames("even trend");
        yield return new TestCaseData(new StlOptions { Trend = 1 }).SetArgDisplayNames("trend 1");
        yield return new TestCaseData(new StlOptions { LowPass = 14 }).SetArgDisplayNames("even low-pass");
        yield return new TestCaseData(new StlOptions { SeasonalDegree = 2 }).SetArgDisplayNames("seasonal degree 2");
        yield return new TestCaseData(new StlOptions { TrendDegree = -1 }).SetArgDisplayNames("trend degree -1");
        yield return new TestCaseData(new StlOptions { LowPassDegree = 3 }).SetArgDisplayNames("low-pass degree 3");
        yield return new TestCaseData(new StlOptions { SeasonalJump = 0 }).SetArgDisplayNames("seasonal jump 0");
        yield return new TestCaseData(new StlOptions { TrendJump = 0 }).SetArgDisplayNames("trend jump 0");
        yield return new TestCaseData(new StlOptions { LowPassJump = -2 }).SetArgDisplayNames("low-pass jump -2");
        yield return new TestCaseData(new StlOptions { InnerIterations = 0 }).SetArgDisplayNames("inner 0");
        yield return new TestCaseData(new StlOptions { OuterIterations = -1 }).SetArgDisplayNames("outer -1");
    }

    [TestCaseSource(nameof(BadOptions))]
    public void Stl_InvalidOptions_ThrowsNamingOptions(StlOptions badOptions)
    {
        var act = () => Sut.Stl(_series, 12, badOptions);

        act.Should().Throw<ArgumentException>().WithParameterName("options");
    }

    [Test]
    public void StlOptions_Defaults_AreStatsmodelsDefaults()
    {
        var options = new StlOptions();

        options.Seasonal.Should().Be(7);
        options.Trend.Should().BeNull();
        options.LowPass.Should().BeNull();
        (options.SeasonalDegree, options.TrendDegree, options.LowPassDegree).Should().Be((1, 1, 1));
        (options.SeasonalJump, options.TrendJump, options.LowPassJump).Should().Be((1, 1, 1));
        options.Robust.Should().BeFalse();
        options.InnerIterations.Should().BeNull();
        options.OuterIterations.Should().BeNull();
    }

    [Test]
    public void Stl_NotRobust_WeightsAreOneAndComponentsAddUp()
    {
        var result = Sut.Stl(_series, 12);

        result.Weights.Should().OnlyContain(w => w == 1.0);
        for (var i = 0; i < _series.Length; i++)
        {
            (result.Trend[i] + result.Seasonal[i] + result.Remainder[i]).Should().BeApproximately(_series[i], 1e-12);
        }
    }

    [Test]
    public void Stl_ConstantSeries_StrengthsAreNaN()
    {
        var result = Sut.Stl(Enumerable.Repeat(3.0, 30).ToArray(), 7);

        result.TrendStrength.Should().Be(double.NaN);
        result.SeasonalStrength.Should().Be(double.NaN);
    }

    [Test]
    public void Strengths_LengthMismatch_ThrowsNamingRemainder()
    {
        var trend = () => Sut.TrendStrength([1.0, 2.0, 3.0], [0.1, 0.2]);
        var seasonal = () => Sut.SeasonalStrength([1.0, 2.0, 3.0], [0.1, 0.2]);

        trend.Should().Throw<ArgumentException>().WithParameterName("remainder");
        seasonal.Should().Throw<ArgumentException>().WithParameterName("remainder");
    }

    [Test]
    public void Strengths_NaNInput_ThrowsNamingArgument()
    {
        var trend = () => Sut.TrendStrength([1.0, double.NaN, 3.0], [0.1, 0.2, 0.3]);
        var seasonal = () => Sut.SeasonalStrength([1.0, 2.0, 3.0], [0.1, double.PositiveInfinity, 0.3]);

        trend.Should().Throw<ArgumentException>().WithParameterName("trend");
        seasonal.Should().Throw<ArgumentException>().WithParameterName("remainder");
    }
}
