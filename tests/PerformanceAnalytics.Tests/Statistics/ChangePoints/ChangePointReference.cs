using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// Test-side reference for the change-point searches: the plain O(n²) optimal-partitioning dynamic programme
/// (Jackson et al. 2005) over segment costs computed directly from the data (Welford updates per segment start,
/// no prefix sums), and seeded series generators.
/// </summary>
internal static class ChangePointReference
{
    /// <summary>Segment cost of y[start..end) computed from scratch.</summary>
    public delegate double SegmentCost(int start, int end);

    /// <summary>Exact optimal partitioning: returns the change points and the optimal objective.</summary>
    public static (int[] ChangePoints, double Objective) OptimalPartitioning(int n, SegmentCost cost, double penalty, int minSegmentLength)
    {
        if (n < 2 * minSegmentLength)
        {
            return ([], cost(0, n));
        }

        var f = OptimalPrefixCosts(n, cost, penalty, minSegmentLength, out var last);
        var starts = new List<int>();
        for (var t = last[n]; t > 0; t = last[t])
        {
            starts.Add(t);
        }

        starts.Reverse();
        return ([.. starts], f[n]);
    }

    /// <summary>
    /// The optimal-partitioning programme itself: F(t) = min over admissible s of F(s) + cost(s, t) + penalty for every
    /// prefix (F(0) = −penalty; +∞ where no segmentation fits), and the minimising last change of each.
    /// </summary>
    public static double[] OptimalPrefixCosts(int n, SegmentCost cost, double penalty, int minSegmentLength, out int[] last)
    {
        var f = new double[n + 1];
        last = new int[n + 1];
        Array.Fill(f, double.PositiveInfinity);
        f[0] = -penalty;
        for (var t = minSegmentLength; t <= n; t++)
        {
            for (var s = 0; s <= t - minSegmentLength; s++)
            {
                if (double.IsPositiveInfinity(f[s]))
                {
                    continue;
                }

                var v = f[s] + cost(s, t) + penalty;
                if (v < f[t])
                {
                    f[t] = v;
                    last[t] = s;
                }
            }
        }

        return f;
    }

    /// <summary>Asserts that PELT with an explicit penalty returns the optimal-partitioning segmentation and objective.</summary>
    public static void AssertEqualsOptimalPartitioning(double[] y, ChangePointCost cost, double penalty, int minSegmentLength)
    {
        var costFunction = Cost(y, cost);
        var (expected, optimum) = OptimalPartitioning(y.Length, costFunction, penalty, minSegmentLength);
        var actual = ChangePoints.Pelt(y, cost, penalty, minSegmentLength);
        actual.Should().Equal(expected, $"n {y.Length}, {cost}, penalty {penalty}, min length {minSegmentLength}");
        Objective(y.Length, actual, costFunction, penalty).Should().BeApproximately(optimum, 1e-9 * Math.Max(1, Math.Abs(optimum)));
        actual.Should().BeInAscendingOrder();
        actual.All(c => c >= minSegmentLength && c <= y.Length - minSegmentLength).Should().BeTrue();
    }

    /// <summary>
    /// Asserts that the MBIC default PELT returns the optimal partitioning of R changepoint's MBIC objective,
    /// Σ [cost + ln m] + (d + 2) ln n × #changes, with the Mean cost divided by the documented noise variance.
    /// </summary>
    public static void AssertMbicEqualsOptimalPartitioning(double[] y, ChangePointCost cost, string because)
    {
        var n = y.Length;
        var plain = Cost(y, cost);
        var sigma2 = cost == ChangePointCost.Mean ? NoiseVariance(y) : 1.0;
        SegmentCost mbic = (s, e) => (plain(s, e) / sigma2) + Math.Log(e - s);
        var penalty = (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n);
        var (expected, optimum) = OptimalPartitioning(n, mbic, penalty, 2);
        var actual = ChangePoints.Pelt(y, cost);
        actual.Should().Equal(expected, because);
        Objective(n, actual, mbic, penalty).Should().BeApproximately(optimum, 1e-9 * Math.Max(1, Math.Abs(optimum)));
    }

