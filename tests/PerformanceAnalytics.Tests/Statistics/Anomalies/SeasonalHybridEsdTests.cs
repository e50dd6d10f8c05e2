using System.Text.Json;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics.AnomalyDetection;

public sealed class SeasonalHybridEsdTests
{
    // R 4.2 fixtures (TestData/Fixtures/Anomalies/make_shesd_fixtures.R): stats::stl(s.window = "periodic",
    // robust = TRUE), remainder x − seasonal − median(x), and the hybrid ESD with median/mad and qt, following
    // Hochenbaum, Vallis & Kejariwal (2017) and Twitter's AnomalyDetectionVec(direction = "both"). Cases: hourly and
    // daily synthetic series with injected anomalies, a clean period-12 series, and 248 days of Wikipedia page views
    // with a four-week block of injected low values (prophet's R_outliers2). All have odd lengths (see the script):
    // remainders then agree to ~1e-15 of the data range and R_i to ~1e-14.
    [Test]
    public void SeasonalHybridEsd_RFixtures_SameRemainderStatisticsAndAnomalies()
    {
        foreach (var c in LoadCases())
        {
            var scale = c.Data.Max() - c.Data.Min();
            var remainder = Anomalies.SeasonalHybridRemainder(c.Data, c.Period);
            for (var i = 0; i < remainder.Length; i++)
            {
                remainder[i].Should().BeApproximately(c.Remainder[i], 1e-12 * scale, $"{c.Name} remainder[{i}]");
            }

            var steps = (int)Math.Floor(c.Data.Length * c.MaxAnomalyFraction);
            var run = EsdProcedure.Execute(remainder, steps, c.Alpha, robust: true);
            run.Removed.Should().Equal(c.Removed, c.Name);
            GeneralizedEsdTests.AssertRelative(run.Statistics, c.Statistics, 1e-11, c.Name);
            GeneralizedEsdTests.AssertRelative(run.CriticalValues, c.CriticalValues, 1e-12, c.Name);

            var result = Anomalies.SeasonalHybridEsd(c.Data, c.Period, c.MaxAnomalyFraction, c.Alpha);
            result.Indices.Should().Equal(c.Anomalies, c.Name);
            result.Scores.Should().HaveCount(c.Data.Length);
        }
    }

    // The same critical values λ_i from R's qt (make_shesd_fixtures.R, r_esd_critical_values.json) for n up to
    // 14,398 and α down to 0.001.
    [Test]
    public void GeneralizedEsd_CriticalValues_MatchRQt()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Fixtures", "Anomalies", "r_esd_critical_values.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        var rows = 0;
        foreach (var row in document.RootElement.GetProperty("rows").EnumerateArray())
        {
            var expected = row.GetProperty("lambda").GetDouble();
            var actual = EsdProcedure.CriticalValue(row.GetProperty("n").GetInt32(), row.GetProperty("i").GetInt32(), row.GetProperty("alpha").GetDouble());
            actual.Should().BeApproximately(expected, 1e-12 * expected);
            rows++;
        }

