using PerformanceAnalytics.Statistics;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

public sealed class BinarySegmentationTests
{
    // TV-C1: deepcharles/ruptures tests/test_costs.py::test_costl2_small_data, Binseg(model="l2", min_size=1, jump=1)
    // on [0.0, 0.1, 1.2, 1.0]: n_bkps 0 → [4]; 1 → [2, 4]; 2 → [2, 3, 4]; 3 → [1, 2, 3, 4] (ruptures lists segment
    // ends with n last; we list the starts of segments 2…k).
    [TestCase(0, new int[0])]
    [TestCase(1, new[] { 2 })]
    [TestCase(2, new[] { 2, 3 })]
    [TestCase(3, new[] { 1, 2, 3 })]
    public void BinarySegmentation_RupturesSmallL2Case_MatchesRuptures(int maxChangePoints, int[] expected)
    {
        double[] y = [0.0, 0.1, 1.2, 1.0];
        ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, 0.0, 1, maxChangePoints).Should().Equal(expected);
    }

    // TV-C3: ruptures tests/test_detection.py: a 10-sample signal, Binseg with min_size 5 and n_bkps 1 → [5, 10].
    [Test]
    public void BinarySegmentation_TenSamplesMinimumLengthFive_SplitsAtFive()
    {
        var random = new Random(10);
        var y = Enumerable.Range(0, 10).Select(_ => Normal(random)).ToArray();
        ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, 0.0, 5, 1).Should().Equal(5);
        ChangePoints.BinarySegmentation(y, ChangePointCost.MeanVariance, 0.0, 5, 1).Should().Equal(5);
    }

    [Test]
    public void BinarySegmentation_ConstantSeries_NeverSplits()
    {
        var y = Enumerable.Repeat(0.0, 200).ToArray();
        ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, 0.0, 2, 1).Should().BeEmpty();
        ChangePoints.BinarySegmentation(y, ChangePointCost.MeanVariance, 0.0).Should().BeEmpty();
    }

    [Test]
    public void BinarySegmentation_WellSeparatedShifts_AgreesWithPelt()
    {
        var random = new Random(12);
        var y = Piecewise(random, [120, 80, 150, 100], [0, 4, -2, 3], [1, 1, 1, 1]);
        var penalty = 3 * Math.Log(y.Length);
        var binary = ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, penalty);
        binary.Should().Equal(ChangePoints.Pelt(y, ChangePointCost.Mean, penalty));
        binary.Should().HaveCount(3);
        ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, penalty, 2, 2).Should().HaveCount(2);
    }

    // Greedy splitting is never better than the exact optimum; each accepted split gained more than the penalty.
    [Test]
    public void BinarySegmentation_RandomSeries_NeverBeatsOptimalPartitioning()
    {
        var random = new Random(13);
        for (var trial = 0; trial < 40; trial++)
        {
            var n = random.Next(10, 150);
            var y = RandomSeries(random, n);
            foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
            {
                var costFunction = Cost(y, cost);
                var penalty = cost == ChangePointCost.Mean ? 2 * NoiseVariance(y) * Math.Log(n) : 2 * Math.Log(n);
                var binary = ChangePoints.BinarySegmentation(y, cost, penalty, 3);
                var (_, optimum) = OptimalPartitioning(n, costFunction, penalty, 3);
                Objective(n, binary, costFunction, penalty).Should().BeGreaterThanOrEqualTo(optimum - (1e-9 * Math.Max(1, Math.Abs(optimum))));
                Objective(n, binary, costFunction, penalty).Should().BeLessThanOrEqualTo(costFunction(0, n) + 1e-9 * Math.Max(1, Math.Abs(optimum)));
                binary.Should().BeInAscendingOrder();
                binary.Prepend(0).Append(n).Zip(binary.Append(n)).Skip(0).Take(binary.Length).All(p => p.Second - p.First >= 3).Should().BeTrue();
            }
        }
    }

    [Test]
    public void BinarySegmentation_BadArguments_ThrowNamingTheArgument()
    {
        double[] y = [1, 2, 3, 4, 5, 6];
        FluentActions.Invoking(() => ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, -0.1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("penalty");
        FluentActions.Invoking(() => ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, 1.0, 0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("minSegmentLength");
        FluentActions.Invoking(() => ChangePoints.BinarySegmentation(y, ChangePointCost.Mean, 1.0, 2, -1)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxChangePoints");
        FluentActions.Invoking(() => ChangePoints.BinarySegmentation([1.0, double.NaN, 3.0], ChangePointCost.Mean, 1.0)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => ChangePoints.BinarySegmentation([1.0], ChangePointCost.Mean, 1.0)).Should().Throw<ArgumentException>().WithParameterName("y");
    }
}
