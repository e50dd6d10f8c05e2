using System.Text.Json;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Correlation against scipy.stats 1.10 (pearsonr, spearmanr, kendalltau asymptotic), fixtures from generate_stats_core.py.</summary>
public sealed class CorrelationReferenceTests
{
    private const double Tolerance = 1e-9;

    private static IEnumerable<TestCaseData> Cases() =>
        StatsCoreFixture.Cases("correlation").Select(c => new TestCaseData(c).SetArgDisplayNames(StatsCoreFixture.Label(c)));

    [TestCaseSource(nameof(Cases))]
    public void Pearson_ScipyFixture_MatchesPearsonr(JsonElement entry)
    {
        var (x, y) = StatsCoreFixture.Pairs(entry);
        var expected = entry.GetProperty("pearson");

        var result = Correlation.Pearson(x, y);

        result.Method.Should().Be(CorrelationMethod.Pearson);
        result.SampleSize.Should().Be(x.Length);
        result.Coefficient.ShouldBeRelative(expected.Number("r"), Tolerance, "r");
        result.PValue.ShouldBeRelative(expected.Number("p"), Tolerance, "p");
        if (expected.TryGetProperty("ci95", out var ci))
        {
            result.ConfidenceInterval.Lower.ShouldBeRelative(ci[0].GetDouble(), Tolerance, "lower");
            result.ConfidenceInterval.Upper.ShouldBeRelative(ci[1].GetDouble(), Tolerance, "upper");
            var ci90 = expected.GetProperty("ci90");
            var r90 = Correlation.Pearson(x, y, 0.90);
            r90.ConfidenceInterval.Lower.ShouldBeRelative(ci90[0].GetDouble(), Tolerance, "lower 90");
            r90.ConfidenceInterval.Upper.ShouldBeRelative(ci90[1].GetDouble(), Tolerance, "upper 90");
        }
        else
        {
            double.IsNaN(result.ConfidenceInterval.Lower).Should().BeTrue();
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void Spearman_ScipyFixture_MatchesSpearmanr(JsonElement entry)
    {
        var (x, y) = StatsCoreFixture.Pairs(entry);
        var expected = entry.GetProperty("spearman");

        var result = Correlation.Spearman(x, y);

        result.Method.Should().Be(CorrelationMethod.Spearman);
        result.Coefficient.ShouldBeRelative(expected.Number("r"), Tolerance, "rho");
        result.PValue.ShouldBeRelative(expected.Number("p"), Tolerance, "p");
        if (expected.TryGetProperty("ci95", out var ci))
        {
            result.ConfidenceInterval.Lower.ShouldBeRelative(ci[0].GetDouble(), Tolerance, "lower");
            result.ConfidenceInterval.Upper.ShouldBeRelative(ci[1].GetDouble(), Tolerance, "upper");
        }
    }

    [TestCaseSource(nameof(Cases))]
    public void KendallTauB_ScipyFixture_MatchesKendalltauAsymptotic(JsonElement entry)
    {
        var (x, y) = StatsCoreFixture.Pairs(entry);
        var expected = entry.GetProperty("kendall");

        var result = Correlation.KendallTauB(x, y);

        result.Method.Should().Be(CorrelationMethod.KendallTauB);
        result.Coefficient.ShouldBeRelative(expected.Number("tau"), Tolerance, "tau");
        result.PValue.ShouldBeRelative(expected.Number("p"), Tolerance, "p");
        if (expected.TryGetProperty("ci95", out var ci))
        {
            result.ConfidenceInterval.Lower.ShouldBeRelative(ci[0].GetDouble(), Tolerance, "lower");
            result.ConfidenceInterval.Upper.ShouldBeRelative(ci[1].GetDouble(), Tolerance, "upper");
        }
    }

    [Test]
    public void KendallTauB_SmallSamplesWithTies_MatchesDirectPairCount()
    {
        // Reference: tau-b from the O(n²) definition (Kendall 1945), counted pair by pair here.
        var rng = new SplitMix64(99);
        for (var trial = 0; trial < 300; trial++)
        {
            var n = 2 + (trial % 60);
            var x = new double[n];
            var y = new double[n];
            for (var i = 0; i < n; i++)
            {
                x[i] = Math.Floor(rng.Uniform() * (1 + (trial % 7)));
                y[i] = Math.Floor(rng.Uniform() * (1 + (trial % 5))) + (trial % 3 == 0 ? x[i] : 0);
            }

            long concordant = 0, discordant = 0, tiesX = 0, tiesY = 0;
            for (var i = 0; i < n; i++)
            {
                for (var j = i + 1; j < n; j++)
                {
                    var product = Math.Sign(x[i] - x[j]) * Math.Sign(y[i] - y[j]);
                    concordant += product > 0 ? 1 : 0;
                    discordant += product < 0 ? 1 : 0;
                    tiesX += x[i] == x[j] ? 1 : 0;
                    tiesY += y[i] == y[j] ? 1 : 0;
                }
            }

            long total = n * (n - 1) / 2;
            var expected = (concordant - discordant) / Math.Sqrt((double)(total - tiesX) * (total - tiesY));

            var tau = Correlation.KendallTauB(x, y).Coefficient;

            if (tiesX == total || tiesY == total)
            {
                double.IsNaN(tau).Should().BeTrue();
            }
            else
            {
                tau.Should().BeApproximately(expected, 1e-12, $"trial {trial}");
            }
        }
    }

    [Test]
    public void AllMethods_TooFewPairs_ReturnNaN()
    {
        double[] two = [1, 2];
        double.IsNaN(Correlation.Pearson(two, two).PValue).Should().BeTrue();
        double.IsNaN(Correlation.Spearman(two, two).PValue).Should().BeTrue();
        double.IsNaN(Correlation.Pearson([1.0], [2.0]).Coefficient).Should().BeTrue();
        double.IsNaN(Correlation.KendallTauB([], []).Coefficient).Should().BeTrue();
    }

    [Test]
    public void AllMethods_ConstantSample_ReturnNaNCoefficient()
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] constant = [3, 3, 3, 3, 3];
        double.IsNaN(Correlation.Pearson(x, constant).Coefficient).Should().BeTrue();
        double.IsNaN(Correlation.Spearman(constant, x).Coefficient).Should().BeTrue();
        double.IsNaN(Correlation.KendallTauB(x, constant).Coefficient).Should().BeTrue();
    }
}
