namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>The change-point search algorithms behind <see cref="ChangePoints"/>.</summary>
internal static class ChangePointSearch
{
    /// <summary>
    /// PELT (Killick, Fearnhead &amp; Eckley 2012): optimal partitioning F(t) = min_s F(s) + C(s, t) + β with
    /// F(0) = −β, where candidates that can no longer be optimal are dropped, so the result is exactly the
    /// optimal-partitioning minimiser (ties go to the earliest last change point).
    /// </summary>
    /// <param name="cost">Segment costs over [0, n).</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    /// <remarks>
    /// The plain sum-of-squares cost runs <see cref="ChangePointSumOfSquaresPelt"/> (vectorised, with functional
    /// pruning) when the hardware supports it; the mean cost with MBIC's length terms runs <see cref="ChangePointPelt"/>
    /// (PELT with dual and functional pruning). The mean-and-variance cost runs <see cref="ChangePointLazyPelt"/>
    /// (evaluating only the candidates a lower bound leaves a chance), and <see cref="ChangePointPelt"/> when that
    /// exceeds its budget of evaluations. All return exactly the optimal-partitioning minimiser.
    /// </remarks>
    public static int[] Pelt(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength)
    {
        if (ChangePointSumOfSquaresPelt.IsSupported && cost.TryGetSumOfSquares(out var sum, out var sumSquares, out var scale))
        {
            return ChangePointSumOfSquaresPelt.Pelt(sum, sumSquares, scale, n, penalty, minSegmentLength);
        }

        return cost.Accept(new PeltRun(n, penalty, minSegmentLength, dualPruning: true, 0.0, null));
    }

    /// <summary>Runs the search of <see cref="Pelt(ChangePointSegmentCost, int, double, int)"/> for a cost other than the plain sum of squares with the given strategy (for tests).</summary>
    internal static int[] Pelt(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength, PeltStrategy strategy) =>
        cost.Accept(new PeltRun(n, penalty, minSegmentLength, dualPruning: true, 0.0, null, null, strategy));

    /// <summary>
    /// Plain PELT with one scalar cost evaluation per candidate, dropping a candidate s once F(s) + C(s, t) + K &gt; F(t)
    /// (the reference for the faster searches). Pruning at time t is justified only for ends T ≥ t + minSegmentLength
    /// (the path through t needs a last segment of admissible length), so a pruned candidate stays in the set until then.
    /// </summary>
    /// <param name="cost">Segment costs over [0, n).</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <param name="pruningConstant">
    /// K with C(a, c) ≥ C(a, b) + C(b, c) + K for all a &lt; b &lt; c: 0 for the plain Gaussian costs, −ln n when
    /// ln(m) is added per segment (ln m₁ + ln m₂ − ln(m₁ + m₂) = ln(m₁m₂/m) ≤ ln n).
    /// </param>
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    internal static int[] PeltScalar(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength, double pruningConstant) =>
        cost.Accept(new PeltRun(n, penalty, minSegmentLength, dualPruning: false, pruningConstant, null));

    /// <summary>Runs the search of <see cref="Pelt(ChangePointSegmentCost, int, double, int, PeltStrategy)"/> and returns the candidates it still holds at t = n (for tests of the pruning): every last change that can still be optimal for an end after n must be among them.</summary>
    internal static List<int> PeltKeptAtEnd(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength, PeltStrategy strategy = PeltStrategy.Automatic)
    {
        var kept = new List<int>();
        cost.Accept(new PeltRun(n, penalty, minSegmentLength, dualPruning: true, 0.0, optimalCosts: null, kept, strategy));
        return kept;
    }

    /// <summary>
    /// Returns F(t), the optimal cost of every prefix [0, t), from the search of
    /// <see cref="Pelt(ChangePointSegmentCost, int, double, int, PeltStrategy)"/> (with <paramref name="dualPruning"/>)
    /// or of <see cref="PeltScalar"/> (without): every candidate that a pruning rule drops wrongly, or a lazy search
    /// skips wrongly, shows up as a larger F at some end.
    /// </summary>
    internal static double[] PeltOptimalCosts(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength, bool dualPruning, double pruningConstant, PeltStrategy strategy = PeltStrategy.Automatic)
    {
        var optimalCosts = new double[n + 1];
        cost.Accept(new PeltRun(n, penalty, minSegmentLength, dualPruning, pruningConstant, optimalCosts, null, strategy));
        return optimalCosts;
    }

    /// <summary>
    /// Runs <see cref="ChangePointLazyPelt"/> alone with its default budget and returns its change points, or
    /// <see langword="null"/> when it gave up (the mean-and-variance cost only; for tests of the fallback).
    /// </summary>
    internal static int[]? LazyPeltWithinBudget(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength) =>
        cost.Accept(new LazyRun(n, penalty, minSegmentLength));

