using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// PELT with dual pruning (every cost except the plain vectorised sum of squares) on series with long homogeneous
/// segments, where the dual test drops most candidates: against exact optimal partitioning (Jackson et al. 2005) with
/// segment costs recomputed from the raw data, and against plain PELT (which equals optimal partitioning) on longer series.
/// </summary>
public sealed class PeltDualPruningTests
{
    [Test]
    public void Pelt_MbicOnLongSegments_EqualsOptimalPartitioningOfTheMbicObjective()
    {
        var random = new Random(20261126);
        for (var trial = 0; trial < 6; trial++)
        {
            var n = random.Next(300, 600);
            var y = RandomSeries(random, n);
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                AssertMbicEqualsOptimalPartitioning(y, cost, $"trial {trial}, n {n}, {cost}");
            }
        }
    }

    [Test]
    public void Pelt_MeanVarianceWithExplicitPenaltiesOnLongSegments_EqualsOptimalPartitioning()
    {
        var random = new Random(20261127);
        for (var trial = 0; trial < 4; trial++)
        {
            var n = random.Next(300, 500);
            var y = RandomSeries(random, n);
            foreach (var minSegmentLength in new[] { 2, 5 })
            {
                foreach (var penalty in new[] { 2.0, 2 * Math.Log(n), 4 * Math.Log(n) })
                {
                    AssertEqualsOptimalPartitioning(y, ChangePointCost.MeanVariance, penalty, minSegmentLength);
                }
            }
        }
    }

    // 2 × 10⁴ points with two changes in mean and scale, and a run of equal values (zero variance inside the
    // segment, where only the floor ε keeps the cost finite). Reference: plain PELT, O(n × segment length).
    [Test]
    public void Pelt_VeryLongSegments_AreIdenticalToPlainPelt()
    {
        var random = new Random(81);
        var y = Piecewise(random, [8_000, 7_000, 5_000], [0, 0.15, 0.1], [1, 1.1, 0.9]);
        Array.Fill(y, 0.5, 12_000, 300);
        var n = y.Length;
        foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
        {
            var mbic = new ChangePointSegmentCost(y, cost, NoiseVariance(y), addLogLength: true);
            var mbicPenalty = (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n);
            ChangePointSearch.Pelt(mbic, n, mbicPenalty, 2)
                .Should().Equal(ChangePointSearch.PeltScalar(mbic, n, mbicPenalty, 2, -Math.Log(n)), $"MBIC, {cost}");
        }

        var meanVariance = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, 1.0, addLogLength: false);
        foreach (var (penalty, minSegmentLength) in new[] { (2 * Math.Log(n), 2), (30.0, 10) })
        {
            ChangePointSearch.Pelt(meanVariance, n, penalty, minSegmentLength)
                .Should().Equal(ChangePointSearch.PeltScalar(meanVariance, n, penalty, minSegmentLength, 0.0), $"penalty {penalty}, min length {minSegmentLength}");
        }
    }

    // Every wrong drop shows up as a larger optimal cost F(t) at some end t, so the whole F array of PELT with dual
    // pruning (and, for the mean cost, functional pruning on the line of means) must equal plain PELT's (K = −ln n for
    // MBIC, which equals optimal partitioning). Many noisy series with small shifts keep the optimal last change moving.
    [Test]
    public void Pelt_DualPruning_KeepsEveryOptimalPrefixCost()
    {
        var random = new Random(20261128);
        for (var trial = 0; trial < 80; trial++)
        {
            var n = random.Next(150, 1500);
            var changes = random.Next(0, 5);
            var cuts = Enumerable.Range(0, changes).Select(_ => random.Next(1, n)).Append(0).Append(n).Distinct().Order().ToArray();
            var sd = 0.5 + (2.0 * random.NextDouble());
            var level = 10.0 * random.NextDouble();
            var y = new double[n];
            for (var j = 0; j + 1 < cuts.Length; j++)
            {
                level += sd * (random.NextDouble() - 0.5) * 2.0;
                var scale = sd * (0.7 + (0.6 * random.NextDouble()));
                for (var i = cuts[j]; i < cuts[j + 1]; i++)
                {
                    y[i] = level + (scale * Normal(random));
                }
            }

            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                AssertPrunedKeepsEveryOptimalPrefixCost(y, cost, trial % 3 == 0 ? 5 : 2, $"trial {trial}");
            }
        }
    }

    // The same check where MBIC's length terms matter most: many short segments (3 to 40 points) alternating in
    // scale and level, so that the optimal last change is often a young candidate and an ln(T − r) term decides.
    [Test]
    public void Pelt_DualPruningWithShortSegments_KeepsEveryOptimalPrefixCost()
    {
        var random = new Random(20261130);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = random.Next(200, 1200);
            var y = new double[n];
            var i = 0;
            var quiet = true;
            while (i < n)
            {
                var length = random.Next(3, 41);
                var level = 3.0 * random.NextDouble();
                var scale = quiet ? 0.5 + random.NextDouble() : 2.0 + (3.0 * random.NextDouble());
                for (var k = 0; k < length && i < n; k++, i++)
                {
                    y[i] = level + (scale * Normal(random));
                }

                quiet = !quiet;
            }

            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                AssertPrunedKeepsEveryOptimalPrefixCost(y, cost, trial % 2 == 0 ? 2 : 3, $"trial {trial}");
            }
        }
    }

    // The same check on awkward numbers: a large offset with small noise (prefix sums far from the noise scale),
    // small integer counts (many ties) and a run of equal values inside a segment.
    [Test]
    public void Pelt_DualPruningOnAwkwardNumbers_KeepsEveryOptimalPrefixCost()
    {
        var random = new Random(20261129);
        var offset = Piecewise(random, [700, 500, 800], [0, 0.002, 0.0005], [0.001, 0.001, 0.0012]).Select(v => 1e8 + v).ToArray();
        var counts = Enumerable.Range(0, 1500).Select(i => (double)Poisson(random, i < 900 ? 3.0 : 3.6)).ToArray();
        var run = Piecewise(random, [600, 600], [5, 5.4], [1, 1]);
        Array.Fill(run, 5.0, 300, 150);
        foreach (var (name, y) in new[] { ("offset", offset), ("counts", counts), ("run", run) })
        {
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                AssertPrunedKeepsEveryOptimalPrefixCost(y, cost, 2, name);
            }
        }
    }

    private static int Poisson(Random random, double mean)
    {
        // Knuth's product of uniforms; fine for small means.
        var limit = Math.Exp(-mean);
        var k = 0;
        for (var p = random.NextDouble(); p > limit; p *= random.NextDouble())
        {
            k++;
        }

        return k;
    }
}
