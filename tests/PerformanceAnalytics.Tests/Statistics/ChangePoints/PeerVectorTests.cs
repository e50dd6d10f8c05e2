using PerformanceAnalytics.Statistics;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>Change-point vectors from the peers' own test suites (PEER-VECTORS-TIMESERIES.md §3.3).</summary>
public sealed class PeerVectorTests
{
    // TV-C2: ruptures tests/test_l1potts.py. ruptures solves these with an L1 cost; on noise-free piecewise-constant
    // data the true segmentation costs 0 under L1 and L2 alike, so the Mean (L2) cost must give the same break
    // points. ruptures' lists end with n; ours hold only the interior starts.
    [Test]
    public void Pelt_RupturesL1PottsNoiseFreeCases_SameBreakPoints()
    {
        ChangePoints.Pelt([0, 0, 0, 5, 5, 5, 5, -2, -2], ChangePointCost.Mean, 0.5, 1).Should().Equal(3, 7);
        ChangePoints.Pelt([0, 0, 0, 5, 5, 5, 5, -2, -2], ChangePointCost.Mean, 1000, 1).Should().BeEmpty();
        ChangePoints.Pelt(new double[20], ChangePointCost.Mean, 1, 1).Should().BeEmpty();
        ChangePoints.Pelt([3.14], ChangePointCost.Mean, 1, 1).Should().BeEmpty();
        ChangePoints.Pelt([1, 1, 5, 5], ChangePointCost.Mean, 1, 1).Should().Equal(2);
        ChangePoints.Pelt([0, 0, 5, 5], ChangePointCost.Mean, 0.5, 1).Should().Equal(2);
        ChangePoints.Pelt([1, 1, 100, 1, 1], ChangePointCost.Mean, 10, 1).Should().Equal(2, 3);
    }

    // TV-C2 error cases: NaN/±inf in the data and a NaN penalty are errors (ruptures also rejects pen ≤ 0; we accept 0,
    // which means "no penalty", and reject negative values).
    [Test]
    public void Pelt_RupturesL1PottsInvalidInput_Throws()
    {
        FluentActions.Invoking(() => ChangePoints.Pelt([0, double.NaN, 1], ChangePointCost.Mean, 1, 1)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => ChangePoints.Pelt([0, double.NegativeInfinity, 1], ChangePointCost.Mean, 1, 1)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => ChangePoints.Pelt([0, 1, 1], ChangePointCost.Mean, double.NaN, 1)).Should().Throw<ArgumentException>().WithParameterName("penalty");
        FluentActions.Invoking(() => ChangePoints.Pelt([0, 1, 1], ChangePointCost.Mean, -1, 1)).Should().Throw<ArgumentException>().WithParameterName("penalty");
        FluentActions.Invoking(() => ChangePoints.Pelt([], ChangePointCost.Mean, 1, 1)).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    // TV-C3: ruptures tests/test_detection.py: 200 zeros with Pelt (pen 1) → [200], i.e. no change, for every cost.
    [Test]
    public void Pelt_TwoHundredZeros_NoChangeForEveryCost()
    {
        var y = new double[200];
        ChangePoints.Pelt(y, ChangePointCost.Mean, 1, 2).Should().BeEmpty();
        ChangePoints.Pelt(y, ChangePointCost.MeanVariance, 1, 2).Should().BeEmpty();
        ChangePoints.Pelt(y).Should().BeEmpty();
        ChangePoints.Pelt(y, ChangePointCost.Mean).Should().BeEmpty();
    }

    // TV-C3: a 10-sample signal: Pelt with min_size 11 → error, min_size 10 → a result (no change).
    [Test]
    public void Pelt_TenSamplesMinimumLengthElevenOrTen_ErrorOrNoChange()
    {
        var random = new Random(10);
        var y = Enumerable.Range(0, 10).Select(_ => Normal(random)).ToArray();
        FluentActions.Invoking(() => ChangePoints.Pelt(y, ChangePointCost.Mean, 1, 11)).Should().Throw<ArgumentException>().WithParameterName("y");
        ChangePoints.Pelt(y, ChangePointCost.Mean, 1, 10).Should().BeEmpty();
    }

    // TV-C6 (design): facebookresearch/Kats kats/tests/detectors/test_cusum_detection.py, reproduced with our RNG.
    // N(1, 0.2)×30 then N(1.5, 0.2)×30 → one change with |index − 29| ≤ 1 (Kats reports the last point before the
    // change, we report the first point after it, so |start − 30| ≤ 1); N(1, 0.2)×50 + N(0.5, 0.2)×10 → one, at 50 ± 1;
    // noiseless step 1 → 2 at 30 → one; N(1, 0.2)×60 → none.
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void Pelt_KatsCusumDesigns_DetectExactlyTheDesignedChange(int seed)
    {
        var random = new Random(seed);
        foreach (var cost in new[] { ChangePointCost.Mean, ChangePointCost.MeanVariance })
        {
            var increase = Piecewise(random, [30, 30], [1, 1.5], [0.2, 0.2]);
            ChangePoints.Pelt(increase, cost).Should().ContainSingle().Which.Should().BeInRange(29, 31);
            var decrease = Piecewise(random, [50, 10], [1, 0.5], [0.2, 0.2]);
            ChangePoints.Pelt(decrease, cost).Should().ContainSingle().Which.Should().BeInRange(49, 51);
            var step = Enumerable.Repeat(1.0, 30).Concat(Enumerable.Repeat(2.0, 30)).ToArray();
            ChangePoints.Pelt(step, cost).Should().Equal(30);
            var flat = Piecewise(random, [60], [1], [0.2]);
            ChangePoints.Pelt(flat, cost).Should().BeEmpty();
        }
    }

    // TV-C7 (design): Kats kats/tests/detectors/test_bocpd.py: n = 450, levels 1.35 → 1.05 → 1.35 → 1.2 switching at
    // 100, 200, 350, Gaussian noise σ 0.05: every reported change lies within ±5 points of a true one.
    [TestCase(100)]
    [TestCase(101)]
    public void Pelt_KatsBocpdLevelShifts_EveryChangeNearATrueOne(int seed)
    {
        var random = new Random(seed);
        var y = Piecewise(random, [100, 100, 150, 100], [1.35, 1.05, 1.35, 1.2], [0.05, 0.05, 0.05, 0.05]);
        int[] truth = [100, 200, 350];
        foreach (var found in new[] { ChangePoints.Pelt(y), ChangePoints.Pelt(y, ChangePointCost.Mean) })
        {
            found.Should().NotBeEmpty();
            found.All(c => truth.Any(t => Math.Abs(c - t) <= 5)).Should().BeTrue();
            found.Should().HaveCount(3);
        }
    }
}
