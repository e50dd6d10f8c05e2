using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// The vectorised PELT of the sum-of-squares cost on long series with few changes (long homogeneous segments,
/// where PELT keeps most candidates), against exact optimal partitioning (Jackson et al. 2005) and against the
/// scalar PELT it replaces.
/// </summary>
public sealed class PeltVectorisedTests
{
    // Reference: exact optimal partitioning, O(n²), each cost(s, t) from a Welford update that runs backwards over
    // s for a fixed end t (from the raw data, no prefix sums), so n of a few thousand stays affordable.
    [Test]
    public void Pelt_MeanCostLongSeriesWithFewChanges_EqualsOptimalPartitioning()
    {
        var random = new Random(20251126);
        var checkedCases = 0;
        for (var trial = 0; trial < 8; trial++)
        {
            var n = random.Next(500, 3_000);
            var y = RandomSeries(random, n);
            var sigma2 = NoiseVariance(y);
            foreach (var minSegmentLength in new[] { 1, 2, 5 })
            {
                foreach (var penalty in new[] { 0.5 * sigma2, 2 * sigma2 * Math.Log(n), 3 * sigma2 * Math.Log(n), 10 * sigma2 * Math.Log(n) })
                {
                    var (expected, optimum) = OptimalPartitioningSumOfSquares(y, penalty, minSegmentLength);
                    var actual = ChangePoints.Pelt(y, ChangePointCost.Mean, penalty, minSegmentLength);
                    actual.Should().Equal(expected, $"trial {trial}, n {n}, penalty {penalty}, min length {minSegmentLength}");
                    Objective(n, actual, (s, e) => SumOfSquares(y, s, e), penalty).Should().BeApproximately(optimum, 1e-9 * Math.Max(1, Math.Abs(optimum)));
                    checkedCases++;
                }
            }
        }

        checkedCases.Should().Be(8 * 3 * 4);
    }

    // Reference: the scalar PELT loop (one cost evaluation per candidate). The vectorised loop performs the same
    // IEEE operations in the same order, so the segmentations must be identical even where segmentations tie
    // exactly (integer data, constant runs, penalty 0), and at lengths that are not multiples of the vector width.
    [Test]
    public void Pelt_VectorisedMeanCost_IsIdenticalToScalarPelt()
    {
        var random = new Random(77);
        var checkedCases = 0;
        for (var trial = 0; trial < 120; trial++)
        {
            var n = trial < 40 ? random.Next(2, 40) : random.Next(40, 2_500);
            var y = RandomSeries(random, n);
            if (trial % 3 == 1)
            {
                y = y.Select(v => Math.Round(v / 2)).ToArray();
            }
            else if (trial % 3 == 2)
            {
                // Long constant runs: many exactly equal costs.
                y = y.Select((v, i) => i % 50 < 30 ? 7.0 : v).ToArray();
            }

            var sigma2 = NoiseVariance(y);
            sigma2 = sigma2 > 1e-3 ? sigma2 : 1.0;
            foreach (var minSegmentLength in new[] { 1, 2, 3, 7 })
            {
                if (n < minSegmentLength)
                {
                    continue;
                }

                foreach (var penalty in new[] { 0.0, 0.5 * sigma2, 3 * sigma2 * Math.Log(n), 1e6 })
                {
                    var costs = new ChangePointSegmentCost(y, ChangePointCost.Mean, 1.0, addLogLength: false);
                    var scalar = ChangePointSearch.PeltScalar(costs, n, penalty, minSegmentLength, 0.0);
                    ChangePoints.Pelt(y, ChangePointCost.Mean, penalty, minSegmentLength)
                        .Should().Equal(scalar, $"trial {trial}, n {n}, penalty {penalty}, min length {minSegmentLength}");
                    checkedCases++;
                }
            }
        }

        checkedCases.Should().BeGreaterThan(400);
    }

