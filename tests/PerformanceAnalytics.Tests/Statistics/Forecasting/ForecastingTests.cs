using PerformanceAnalytics.Statistics;
using Fc = PerformanceAnalytics.Statistics.Forecasting;

namespace PerformanceAnalytics.Tests.Statistics.Forecasting;

/// <summary>Theta against R's thetaf (fixture theta.csv), bad input, short and long-period series.</summary>
public sealed class ForecastingTests
{
    public static IEnumerable<TestCaseData> ThetaCases() =>
        ForecastingFixtures.ReadCsv("theta.csv").Select(r => new TestCaseData(r).SetName($"Theta_{r["series"]}_MatchesRThetaf"));

    /// <summary>R forecast 8.20 thetaf(x, h, level = 95) (fixture theta.csv): same SES fit path, so 1e-6 relative.</summary>
    [TestCaseSource(nameof(ThetaCases))]
    public void Theta_ClassicSeries_MatchesRThetaf(Dictionary<string, string> row)
    {
        var (y, m) = ForecastingFixtures.Classic(row["series"]);
        var mean = ForecastingFixtures.Numbers(row["mean"]);
        var lower = ForecastingFixtures.Numbers(row["lower"]);
        var upper = ForecastingFixtures.Numbers(row["upper"]);
        var f = Fc.Theta(y, m, mean.Length);
        f.Model.Should().Be("Theta");
        for (var h = 0; h < mean.Length; h++)
        {
            f.Mean[h].Should().BeApproximately(mean[h], 1e-6 * Math.Abs(mean[h]));
            f.Lower[h].Should().BeApproximately(lower[h], 1e-6 * Math.Abs(mean[h]));
            f.Upper[h].Should().BeApproximately(upper[h], 1e-6 * Math.Abs(mean[h]));
        }
    }