    /// <summary>
    /// Greedy binary segmentation (Scott &amp; Knott 1974; Sen &amp; Srivastava 1975): repeatedly split the segment
    /// whose best single split lowers the total cost most, while that gain exceeds the penalty and fewer than
    /// <paramref name="maxChangePoints"/> change points have been placed.
    /// </summary>
    public static int[] BinarySegmentation(ChangePointSegmentCost cost, int n, double penalty, int minSegmentLength, int maxChangePoints)
    {
        var starts = new List<int>();
        if (n < 2 * minSegmentLength || maxChangePoints == 0)
        {
            return [];
        }

        var segments = new List<(int Start, int End, int Split, double Gain)> { BestSplit(cost, 0, n, minSegmentLength) };
        while (starts.Count < maxChangePoints)
        {
            var pick = -1;
            var bestGain = double.NegativeInfinity;
            for (var i = 0; i < segments.Count; i++)
            {
                if (segments[i].Split > 0 && segments[i].Gain > bestGain)
                {
                    bestGain = segments[i].Gain;
                    pick = i;
                }
            }

            if (pick < 0 || !(bestGain > penalty))
            {
                break;
            }

            var (start, end, split, _) = segments[pick];
            starts.Add(split);
            segments[pick] = BestSplit(cost, start, split, minSegmentLength);
            segments.Add(BestSplit(cost, split, end, minSegmentLength));
        }

        starts.Sort();
        return [.. starts];
    }

    private static (int Start, int End, int Split, double Gain) BestSplit(ChangePointSegmentCost cost, int start, int end, int minSegmentLength)
    {
        if (end - start < 2 * minSegmentLength)
        {
            return (start, end, 0, double.NegativeInfinity);
        }

        var whole = cost.Cost(start, end);
        var bestGain = double.NegativeInfinity;
        var split = 0;
        for (var s = start + minSegmentLength; s <= end - minSegmentLength; s++)
        {
            var gain = whole - cost.Cost(start, s) - cost.Cost(s, end);

            // A split of a constant run gains exactly nothing; rounding of m·ln(ε) must not make it look positive.
            if (Math.Abs(gain) <= 1e-12 * Math.Abs(whole))
            {
                gain = 0.0;
            }

            if (gain > bestGain)
            {
                bestGain = gain;
                split = s;
            }
        }

        return (start, end, split, bestGain);
    }

    /// <summary>Which search runs the mean-and-variance cost with pruning (tests force one or the other).</summary>
    internal enum PeltStrategy
    {
        /// <summary><see cref="ChangePointLazyPelt"/> within its budget, else <see cref="ChangePointPelt"/>.</summary>
        Automatic,

        /// <summary><see cref="ChangePointLazyPelt"/> without a budget.</summary>
        Lazy,

        /// <summary><see cref="ChangePointPelt"/> with dual and functional pruning.</summary>
        Pruned,
    }

    private readonly struct PeltRun(int n, double penalty, int minSegmentLength, bool dualPruning, double pruningConstant, double[]? optimalCosts, List<int>? keptAtEnd = null, PeltStrategy strategy = PeltStrategy.Automatic)
        : IChangePointCostVisitor<int[]>
    {
        public int[] Visit<TKernel>(TKernel kernel)
            where TKernel : struct, IChangePointCostKernel
        {
            if (dualPruning && !kernel.MeanOnly && strategy != PeltStrategy.Pruned)
            {
                var budget = strategy == PeltStrategy.Lazy ? double.PositiveInfinity : ChangePointLazyPelt.DefaultBudgetPerStep(n);
                var changePoints = ChangePointLazyPelt.TryPelt(kernel, n, penalty, minSegmentLength, budget, optimalCosts, keptAtEnd);
                if (changePoints is not null)
                {
                    return changePoints;
                }
            }

            return ChangePointPelt.Pelt(kernel, n, penalty, minSegmentLength, dualPruning, pruningConstant, optimalCosts, keptAtEnd);
        }
    }

    private readonly struct LazyRun(int n, double penalty, int minSegmentLength) : IChangePointCostVisitor<int[]?>
    {
        public int[]? Visit<TKernel>(TKernel kernel)
            where TKernel : struct, IChangePointCostKernel =>
            kernel.MeanOnly
                ? throw new NotSupportedException("The lazy search needs the mean-and-variance cost.")
                : ChangePointLazyPelt.TryPelt(kernel, n, penalty, minSegmentLength, ChangePointLazyPelt.DefaultBudgetPerStep(n));
    }

    /// <summary>Follows the last-change pointers back from n.</summary>
    internal static int[] Backtrack(int[] last, int n)
    {
        var count = 0;
        for (var t = last[n]; t > 0; t = last[t])
        {
            count++;
        }

        var starts = new int[count];
        var k = count;
        for (var t = last[n]; t > 0; t = last[t])
        {
            starts[--k] = t;
        }

        return starts;
    }
}
