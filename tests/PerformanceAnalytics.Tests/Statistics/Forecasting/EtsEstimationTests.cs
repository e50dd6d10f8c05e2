using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics.Forecasting;

/// <summary>
/// Maximum-likelihood fits against R forecast 8.20 <c>ets(y, model, alpha = …, …)</c> (fixture ets_refit.csv):
/// the optimiser replicates R's Nelder–Mead, starting values and bounds, so it must reach R's optimum.
/// </summary>
public sealed class EtsEstimationTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        ForecastingFixtures.ReadCsv("ets_refit.csv")
            .Select(r => new TestCaseData(r).SetName($"FitEts_Case{r["case"]}_{r["series"].Replace(':', '_')}_{r["model"]}_MatchesR"));

    [TestCaseSource(nameof(Cases))]
    public void FitEts_AsR_ReachesRsOptimumAndForecasts(Dictionary<string, string> row)
    {
        var (y, frequency) = row["series"] == "wineind" ? (ForecastingFixtures.Wineind(), 12) : ForecastingFixtures.Classic(row["series"].Split(':')[0]);
        if (row["series"].Contains(':', StringComparison.Ordinal))
        {
            // "name:n" = the first n observations (fewer than three seasons: Fourier starting values).
            y = y[..int.Parse(row["series"].Split(':')[1], System.Globalization.CultureInfo.InvariantCulture)];
        }

        var model = EtsModel.Parse(row["model"]) with
        {
            Alpha = NullIfNaN(ForecastingFixtures.Number(row["fixed_alpha"])),
            Beta = NullIfNaN(ForecastingFixtures.Number(row["fixed_beta"])),
            Gamma = NullIfNaN(ForecastingFixtures.Number(row["fixed_gamma"])),
        };

        var fit = PerformanceAnalytics.Statistics.Forecasting.FitEts(y, frequency, model);
        var rLogLik = ForecastingFixtures.Number(row["loglik"]);
        fit.LogLikelihood.Should().BeApproximately(rLogLik, 1e-6 * Math.Abs(rLogLik));
        fit.Aicc.Should().BeApproximately(ForecastingFixtures.Number(row["aicc"]), 1e-6 * Math.Abs(fit.Aicc));
        fit.Alpha.Should().BeApproximately(ForecastingFixtures.Number(row["alpha"]), 1e-5);

        var expected = ForecastingFixtures.Numbers(row["mean"]);
        var forecast = PerformanceAnalytics.Statistics.Forecasting.Ets(y, frequency, expected.Length, model);
        for (var h = 0; h < expected.Length; h++)
        {
            forecast.Mean[h].Should().BeApproximately(expected[h], 1e-6 * Math.Abs(expected[h]), $"step {h + 1}");
        }
    }

    /// <summary>TV-F6 (robjhyndman/forecast tests/testthat/test-ets.R): ets(wineind, "MAM", alpha = 0.1611) keeps α and has log-likelihood −1802.9586023 (|diff| &lt; 1e-5).</summary>
    [Test]
    public void FitEts_WineindMamFixedAlpha_MatchesForecastTestSuite()
    {
        var fit = PerformanceAnalytics.Statistics.Forecasting.FitEts(ForecastingFixtures.Wineind(), 12, EtsModel.Parse("MAM") with { Alpha = 0.1611 });
        fit.Alpha.Should().Be(0.1611);
        fit.LogLikelihood.Should().BeApproximately(-1802.9586023, 1e-5);
    }

    private static double? NullIfNaN(double v) => double.IsNaN(v) ? null : v;
}
