using PerformanceAnalytics.Statistics;
using Sut = PerformanceAnalytics.Statistics.Seasonality;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

public sealed class StlTests
{
    private const double Tolerance = 1e-6;

    private static IEnumerable<TestCaseData> StatsmodelsCases() =>
        SeasonalityFixtures.StatsmodelsStl().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    private static IEnumerable<TestCaseData> RCases() =>
        SeasonalityFixtures.RPeriodic().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    // Reference: statsmodels 0.13.5 STL(y, period, **options).fit(**fit), fixture statsmodels_stl.json
    // (make_fixtures.py): periods 7, 12 and 24, robust on and off, default and custom windows, degrees and jumps.
    [TestCaseSource(nameof(StatsmodelsCases))]
    public void Stl_MatchesStatsmodels_ComponentsAndWeightsWithin1e6(StatsmodelsStlCase c)
    {
        var result = Sut.Stl(c.Y, c.Period, c.ToOptions());

        MaxAbsDifference(result.Trend, c.Trend).Should().BeLessThan(Tolerance, "trend");
        MaxAbsDifference(result.Seasonal, c.Seasonal).Should().BeLessThan(Tolerance, "seasonal");
        MaxAbsDifference(result.Remainder, c.Remainder).Should().BeLessThan(Tolerance, "remainder");
        MaxAbsDifference(result.Weights, c.Weights).Should().BeLessThan(Tolerance, "weights");
    }

    // Reference: Wang, Smith & Hyndman (2006) strengths computed with numpy from statsmodels' components
    // (make_fixtures.py, fields trend_strength / seasonal_strength).
    [TestCaseSource(nameof(StatsmodelsCases))]
    public void Stl_Strengths_MatchNumpyOnStatsmodelsComponents(StatsmodelsStlCase c)
    {
        var result = Sut.Stl(c.Y, c.Period, c.ToOptions());

        result.TrendStrength.Should().BeApproximately(c.TrendStrength, 1e-9);
        result.SeasonalStrength.Should().BeApproximately(c.SeasonalStrength, 1e-9);
        Sut.TrendStrength(c.Trend, c.Remainder).Should().BeApproximately(c.TrendStrength, 1e-12);
        Sut.SeasonalStrength(c.Seasonal, c.Remainder).Should().BeApproximately(c.SeasonalStrength, 1e-12);
    }

    // Reference: R 4.2.2 stats::stl(ts(y, frequency = p), s.window = "periodic", robust), fixture
    // r_stl_periodic.json (r_stl_periodic.R). R runs the same Fortran with s.window = 10n + 1, s.degree 0,
    // jumps ceiling(window / 10), inner 1 / outer 15 when robust (else 2 / 0), then averages the seasonal over
    // each cycle position. Here the options are set by hand, as a caller of Stl would.
    [TestCaseSource(nameof(RCases))]
    public void Stl_WithRPeriodicOptions_MatchesRStl(RStlCase c)
    {
        var n = c.Y.Length;
        var options = new StlOptions
        {
            Seasonal = (10 * n) + 1,
            SeasonalDegree = 0,
            Trend = NextOdd(Math.Ceiling(1.5 * c.Period / (1 - (1.5 / ((10 * n) + 1))))),
            LowPass = NextOdd(c.Period),
            TrendDegree = 1,
            LowPassDegree = 1,
            SeasonalJump = (int)Math.Ceiling(((10 * n) + 1) / 10.0),
            Robust = c.Robust,
            InnerIterations = c.Robust ? 1 : 2,
            OuterIterations = c.Robust ? 15 : 0,
        };
        options.TrendJump = (int)Math.Ceiling(options.Trend.Value / 10.0);
        options.LowPassJump = (int)Math.Ceiling(options.LowPass.Value / 10.0);
        (options.Seasonal, options.Trend, options.LowPass).Should().Be((c.SWindow, c.TWindow, c.LWindow));
        (options.SeasonalJump, options.TrendJump, options.LowPassJump).Should().Be((c.SJump, c.TJump, c.LJump));
        (options.SeasonalDegree, options.TrendDegree, options.LowPassDegree).Should().Be((c.SDegree, c.TDegree, c.LDegree));
        (options.InnerIterations, options.OuterIterations).Should().Be((c.Inner, c.Outer));

        var result = Sut.Stl(c.Y, c.Period, options);

        var periodic = new double[n];
        for (var j = 0; j < c.Period; j++)
        {
            var sum = 0.0;
            var count = 0;
            for (var i = j; i < n; i += c.Period)
            {
                sum += result.Seasonal[i];
                count++;
            }

            for (var i = j; i < n; i += c.Period)
            {
                periodic[i] = sum / count;
            }
        }

        MaxAbsDifference(result.Trend, c.Trend).Should().BeLessThan(Tolerance, "trend");
        MaxAbsDifference(result.Weights, c.Weights).Should().BeLessThan(Tolerance, "weights");
        MaxAbsDifference(periodic, c.Seasonal).Should().BeLessThan(Tolerance, "seasonal averaged per cycle position");
    }

    // Reference: as above; StlPeriodic applies R's settings and R's averaging of the seasonal itself.
    [TestCaseSource(nameof(RCases))]
    public void StlPeriodic_MatchesRStlPeriodic_AllComponents(RStlCase c)
    {
        var result = Sut.StlPeriodic(c.Y, c.Period, c.Robust);

        MaxAbsDifference(result.Trend, c.Trend).Should().BeLessThan(Tolerance, "trend");
        MaxAbsDifference(result.Seasonal, c.Seasonal).Should().BeLessThan(Tolerance, "seasonal");
        MaxAbsDifference(result.Remainder, c.Remainder).Should().BeLessThan(Tolerance, "remainder");
        MaxAbsDifference(result.Weights, c.Weights).Should().BeLessThan(Tolerance, "weights");
    }

    // Reference: the windows, degrees, jumps and iteration counts R reported in the fitted stl object (win, deg, jump,
    // inner, outer).
    [TestCaseSource(nameof(RCases))]
    public void RPeriodicStlOptions_MatchesSettingsRUsed(RStlCase c)
    {
        var o = Sut.RPeriodicStlOptions(c.Y.Length, c.Period, c.Robust);

        (o.Seasonal, o.Trend, o.LowPass).Should().Be((c.SWindow, c.TWindow, c.LWindow));
        (o.SeasonalDegree, o.TrendDegree, o.LowPassDegree).Should().Be((c.SDegree, c.TDegree, c.LDegree));
        (o.SeasonalJump, o.TrendJump, o.LowPassJump).Should().Be((c.SJump, c.TJump, c.LJump));
        (o.InnerIterations, o.OuterIterations).Should().Be((c.Inner, c.Outer));
        o.Robust.Should().Be(c.Robust);
    }

    internal static double MaxAbsDifference(double[] actual, double[] expected)
    {
        actual.Should().HaveSameCount(expected);
        var max = 0.0;
        for (var i = 0; i < actual.Length; i++)
        {
            max = Math.Max(max, Math.Abs(actual[i] - expected[i]));
        }

        return max;
    }

    private static int NextOdd(double x)
    {
        var v = (int)Math.Round(x);
        return v % 2 == 0 ? v + 1 : v;
    }
}
