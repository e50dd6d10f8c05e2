using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics.Forecasting;

/// <summary>
/// The ETS recursions, criteria and analytic intervals run with R's own fitted parameters and initial states
/// (fixture ets_fixed.csv from R forecast 8.20 ets/forecast.ets): deterministic, so they must agree closely.
/// </summary>
public sealed class EtsEngineTests
{
    public static IEnumerable<TestCaseData> Cases() =>
        ForecastingFixtures.ReadCsv("ets_fixed.csv")
            .Select(r => new TestCaseData(r).SetName($"Evaluate_{r["series"]}_{r["model"]}_MatchesR"));

    [TestCaseSource(nameof(Cases))]
    public void Evaluate_WithRParametersAndStates_MatchesRLikelihoodForecastAndInterval(Dictionary<string, string> row)
    {
        var (y, frequency) = ForecastingFixtures.Classic(row["series"]);
        var model = EtsModel.Parse(row["model"]);
        var states = ForecastingFixtures.Numbers(row["states"]);
        var freeStates = states.Length - (model.Seasonal == EtsSeasonal.None ? 0 : 1);
        var estimated = 1 + (model.Trend == EtsTrend.None ? 0 : 1) + (model.Seasonal == EtsSeasonal.None ? 0 : 1) + (model.Trend == EtsTrend.AdditiveDamped ? 1 : 0);
        var fit = EtsEstimation.Evaluate(
            y,
            model,
            frequency,
            ForecastingFixtures.Number(row["alpha"]),
            model.Trend == EtsTrend.None ? 0 : ForecastingFixtures.Number(row["beta"]),
            model.Seasonal == EtsSeasonal.None ? 0 : ForecastingFixtures.Number(row["gamma"]),
            model.Trend == EtsTrend.AdditiveDamped ? ForecastingFixtures.Number(row["phi"]) : 1,
            states,
            freeStates,
            estimated);

        (-0.5 * fit.Likelihood).Should().BeApproximately(ForecastingFixtures.Number(row["loglik"]), 1e-9 * Math.Abs(ForecastingFixtures.Number(row["loglik"])));
        fit.Aicc.Should().BeApproximately(ForecastingFixtures.Number(row["aicc"]), 1e-9 * Math.Abs(fit.Aicc));
        fit.Sigma2.Should().BeApproximately(ForecastingFixtures.Number(row["sigma2"]), 1e-9 * fit.Sigma2);

        var mean = ForecastingFixtures.Numbers(row["mean"]);
        var lower = ForecastingFixtures.Numbers(row["lower"]);
        var upper = ForecastingFixtures.Numbers(row["upper"]);
        var result = PerformanceAnalytics.Statistics.Forecasting.FromEts(fit, mean.Length, 0.95);
        for (var h = 0; h < mean.Length; h++)
        {
            result.Mean[h].Should().BeApproximately(mean[h], 1e-9 * Math.Abs(mean[h]) + 1e-12, $"mean at step {h + 1}");
            result.Lower[h].Should().BeApproximately(lower[h], 1e-8 * Math.Abs(mean[h]), $"lower at step {h + 1}");
            result.Upper[h].Should().BeApproximately(upper[h], 1e-8 * Math.Abs(mean[h]), $"upper at step {h + 1}");
        }
    }
}
