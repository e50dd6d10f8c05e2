using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// The lazy search of the mean-and-variance cost (a candidate is evaluated only when a lower bound leaves it a chance):
/// when it stays within its budget and when it hands over to the pruned search, and its allowance for rounding where
/// the costs of near-constant stretches are at their least accurate.
/// </summary>
public sealed class PeltLazySearchTests
{
    // Long homogeneous segments are what the lazy search is for: it finishes within its budget, with the pruned
    // search's change points and optimal prefix costs.
    [Test]
    public void LazySearch_OnLongSegments_StaysWithinItsBudget()
    {
        var random = new Random(20261202);
        var noise = Enumerable.Range(0, 20_000).Select(_ => Normal(random)).ToArray();
        var shifts = Piecewise(random, [6_000, 9_000, 5_000], [0, 0.4, -0.2], [1, 1.5, 1]);
        foreach (var (name, y) in new[] { ("white noise", noise), ("three segments", shifts) })
        {
            var n = y.Length;
            var mbic = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, 1.0, addLogLength: true);
            var penalty = 4 * Math.Log(n);
            var lazy = ChangePointSearch.LazyPeltWithinBudget(mbic, n, penalty, 2);
            lazy.Should().NotBeNull($"{name}: the lazy search finishes within its budget");
            lazy.Should().Equal(ChangePointSearch.Pelt(mbic, n, penalty, 2, ChangePointSearch.PeltStrategy.Pruned), name);
            var lazyCosts = ChangePointSearch.PeltOptimalCosts(mbic, n, penalty, 2, dualPruning: true, 0.0, ChangePointSearch.PeltStrategy.Lazy);
            var prunedCosts = ChangePointSearch.PeltOptimalCosts(mbic, n, penalty, 2, dualPruning: true, 0.0, ChangePointSearch.PeltStrategy.Pruned);
            for (var t = 2; t <= n; t++)
            {
                lazyCosts[t].Should().BeApproximately(prunedCosts[t], 1e-9 * (1.0 + Math.Abs(prunedCosts[t])), $"{name}, F({t})");
            }
        }
    }

    // A series that drifts (a slow trend under changing scale) keeps many candidates close to the minimum, so the lazy
    // search exceeds its budget early and the pruned search takes over; the result is still optimal partitioning.
    [Test]
    public void LazySearch_OnADriftingSeries_HandsOverToThePrunedSearch()
    {
        var random = new Random(20261203);
        var n = 8_000;
        var y = Enumerable.Range(0, n).Select(i => (Normal(random) * (1.0 + (3.0 * (i / 2_000 % 2)))) + (0.002 * i)).ToArray();
        var mbic = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, 1.0, addLogLength: true);
        var penalty = 4 * Math.Log(n);

        ChangePointSearch.LazyPeltWithinBudget(mbic, n, penalty, 2).Should().BeNull("the drift defeats the lower bounds");
        var plain = ChangePointSearch.PeltScalar(mbic, n, penalty, 2, -Math.Log(n));
        plain.Length.Should().BeGreaterThan(5, "the drift is cut into many segments");
        ChangePoints.Pelt(y).Should().Equal(plain);
        ChangePointSearch.Pelt(mbic, n, penalty, 2).Should().Equal(plain);
    }

    // Where the costs are least accurate: level shifts up to 10⁴ times the noise, some segments a hundred times quieter
    // than the rest (so the floor ε, tied to the noise, is tiny) and runs of equal values, whose costs from prefix sums
    // carry rounding errors of many units. The lazy search evaluates a candidate whenever its bound is within those
    // errors of the minimum, so on every series where PELT's own rule holds (plain PELT equals optimal partitioning of
    // the computed costs, found here by the full programme over them) every optimal prefix cost of the lazy search equals it too.
    [Test]
    public void LazySearch_WhereCostsCarryLargeRoundingErrors_EqualsOptimalPartitioningOfTheComputedCosts()
    {
        var random = new Random(20261204);
        var checkedSeries = 0;
        for (var trial = 0; trial < 120; trial++)
        {
            var n = random.Next(300, 1000);
            var y = RoughSeries(random, n, Math.Pow(10, random.Next(0, 5)));
            var addLogLength = trial % 2 == 0;
            var cost = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, 1.0, addLogLength);
            var penalty = (addLogLength ? 4 : 2) * Math.Log(n);
            var optimal = OptimalPrefixCosts(n, cost.Cost, penalty, 2, out _);
            var plain = ChangePointSearch.PeltOptimalCosts(cost, n, penalty, 2, dualPruning: false, addLogLength ? -Math.Log(n) : 0.0);
            if (!Enumerable.Range(2, n - 1).All(t => Same(plain[t], optimal[t])))
            {
                continue;
            }

            checkedSeries++;
            var lazy = ChangePointSearch.PeltOptimalCosts(cost, n, penalty, 2, dualPruning: true, 0.0, ChangePointSearch.PeltStrategy.Lazy);
            for (var t = 2; t <= n; t++)
            {
                Same(lazy[t], optimal[t]).Should().BeTrue($"trial {trial}, F({t}): lazy {lazy[t]}, optimal {optimal[t]}");
            }
        }

        checkedSeries.Should().BeGreaterThan(100, "nearly every series keeps the costs consistent enough for PELT's rule");
    }

    private static bool Same(double actual, double expected) => Math.Abs(actual - expected) <= 1e-9 * (1.0 + Math.Abs(expected));

    /// <summary>One to four segments at levels 0, shift or 2 × shift, 30 % of them with sd 0.01 (else 1), and up to three runs of equal values.</summary>
    private static double[] RoughSeries(Random random, int n, double shift)
    {
        var cuts = Enumerable.Range(0, random.Next(1, 5)).Select(_ => random.Next(1, n)).Append(0).Append(n).Distinct().Order().ToArray();
        var y = new double[n];
        for (var j = 0; j + 1 < cuts.Length; j++)
        {
            var level = shift * random.Next(0, 3);
            var sd = random.NextDouble() < 0.3 ? 0.01 : 1.0;
            for (var i = cuts[j]; i < cuts[j + 1]; i++)
            {
                y[i] = level + (sd * Normal(random));
            }
        }

        for (var run = random.Next(0, 4); run > 0; run--)
        {
            var start = random.Next(0, n - 10);
            Array.Fill(y, y[start], start, random.Next(2, Math.Min(200, n - start)));
        }

        return y;
    }
}