    [Test]
    public void Auto_NaNInside_ThrowsNamingY()
    {
        var act = () => Fc.Auto([1, 2, double.NaN, 4, 5, 6, 7, 8], 1, 3);
        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void Auto_Infinity_ThrowsNamingY()
    {
        var act = () => Fc.Auto([1, 2, double.PositiveInfinity, 4, 5, 6, 7, 8], 1, 3);
        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void Auto_Empty_ThrowsNamingY()
    {
        var act = () => Fc.Auto([], 1, 3);
        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(0)]
    [TestCase(-3)]
    public void Auto_NonPositiveHorizon_ThrowsNamingHorizon(int horizon)
    {
        var act = () => Fc.Auto([1, 2, 3, 4, 5, 6, 7, 8], 1, horizon);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(horizon));
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(95.0)]
    [TestCase(-0.5)]
    [TestCase(double.NaN)]
    public void Auto_LevelOutsideUnitInterval_ThrowsNamingLevel(double level)
    {
        var act = () => Fc.Auto([1, 2, 3, 4, 5, 6, 7, 8], 1, 3, level);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName(nameof(level));
    }

    [TestCase(0)]
    [TestCase(-7)]
    public void Auto_PeriodBelowOne_ThrowsNamingSeasonalPeriod(int period)
    {
        var act = () => Fc.Auto([1, 2, 3, 4, 5, 6, 7, 8], period, 3);
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("seasonalPeriod");
    }

    [Test]
    public void Ets_ForbiddenAdditiveErrorMultiplicativeSeason_ThrowsNamingModel()
    {
        var act = () => Fc.Ets(ForecastingFixtures.Classic("AirPassengers").Values, 12, 12, EtsModel.Parse("ANM"));
        act.Should().Throw<ArgumentException>().WithParameterName("model");
    }

    [Test]
    public void Ets_MultiplicativeErrorWithNonPositiveData_ThrowsNamingY()
    {
        var act = () => Fc.Ets([3, 1, 0, 2, 5, 4, 3, 6, 2, 1], 1, 3, EtsModel.Parse("MNN"));
        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void Ets_SeasonalModelWithPeriodAbove24_ThrowsNamingSeasonalPeriod()
    {
        var act = () => Fc.Ets(Enumerable.Range(0, 400).Select(i => 10.0 + (i % 30)).ToArray(), 30, 3, EtsModel.Parse("ANA"));
        act.Should().Throw<ArgumentException>().WithParameterName("seasonalPeriod");
    }

    [Test]
    public void Ets_FixedAlphaOutOfBounds_ThrowsNamingModel()
    {
        var act = () => Fc.Ets([1, 3, 2, 4, 3, 5, 4, 6, 5, 7], 1, 3, EtsModel.Parse("ANN") with { Alpha = 1.5 });
        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("model");
    }

    [Test]
    public void Ets_TooShortForModel_ThrowsNamingY()
    {
        var act = () => Fc.Ets([1, 3, 2, 4], 1, 3, EtsModel.Parse("AAdN"));
        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void EtsModel_ParseGarbage_ThrowsNamingCode()
    {
        var act = () => EtsModel.Parse("XYZ");
        act.Should().Throw<ArgumentException>().WithParameterName("code");
    }

    [TestCase("ETS(A,Ad,A)", "ETS(A,Ad,A)")]
    [TestCase("MAM", "ETS(M,A,M)")]
    [TestCase("aadn", "ETS(A,Ad,N)")]
    public void EtsModel_Parse_RoundTripsName(string code, string name) =>
        EtsModel.Parse(code).Name.Should().Be(name);

    /// <summary>Fewer than 7 points: documented naive fallback (last value; bounds from first differences, NaN for one point).</summary>
    [Test]
    public void Auto_ShortSeries_NaiveFallback()
    {
        var one = Fc.Auto([5.0], 1, 3);
        one.Model.Should().Be("Naive");
        one.Mean.Should().Equal(5, 5, 5);
        one.Lower.Should().OnlyContain(v => double.IsNaN(v));

        var three = Fc.Auto([1.0, 2.0, 4.0], 4, 2);
        three.Model.Should().Be("Naive");
        three.Mean.Should().Equal(4, 4);

        // σ = √((1² + 2²)/2); 95 % bound at step 2 = 4 − 1.959964 σ √2.
        var sigma = Math.Sqrt(2.5);
        three.Lower[1].Should().BeApproximately(4 - (1.959963984540054 * sigma * Math.Sqrt(2)), 1e-12);
    }

    /// <summary>Periods above 24 are not modelled seasonally (documented, as R's ets): a daily series with period 365 gets a non-seasonal ETS model.</summary>
    [Test]
    public void Auto_PeriodAbove24_UsesNonSeasonalModels()
    {
        var y = Enumerable.Range(0, 800).Select(i => 100 + (10 * Math.Sin(2 * Math.PI * i / 365.0)) + (i % 7)).ToArray();
        var f = Fc.Auto(y, 365, 30);
        f.Mean.Should().HaveCount(30).And.OnlyContain(v => double.IsFinite(v));
        f.Model.Should().NotContain(",A)").And.NotContain(",M)");
    }

    /// <summary>Extreme magnitudes finish with finite output (no hang, no overflow).</summary>
    [TestCase(1e12)]
    [TestCase(1e-12)]
    public void Auto_ExtremeMagnitudes_FiniteForecasts(double scale)
    {
        var y = Enumerable.Range(0, 60).Select(i => scale * (10 + (i % 7) + (0.1 * i))).ToArray();
        var f = Fc.Auto(y, 7, 14);
        f.Mean.Should().OnlyContain(v => double.IsFinite(v));
        f.Lower.Should().OnlyContain(v => double.IsFinite(v));
    }

    /// <summary>Auto returns fresh arrays and is deterministic (no simulation, no random state).</summary>
    [Test]
    public void Auto_SameInput_SameOutputFreshArrays()
    {
        var y = ForecastingFixtures.Classic("USAccDeaths").Values;
        var a = Fc.Auto(y, 12, 24);
        var b = Fc.Auto(y, 12, 24);
        a.Mean.Should().Equal(b.Mean);
        a.Lower.Should().Equal(b.Lower);
        a.Mean.Should().NotBeSameAs(b.Mean);
        a.Level.Should().Be(0.95);
    }

    [Test]
    public void FitEts_AirPassengersMam_ExposesParametersAndCriteria()
    {
        var fit = Fc.FitEts(ForecastingFixtures.Classic("AirPassengers").Values, 12, EtsModel.Parse("MAM"));
        fit.Name.Should().Be("ETS(M,A,M)");
        fit.InitialStates.Should().HaveCount(14);
        fit.Phi.Should().Be(1);
        fit.Aicc.Should().BeGreaterThan(fit.Aic);
        fit.SeasonalPeriod.Should().Be(12);
    }
}
