using PerformanceAnalytics.Statistics;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

public sealed class PeltTests
{
    // Reference: exact optimal partitioning (Jackson et al. 2005), O(n²), written in ChangePointReference with
    // segment costs recomputed from the raw data. PELT must return the same segmentation (Killick et al. 2012).
    [Test]
    public void Pelt_MeanCostOnRandomSeries_EqualsOptimalPartitioning()
    {
        var random = new Random(20240601);
        var checkedCases = 0;
        for (var trial = 0; trial < 60; trial++)
        {
            var n = random.Next(8, 160);
            var y = RandomSeries(random, n);
            var sigma2 = NoiseVariance(y);
            foreach (var minSegmentLength in new[] { 1, 2, 3, 7 })
            {
                foreach (var penalty in new[] { 0.0, 0.5 * sigma2, 2 * sigma2 * Math.Log(n), 10 * sigma2 * Math.Log(n), 1e6 })
                {
                    AssertEqualsOptimalPartitioning(y, ChangePointCost.Mean, penalty, minSegmentLength);
                    checkedCases++;
                }
            }
        }

        checkedCases.Should().Be(60 * 4 * 5);
    }

    [Test]
    public void Pelt_MeanVarianceCostOnRandomSeries_EqualsOptimalPartitioning()
    {
        var random = new Random(7);
        for (var trial = 0; trial < 60; trial++)
        {
            var n = random.Next(10, 160);
            var y = RandomSeries(random, n);
            foreach (var minSegmentLength in new[] { 2, 3, 5, 10 })
            {
                foreach (var penalty in new[] { 0.0, 1.0, Math.Log(n), 4 * Math.Log(n), 50.0 })
                {
                    AssertEqualsOptimalPartitioning(y, ChangePointCost.MeanVariance, penalty, minSegmentLength);
                }
            }
        }
    }