    // Long homogeneous segments are where functional pruning drops candidates that PELT keeps; 2 × 10⁴ points
    // with 2 changes, several minimum lengths. Reference: the scalar PELT loop (which equals optimal partitioning).
    [Test]
    public void Pelt_MeanCostVeryLongSegments_IsIdenticalToScalarPelt()
    {
        var random = new Random(79);
        var y = Piecewise(random, [7_000, 9_000, 4_000], [0, 0.3, -0.2], [1, 1, 1]);
        foreach (var minSegmentLength in new[] { 1, 2, 10 })
        {
            foreach (var penalty in new[] { 2 * Math.Log(y.Length), 3 * Math.Log(y.Length), 30.0 })
            {
                var costs = new ChangePointSegmentCost(y, ChangePointCost.Mean, 1.0, addLogLength: false);
                var scalar = ChangePointSearch.PeltScalar(costs, y.Length, penalty, minSegmentLength, 0.0);
                ChangePoints.Pelt(y, ChangePointCost.Mean, penalty, minSegmentLength)
                    .Should().Equal(scalar, $"penalty {penalty}, min length {minSegmentLength}");
            }
        }
    }

    // The benchmark's size: 10⁵ points, 9 mean shifts of 2σ, BIC-type penalty 3 ln n. Reference: the scalar PELT
    // loop, O(n × segment length), about a second here.
    [Test]
    public void Pelt_MeanCost100KPointsWithFewChanges_IsIdenticalToScalarPelt()
    {
        var random = new Random(80);
        var lengths = Enumerable.Repeat(10_000, 10).ToArray();
        var means = Enumerable.Range(0, 10).Select(i => (double)(i % 2 * 2)).ToArray();
        var y = Piecewise(random, lengths, means, Enumerable.Repeat(1.0, 10).ToArray());
        var penalty = 3 * Math.Log(y.Length);
        var costs = new ChangePointSegmentCost(y, ChangePointCost.Mean, 1.0, addLogLength: false);
        var scalar = ChangePointSearch.PeltScalar(costs, y.Length, penalty, 2, 0.0);
        var actual = ChangePoints.Pelt(y, ChangePointCost.Mean, penalty, 2);
        actual.Should().Equal(scalar);
        actual.Should().HaveCount(9);
    }

    // With the MBIC ln m term the cost is not subadditive; plain PELT then needs K = −ln n, while the dual search
    // leaves the ln terms out of its test. Same segmentation for both costs. Reference: the scalar PELT loop.
    [Test]
    public void Pelt_MbicCostsWithDualPruning_AreIdenticalToScalarPeltWithNegativePruningConstant()
    {
        var random = new Random(78);
        for (var trial = 0; trial < 30; trial++)
        {
            var n = random.Next(40, 1_500);
            var y = RandomSeries(random, n);
            var pruningConstant = -Math.Log(n);
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                var costs = new ChangePointSegmentCost(y, cost, NoiseVariance(y), addLogLength: true);
                var penalty = (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n);
                ChangePointSearch.Pelt(costs, n, penalty, 2)
                    .Should().Equal(ChangePointSearch.PeltScalar(costs, n, penalty, 2, pruningConstant), $"trial {trial}, n {n}, {cost}");
            }
        }
    }

    private static (int[] ChangePoints, double Objective) OptimalPartitioningSumOfSquares(double[] y, double penalty, int minSegmentLength)
    {
        var n = y.Length;
        var f = new double[n + 1];
        var last = new int[n + 1];
        Array.Fill(f, double.PositiveInfinity);
        f[0] = -penalty;
        for (var t = minSegmentLength; t <= n; t++)
        {
            // Welford over y[s..t) as s goes down from t − 1.
            var mean = 0.0;
            var m2 = 0.0;
            for (var s = t - 1; s >= 0; s--)
            {
                var k = t - s;
                var d = y[s] - mean;
                mean += d / k;
                m2 += d * (y[s] - mean);
                if (k < minSegmentLength || double.IsPositiveInfinity(f[s]))
                {
                    continue;
                }

                // Ties go to the earliest last change, as in the library.
                var v = f[s] + m2 + penalty;
                if (v <= f[t])
                {
                    f[t] = v;
                    last[t] = s;
                }
            }
        }

        var starts = new List<int>();
        for (var t = last[n]; t > 0; t = last[t])
        {
            starts.Add(t);
        }

        starts.Reverse();
        return ([.. starts], f[n]);
    }
}