        rows.Should().Be(72);
    }

    // Synthetic seasonal series with injected anomalies (our RNG): hourly data, period 24, two weeks, no trend;
    // every injected spike or dip of 8σ or more is found, and nothing else.
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void SeasonalHybridEsd_SyntheticSeasonalSeries_FindsExactlyTheInjectedAnomalies(int seed)
    {
        var random = new Random(seed);
        const int period = 24;
        var y = new double[period * 14];
        for (var t = 0; t < y.Length; t++)
        {
            y[t] = 200 + (40 * Math.Sin(2 * Math.PI * t / period)) + (15 * Math.Cos(4 * Math.PI * t / period))
                + (2 * PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference.Normal(random));
        }

        var injected = Enumerable.Range(0, 6).Select(_ => random.Next(0, y.Length)).Distinct().Order().ToArray();
        foreach (var i in injected)
        {
            y[i] += (random.Next(2) == 0 ? -1 : 1) * (16 + (10 * random.NextDouble()));
        }

        var result = Anomalies.SeasonalHybridEsd(y, period);
        result.Indices.Should().Equal(injected);
        result.Indices.All(i => Math.Abs(result.Scores[i]) > 5).Should().BeTrue();
    }

    // A pure seasonal pattern with nothing else: every remainder is 0 except for the anomaly, so the MAD of the
    // rest is 0 after one step and the procedure stops (Twitter's constant-series guard) without error.
    [Test]
    public void SeasonalHybridEsd_ExactPatternWithOneSpike_FindsTheSpikeAndStops()
    {
        var y = Enumerable.Range(0, 7 * 8).Select(t => (double)(t % 7)).ToArray();
        y[30] += 50;
        Anomalies.SeasonalHybridEsd(y, 7).Indices.Should().Equal(30);
        Anomalies.SeasonalHybridEsd(Enumerable.Repeat(4.0, 30).ToArray(), 5).Indices.Should().BeEmpty();
    }

    // TV-M3 (twitter/AnomalyDetection NA policy): an interior missing value is an error; we reject every NaN and
    // name the argument. Also too short a series, a bad period, fraction or alpha.
    [Test]
    public void SeasonalHybridEsd_BadArguments_ThrowNamingTheArgument()
    {
        var y = Enumerable.Range(0, 50).Select(t => (double)(t % 7)).ToArray();
        var withGap = y.ToArray();
        withGap[20] = double.NaN;
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(withGap, 7)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(y.AsSpan(0, 14), 7)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(y, 1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("period");
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(y, 7, 0.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxAnomalyFraction");
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(y, 7, 0.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxAnomalyFraction");
        FluentActions.Invoking(() => Anomalies.SeasonalHybridEsd(y, 7, 0.1, 1.5)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("alpha");
    }

    // The hybrid ESD works on a sorted copy; it must take exactly the steps of the textbook procedure (median and
    // 1.4826 × MAD of the remaining points recomputed from scratch, farthest point removed, earliest on ties), here on
    // integer data full of ties and on continuous data.
    [Test]
    public void HybridEsd_RandomSamples_SameStepsAsTheDirectProcedure()
    {
        var random = new Random(31);
        for (var trial = 0; trial < 200; trial++)
        {
            var n = random.Next(5, 80);
            var ties = trial % 2 == 0;
            var x = Enumerable.Range(0, n).Select(_ => ties ? random.Next(0, 6) + (random.Next(20) == 0 ? 30.0 : 0.0) : random.NextDouble() * 10).ToArray();
            var steps = random.Next(1, n - 1);
            var run = EsdProcedure.Execute(x, steps, 0.05, robust: true);
            var alive = Enumerable.Range(0, n).ToList();
            for (var i = 0; i < run.Removed.Length; i++)
            {
                var rest = alive.Select(j => x[j]).ToArray();
                var median = Descriptive.Median(rest);
                var scale = 1.4826 * Descriptive.MedianAbsoluteDeviation(rest);
                scale.Should().BePositive();
                var farthest = alive.OrderByDescending(j => Math.Abs(x[j] - median)).ThenBy(j => j).First();
                run.Removed[i].Should().Be(farthest, $"trial {trial}, step {i + 1}");
                run.Statistics[i].Should().BeApproximately(Math.Abs(x[farthest] - median) / scale, 1e-12);
                alive.Remove(farthest);
            }

            if (run.Removed.Length < steps)
            {
                (1.4826 * Descriptive.MedianAbsoluteDeviation(alive.Select(j => x[j]).ToArray())).Should().Be(0);
            }
        }
    }

    private static IEnumerable<ShesdCase> LoadCases()
    {
        var path = Path.Combine(TestContext.CurrentContext.TestDirectory, "TestData", "Fixtures", "Anomalies", "r_shesd.json");
        using var document = JsonDocument.Parse(File.ReadAllText(path));
        foreach (var c in document.RootElement.GetProperty("cases").EnumerateArray())
        {
            yield return new ShesdCase(
                c.GetProperty("name").GetString()!,
                c.GetProperty("period").GetInt32(),
                c.GetProperty("maxAnomalyFraction").GetDouble(),
                c.GetProperty("alpha").GetDouble(),
                Doubles(c.GetProperty("data")),
                Doubles(c.GetProperty("remainder")),
                c.GetProperty("removed").EnumerateArray().Select(e => e.GetInt32()).ToArray(),
                Doubles(c.GetProperty("statistics")),
                Doubles(c.GetProperty("criticalValues")),
                c.GetProperty("anomalies").EnumerateArray().Select(e => e.GetInt32()).ToArray());
        }
    }

    private static double[] Doubles(JsonElement element) => element.EnumerateArray().Select(e => e.GetDouble()).ToArray();

    private sealed record ShesdCase(string Name, int Period, double MaxAnomalyFraction, double Alpha, double[] Data, double[] Remainder,
        int[] Removed, double[] Statistics, double[] CriticalValues, int[] Anomalies);
}