    [Test]
    public void Pelt_WhiteNoiseWithoutChanges_EqualsOptimalPartitioning()
    {
        var random = new Random(11);
        for (var trial = 0; trial < 30; trial++)
        {
            var y = Enumerable.Range(0, 120).Select(_ => Normal(random)).ToArray();
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                foreach (var penalty in new[] { 0.5, 2 * Math.Log(120), 3 * Math.Log(120) })
                {
                    AssertEqualsOptimalPartitioning(y, cost, penalty, 2);
                }
            }
        }
    }

    // Integer counts have tied values, so distinct segmentations can share a cost to the last bit; the
    // optimum value must still agree (1e-9 relative), and the segmentation must attain it.
    [Test]
    public void Pelt_IntegerCountsWithTies_ReachesTheOptimalObjective()
    {
        var random = new Random(3);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = random.Next(10, 120);
            var y = RandomSeries(random, n).Select(v => Math.Round(v / 2)).ToArray();
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                var costFunction = Cost(y, cost);
                foreach (var penalty in new[] { 0.5, 3.0, 3 * Math.Log(n) })
                {
                    var pelt = ChangePoints.Pelt(y, cost, penalty, 2);
                    var (_, optimum) = OptimalPartitioning(n, costFunction, penalty, 2);
                    Objective(n, pelt, costFunction, penalty).Should().BeApproximately(optimum, 1e-9 * Math.Max(1, Math.Abs(optimum)));
                }
            }
        }
    }

    // Default penalty: R changepoint's MBIC objective, Σ [cost + ln m] + (d + 2) ln n × #changes, with the Mean
    // cost divided by the documented noise variance; the pruning must still be exact.
    [Test]
    public void Pelt_DefaultMbicOnRandomSeries_EqualsOptimalPartitioningOfTheMbicObjective()
    {
        var random = new Random(99);
        for (var trial = 0; trial < 60; trial++)
        {
            var n = random.Next(8, 200);
            var y = RandomSeries(random, n);
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                AssertMbicEqualsOptimalPartitioning(y, cost, $"trial {trial}, n {n}, {cost}");
            }
        }
    }

    [Test]
    public void Pelt_DefaultOverload_UsesMeanVariance()
    {
        var random = new Random(5);
        var y = Piecewise(random, [100, 100], [0, 0], [1, 4]);
        ChangePoints.Pelt(y).Should().Equal(ChangePoints.Pelt(y, ChangePointCost.MeanVariance));
    }

    [Test]
    public void Pelt_ClearMeanShift_FindsItExactly()
    {
        var random = new Random(1);
        var y = Piecewise(random, [80, 60, 90], [0, 3, -1], [0.5, 0.5, 0.5]);
        ChangePoints.Pelt(y, ChangePointCost.Mean, 2 * 0.25 * Math.Log(y.Length)).Should().Equal(80, 140);
        ChangePoints.Pelt(y, ChangePointCost.Mean).Should().Equal(80, 140);
        ChangePoints.Pelt(y).Should().Equal(80, 140);
    }

    [Test]
    public void Pelt_VarianceChangeOnly_FoundByMeanVarianceNotByMeanCost()
    {
        var random = new Random(2);
        var y = Piecewise(random, [150, 150], [0, 0], [0.3, 3]);
        var found = ChangePoints.Pelt(y, ChangePointCost.MeanVariance);
        found.Should().ContainSingle().Which.Should().BeInRange(140, 160);
    }

    [Test]
    public void Pelt_RescaledAndShiftedSeries_GivesTheSameSegmentation()
    {
        var random = new Random(8);
        var y = Piecewise(random, [50, 70, 40], [0, 1, 0], [1, 1, 3]);
        var z = y.Select(v => 1e-6 * v + 1e3).ToArray();
        ChangePoints.Pelt(z).Should().Equal(ChangePoints.Pelt(y));
        ChangePoints.Pelt(z, ChangePointCost.Mean).Should().Equal(ChangePoints.Pelt(y, ChangePointCost.Mean));
    }

    [Test]
    public void Pelt_ConstantSegments_StayFiniteAndExact()
    {
        double[] y = [2, 2, 2, 2, 2, 7, 7, 7, 7, 7, 7, 2, 2, 2, 2];
        ChangePoints.Pelt(y, ChangePointCost.MeanVariance, 5.0, 2).Should().Equal(5, 11);
        ChangePoints.Pelt(y, ChangePointCost.Mean, 1.0, 1).Should().Equal(5, 11);
        ChangePoints.Pelt(y).Should().Equal(5, 11);
        ChangePoints.Pelt(Enumerable.Repeat(3.0, 40).ToArray()).Should().BeEmpty();
        ChangePoints.Pelt(Enumerable.Repeat(3.0, 40).ToArray(), ChangePointCost.Mean).Should().BeEmpty();
    }

    [Test]
    public void Pelt_TooShortForTwoSegments_ReturnsEmpty()
    {
        ChangePoints.Pelt([1.0, 50.0, 1.0], ChangePointCost.Mean, 0.0, 2).Should().BeEmpty();
        ChangePoints.Pelt([1.0, 50.0, 1.0]).Should().BeEmpty();
    }

    // PELT is linear in n when the number of changes grows with n (Killick et al. 2012, Theorem 3.2): candidates
    // since the last change are never pruned, so the work is about n × (typical segment length). 10⁵ points with
    // a change every 1,000 would take minutes at O(n²).
    [Test]
    public void Pelt_LongSeriesWithRegularChanges_FindsThemInNearLinearTime()
    {
        var random = new Random(4);
        const int segments = 100;
        var lengths = Enumerable.Repeat(1_000, segments).ToArray();
        var means = Enumerable.Range(0, segments).Select(i => (double)(i % 2 * 2)).ToArray();
        var y = Piecewise(random, lengths, means, Enumerable.Repeat(1.0, segments).ToArray());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        var found = ChangePoints.Pelt(y, ChangePointCost.Mean);
        watch.Stop();
        found.Should().HaveCount(segments - 1);
        found.Zip(Enumerable.Range(1, segments - 1).Select(i => i * 1_000)).All(p => Math.Abs(p.First - p.Second) <= 10).Should().BeTrue();
        watch.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(10));
    }

    [Test]
    public void Pelt_NaNInSeries_ThrowsNamingY()
    {
        var act = () => ChangePoints.Pelt([1.0, double.NaN, 2.0, 3.0], ChangePointCost.Mean, 1.0, 1);
        act.Should().Throw<ArgumentException>().WithParameterName("y");
        var act2 = () => ChangePoints.Pelt([1.0, 2.0, double.PositiveInfinity, 3.0]);
        act2.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void Pelt_BadArguments_ThrowNamingTheArgument()
    {
        double[] y = [1, 2, 3, 4, 5, 6];
        FluentActions.Invoking(() => ChangePoints.Pelt(y, ChangePointCost.Mean, -1.0, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("penalty");
        FluentActions.Invoking(() => ChangePoints.Pelt(y, ChangePointCost.Mean, double.NaN, 2)).Should().Throw<ArgumentException>().WithParameterName("penalty");
        FluentActions.Invoking(() => ChangePoints.Pelt(y, ChangePointCost.Mean, 1.0, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minSegmentLength");
        FluentActions.Invoking(() => ChangePoints.Pelt(y, (ChangePointCost)7, 1.0, 2)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("cost");
        FluentActions.Invoking(() => ChangePoints.Pelt(y, ChangePointCost.Mean, 1.0, 7)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => ChangePoints.Pelt([1.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => ChangePoints.Pelt([])).Should().Throw<ArgumentException>().WithParameterName("y");
    }
}