    /// <summary>
    /// Asserts that PELT with its extra pruning tests keeps every optimal prefix cost F(t) of plain PELT on the MBIC
    /// objective (K = −ln n, which equals optimal partitioning): a candidate dropped wrongly for some end t shows up
    /// there as a larger F(t), even when the final segmentation does not change. For the mean-and-variance cost both
    /// searches are checked: the lazy one (a candidate skipped wrongly shows up the same way) and the pruned one.
    /// </summary>
    public static void AssertPrunedKeepsEveryOptimalPrefixCost(double[] y, ChangePointCost cost, int minSegmentLength, string because)
    {
        var n = y.Length;
        var mbic = new ChangePointSegmentCost(y, cost, NoiseVariance(y), addLogLength: true);
        var penalty = (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n);
        var plain = ChangePointSearch.PeltOptimalCosts(mbic, n, penalty, minSegmentLength, dualPruning: false, -Math.Log(n));
        foreach (var strategy in Strategies(cost))
        {
            var pruned = ChangePointSearch.PeltOptimalCosts(mbic, n, penalty, minSegmentLength, dualPruning: true, 0.0, strategy);
            for (var t = minSegmentLength; t <= n; t++)
            {
                pruned[t].Should().BeApproximately(plain[t], 1e-9 * (1.0 + Math.Abs(plain[t])), $"{because}, {cost}, {strategy}, F({t})");
            }
        }
    }

    /// <summary>The searches that serve <paramref name="cost"/>: the lazy and the pruned one for the mean-and-variance cost.</summary>
    public static ChangePointSearch.PeltStrategy[] Strategies(ChangePointCost cost) =>
        cost == ChangePointCost.MeanVariance
            ? [ChangePointSearch.PeltStrategy.Lazy, ChangePointSearch.PeltStrategy.Pruned]
            : [ChangePointSearch.PeltStrategy.Automatic];

    /// <summary>Objective Σ cost + penalty × #change points of a given segmentation.</summary>
    public static double Objective(int n, int[] changePoints, SegmentCost cost, double penalty)
    {
        var total = penalty * changePoints.Length;
        var start = 0;
        foreach (var cp in changePoints.Append(n))
        {
            total += cost(start, cp);
            start = cp;
        }

        return total;
    }

    /// <summary>Within-segment sum of squares by Welford's update over the segment.</summary>
    public static double SumOfSquares(double[] y, int start, int end)
    {
        var mean = 0.0;
        var m2 = 0.0;
        for (var i = start; i < end; i++)
        {
            var k = i - start + 1;
            var d = y[i] - mean;
            mean += d / k;
            m2 += d * (y[i] - mean);
        }

        return m2;
    }

    /// <summary>The noise variance the library documents: (1.4826 · MAD(Δy))² / 2, or Var(Δy)/2 when that MAD is 0.</summary>
    public static double NoiseVariance(double[] y)
    {
        var diff = new double[y.Length - 1];
        for (var i = 0; i < diff.Length; i++)
        {
            diff[i] = y[i + 1] - y[i];
        }

        var mad = 1.4826 * Descriptive.MedianAbsoluteDeviation(diff);
        return mad > 0 ? mad * mad / 2 : Descriptive.Variance(diff) / 2;
    }

    /// <summary>The documented cost of <see cref="ChangePointCost"/>, from scratch.</summary>
    public static SegmentCost Cost(double[] y, ChangePointCost cost)
    {
        if (cost == ChangePointCost.Mean)
        {
            return (s, e) => SumOfSquares(y, s, e);
        }

        var noise = NoiseVariance(y);
        var floor = 1e-8 * (noise > 0 ? noise : 1.0);
        return (s, e) => (e - s) * Math.Log((SumOfSquares(y, s, e) / (e - s)) + floor);
    }

    /// <summary>Standard normal deviates by Box–Muller from a seeded generator.</summary>
    public static double Normal(Random random)
    {
        var u1 = 1.0 - random.NextDouble();
        var u2 = random.NextDouble();
        return Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2);
    }

    /// <summary>Piecewise-constant mean and scale with Gaussian noise: segment j has mean means[j] and sd sds[j].</summary>
    public static double[] Piecewise(Random random, int[] lengths, double[] means, double[] sds)
    {
        var y = new double[lengths.Sum()];
        var i = 0;
        for (var j = 0; j < lengths.Length; j++)
        {
            for (var k = 0; k < lengths[j]; k++)
            {
                y[i++] = means[j] + (sds[j] * Normal(random));
            }
        }

        return y;
    }

    /// <summary>A random series of length n with 0 to 3 random changes in mean and/or scale.</summary>
    public static double[] RandomSeries(Random random, int n)
    {
        var changes = random.Next(0, 4);
        var cuts = Enumerable.Range(0, changes).Select(_ => random.Next(1, n)).Append(0).Append(n).Distinct().Order().ToArray();
        var y = new double[n];
        for (var j = 0; j + 1 < cuts.Length; j++)
        {
            var mean = 5.0 * random.NextDouble();
            var sd = 0.2 + (2.0 * random.NextDouble());
            for (var i = cuts[j]; i < cuts[j + 1]; i++)
            {
                y[i] = 100.0 + mean + (sd * Normal(random));
            }
        }

        return y;
    }
}
