using PerformanceAnalytics.Statistics;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

public sealed class CalibrationTests
{
    // Seeded simulation under white noise (no change): the fraction of series in which PELT with its default MBIC
    // penalty reports ≥ 1 change point. MBIC (Zhang & Siegmund 2007) is a consistent criterion, not a test with a
    // designed level, so there is no exact nominal rate; the level we hold it to is the conventional 5 %, an
    // upper bound: the false-positive rate must not exceed 0.05 by more than 3 Monte Carlo standard errors, at
    // every n from 100 to 1,000.
    [TestCase(ChangePointCost.MeanVariance)]
    [TestCase(ChangePointCost.Mean)]
    public void Pelt_DefaultPenaltyOnWhiteNoise_FalsePositiveRateWithinFivePercent(ChangePointCost cost)
    {
        var random = new Random(cost == ChangePointCost.Mean ? 2024 : 2025);
        foreach (var (n, replicates) in new[] { (100, 800), (300, 400), (1000, 150) })
        {
            var falsePositives = 0;
            for (var r = 0; r < replicates; r++)
            {
                var y = new double[n];
                for (var i = 0; i < n; i++)
                {
                    y[i] = Normal(random);
                }

                if (ChangePoints.Pelt(y, cost).Length > 0)
                {
                    falsePositives++;
                }
            }

            var rate = (double)falsePositives / replicates;
            var standardError = Math.Sqrt(0.05 * 0.95 / replicates);
            TestContext.Out.WriteLine($"{cost} n {n}: false-positive rate {rate:F4} over {replicates} series");
            rate.Should().BeLessThanOrEqualTo(0.05 + (3 * standardError), $"n = {n}");
        }
    }
}
