using System.Diagnostics;
using System.Globalization;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics.Forecasting;

/// <summary>
/// Out-of-sample evaluation of <see cref="PerformanceAnalytics.Statistics.Forecasting.Auto"/> on the origins of
/// classic_eval.csv and wiki_eval.csv (R forecast 8.20 ets and snaive forecasts on the same training windows;
/// protocol in the fixture folder's README): mean MASE no worse than R's ets, pooled 95 % coverage in [90 %, 98 %].
/// </summary>
public sealed class ForecastingEvaluationTests
{
    [TestCase("classic_eval.csv")]
    [TestCase("wiki_eval.csv")]
    public void Auto_OutOfSample_MaseNoWorseThanREtsAndCoverageNominal(string file)
    {
        var rows = ForecastingFixtures.ReadCsv(file);
        var origins = rows.GroupBy(r => (r["series"], r["origin"])).ToList();
        var ours = new Score();
        var oursSelected = new Score();
        var theta = new Score();
        var etsTheta = new Score();
        var rEts = new Score();
        var naive = new Score();
        var stopwatch = new Stopwatch();
        foreach (var group in origins)
        {
            var first = group.First();
            var m = int.Parse(first["frequency"], CultureInfo.InvariantCulture);
            var origin = int.Parse(first["origin"], CultureInfo.InvariantCulture);
            var trainLength = int.Parse(first["train_length"], CultureInfo.InvariantCulture);
            var series = file.StartsWith("wiki", StringComparison.Ordinal)
                ? ForecastingFixtures.WikipediaLogSeries(first["series"])
                : ForecastingFixtures.Classic(first["series"]).Values;
            var train = series.AsSpan(origin - trainLength, trainLength);
            var actual = group.Select(r => ForecastingFixtures.Number(r["actual"])).ToArray();
            for (var h = 0; h < actual.Length; h++)
            {
                series[origin + h].Should().BeApproximately(actual[h], 1e-9 * Math.Abs(actual[h]), "the C# data preparation must reproduce the script's");
            }

            var scale = ForecastingFixtures.Number(first["mase_scale"]);
            stopwatch.Start();
            var auto = PerformanceAnalytics.Statistics.Forecasting.Auto(train, m, actual.Length);
            stopwatch.Stop();
            var selected = PerformanceAnalytics.Statistics.Forecasting.AutoCore(train, m, actual.Length, 0.95, EtsAutoRule.Selection);
            var thetaForecast = PerformanceAnalytics.Statistics.Forecasting.Theta(train, m, actual.Length);
            ours.Add(actual, auto.Mean, auto.Lower, auto.Upper, scale);
            oursSelected.Add(actual, selected.Mean, selected.Lower, selected.Upper, scale);
            theta.Add(actual, thetaForecast.Mean, thetaForecast.Lower, thetaForecast.Upper, scale);
            etsTheta.Add(actual, Average(selected.Mean, thetaForecast.Mean), Average(selected.Lower, thetaForecast.Lower), Average(selected.Upper, thetaForecast.Upper), scale);
            rEts.Add(actual, Column(group, "ets_mean"), Column(group, "ets_lower"), Column(group, "ets_upper"), scale);
            naive.Add(actual, Column(group, "snaive_mean"), Column(group, "snaive_lower"), Column(group, "snaive_upper"), scale);
            TestContext.Out.WriteLine($"{first["series"],-20} origin {origin,5}  ours {auto.Model,-40} R {first["ets_model"]}");
        }

        TestContext.Out.WriteLine($"{file}: {origins.Count} origins, Auto total {stopwatch.Elapsed.TotalMilliseconds:F0} ms");
        TestContext.Out.WriteLine($"{"method",-28} {"mean MASE",10} {"95% coverage",14}");
        TestContext.Out.WriteLine(ours.Line("Forecasting.Auto"));
        TestContext.Out.WriteLine(oursSelected.Line("ETS min-AICc (R's rule)"));
        TestContext.Out.WriteLine(theta.Line("Forecasting.Theta"));
        TestContext.Out.WriteLine(etsTheta.Line("mean(ETS min-AICc, Theta)"));
        TestContext.Out.WriteLine(rEts.Line("R forecast::ets"));
        TestContext.Out.WriteLine(naive.Line("R snaive"));

        ours.MeanMase.Should().BeLessThanOrEqualTo(rEts.MeanMase + 1e-9);
        ours.Coverage.Should().BeInRange(0.90, 0.98);
    }

    private static double[] Average(double[] a, double[] b) => a.Zip(b, (x, z) => (x + z) / 2).ToArray();

    private static double[] Column(IEnumerable<Dictionary<string, string>> rows, string name) =>
        rows.Select(r => ForecastingFixtures.Number(r[name])).ToArray();

    private sealed class Score
    {
        private double _maseSum;
        private int _origins;
        private int _covered;
        private int _points;

        public double MeanMase => _maseSum / _origins;

        public double Coverage => (double)_covered / _points;

        public void Add(double[] actual, double[] mean, double[] lower, double[] upper, double scale)
        {
            var abs = 0.0;
            for (var h = 0; h < actual.Length; h++)
            {
                abs += Math.Abs(actual[h] - mean[h]);
                if (actual[h] >= lower[h] && actual[h] <= upper[h])
                {
                    _covered++;
                }

                _points++;
            }

            _maseSum += abs / actual.Length / scale;
            _origins++;
        }

        public string Line(string name) => string.Create(CultureInfo.InvariantCulture, $"{name,-28} {MeanMase,10:F4} {Coverage,13:P1}");
    }
}
