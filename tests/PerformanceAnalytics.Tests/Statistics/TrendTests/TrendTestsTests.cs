using System.Text.Json;
using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// Trend tests against pymannkendall.original_test's formulas (written out in generate_stats_core.py), a direct
/// O(n²) count, scipy.stats.theilslopes, and a calibration simulation.
/// </summary>
public sealed class TrendTestsTests
{
    private const double Tolerance = 1e-9;

    private static IEnumerable<TestCaseData> Cases() =>
        StatsCoreFixture.Cases("trend").Select(c => new TestCaseData(c).SetArgDisplayNames(StatsCoreFixture.Label(c)));

    [TestCaseSource(nameof(Cases))]
    public void MannKendall_ReferenceFixture_MatchesOriginalTest(JsonElement entry)
    {
        var y = StatsCoreFixture.Series(entry);
        var expected = entry.GetProperty("mann_kendall");

        var result = TrendTests.MannKendall(y);

        result.S.Should().Be(expected.Number("s"));
        result.VarianceS.ShouldBeRelative(expected.Number("var_s"), 1e-15, "Var(S)");
        result.Z.ShouldBeRelative(expected.Number("z"), Tolerance, "Z");
        result.PValue.ShouldBeRelative(expected.Number("p"), Tolerance, "p");
        result.Tau.ShouldBeRelative(expected.Number("tau"), Tolerance, "tau");
        result.SampleSize.Should().Be(y.Length);
    }

    [TestCaseSource(nameof(Cases))]
    public void TheilSen_ScipyFixture_MatchesTheilslopes(JsonElement entry)
    {
        var y = StatsCoreFixture.Series(entry);
        foreach (var level in entry.GetProperty("theil_sen").EnumerateObject())
        {
            var expected = level.Value.Array();

            var result = TrendTests.TheilSen(y, double.Parse(level.Name, System.Globalization.CultureInfo.InvariantCulture));

            result.Slope.ShouldBeRelative(expected[0], 1e-12, $"slope at {level.Name}");
            result.Intercept.ShouldBeRelative(expected[1], 1e-12, $"intercept at {level.Name}");
            result.ConfidenceInterval.Lower.ShouldBeRelative(expected[2], 1e-12, $"lower at {level.Name}");
            result.ConfidenceInterval.Upper.ShouldBeRelative(expected[3], 1e-12, $"upper at {level.Name}");
        }
    }

    [Test]
    public void MannKendall_RandomSeriesWithTies_MatchesDirectPairLoop()
    {
        // Reference: S and the tie-corrected Var(S) counted pair by pair (Kendall 1975), O(n²).
        var rng = new SplitMix64(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = 2 + (trial % 80);
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = trial % 2 == 0 ? Math.Floor(rng.Uniform() * 6) + (0.05 * i) : rng.Draw("normal", 0);
                y[i] = trial % 4 == 1 ? Math.Round(y[i]) : y[i];
            }

            long s = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    s += Math.Sign(y[j] - y[i]);
                }
            }

            var tieTerm = y.GroupBy(v => v).Select(g => (double)g.Count()).Sum(t => t * (t - 1) * ((2 * t) + 5));
            var variance = ((n * (n - 1.0) * ((2.0 * n) + 5)) - tieTerm) / 18.0;

            var result = TrendTests.MannKendall(y);

            result.S.Should().Be(s, $"trial {trial}");
            result.VarianceS.Should().BeApproximately(variance, 1e-9 * variance, $"trial {trial}");
            result.Tau.Should().BeApproximately(s / (n * (n - 1) / 2.0), 1e-15);
        }
    }

    [Test]
    public void TheilSen_LargeSeriesSelection_MatchesListingEverySlope()
    {
        // The randomized selection (used above n = 1500) against the sorted list of all slopes, with heavy ties.
        foreach (var (seed, n, kind) in new[] { (1UL, 1600, "int"), (2UL, 1900, "normal"), (3UL, 1600, "cauchy") })
        {
            var rng = new SplitMix64(seed);
            var y = Enumerable.Range(0, n).Select(t => (0.01 * t) + rng.Draw(kind, 8)).ToArray();
            var slopes = new List<double>(n * (n - 1) / 2);
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    slopes.Add((y[j] - y[i]) / (j - i));
                }
            }

            slopes.Sort();
            foreach (var rank in new long[] { 0, 1, slopes.Count / 3, (slopes.Count - 1) / 2, slopes.Count / 2, slopes.Count - 2, slopes.Count - 1 })
            {
                PairwiseSlopeSelection.SelectLarge(y, rank).Should().Be(slopes[(int)rank], $"seed {seed}, rank {rank}");
            }
        }
    }

    [Test]
    public void TheilSen_HundredThousandPoints_RecoversTrend()
    {
        // y = 0.5 t + standard normal noise: the slope estimate must lie within a few standard errors of 0.5, and the
        // interval must contain it; the estimator's exactness is covered by the listing test above.
        var rng = new SplitMix64(11);
        var y = Enumerable.Range(0, 100_000).Select(t => (0.5 * t) + rng.Draw("normal", 0)).ToArray();
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var result = TrendTests.TheilSen(y);

        watch.Stop();
        TestContext.Out.WriteLine($"Theil–Sen n = 1e5: {watch.Elapsed.TotalMilliseconds:F0} ms");
        result.Slope.Should().BeApproximately(0.5, 1e-5);
        result.ConfidenceInterval.Contains(result.Slope).Should().BeTrue();
        result.ConfidenceInterval.Lower.Should().BeLessThan(result.ConfidenceInterval.Upper);
    }

    [Test]
    public void MannKendall_WhiteNoise_FalsePositiveRateWithinMonteCarloError()
    {
        // 2000 seeded white-noise series, n from 100 to 1000: rejections at α = 0.05 must lie inside the two-sided
        // 99.9% binomial interval around 100 expected rejections.
        const int series = 2000;
        var rng = new SplitMix64(2024);
        var rejections = 0;
        for (var k = 0; k < series; k++)
        {
            var n = 100 + (k * 901 / series);
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                y[i] = rng.Draw("normal", 0);
            }

            rejections += TrendTests.MannKendall(y).PValue < 0.05 ? 1 : 0;
        }

        var lower = Enumerable.Range(0, series).First(r => Binomial.CDF(0.05, series, r) >= 0.0005);
        var upper = Enumerable.Range(0, series).First(r => Binomial.CDF(0.05, series, r) >= 0.9995);
        TestContext.Out.WriteLine($"Mann–Kendall rejections: {rejections}/{series} (99.9% interval {lower}–{upper})");
        rejections.Should().BeInRange(lower, upper);
    }

    [Test]
    public void TrendTests_TooFewPointsOrConstantSeries_ReturnNaN()
    {
        double.IsNaN(TrendTests.MannKendall([1.0]).S).Should().BeTrue();
        double.IsNaN(TrendTests.MannKendall([2.0, 2.0, 2.0]).PValue).Should().BeTrue();
        double.IsNaN(TrendTests.TheilSen([1.0]).Slope).Should().BeTrue();
        TrendTests.TheilSen([2.0, 2.0, 2.0]).Slope.Should().Be(0);
    }

    [Test]
    public void TrendTests_BadInput_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => TrendTests.MannKendall([1.0, double.NaN, 2.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => TrendTests.TheilSen([1.0, double.PositiveInfinity, 2.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => TrendTests.TheilSen([1.0, 2.0, 3.0], 1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
        FluentActions.Invoking(() => TrendTests.TheilSen([1.0, 2.0, 3.0], 0.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
    }
}
