using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// PELT over any <see cref="IChangePointCostKernel"/>: plain (Killick, Fearnhead &amp; Eckley 2012, the reference), or
/// with an additional, stronger exact pruning test derived from Lagrangian duality (the idea of DUST, Truong &amp; Runge 2025, "DUST: a duality-based pruning
/// method for exact multiple change-point detection", arXiv:2507.02467; the test below is derived for these costs).
/// </summary>
/// <remarks>
/// <para>
/// Write the cost of a last segment (r, T] as min over θ of Σ per-point terms that are linear in the sufficient
/// statistics. A candidate r then contributes the function q_r(θ) = F(r) + β + Σ_{(r,T]} ℓ(y; θ) + ln(T − r)
/// (the ln term only with the MBIC objective), and F(T) = min over r and θ of q_r(θ). Candidate r can never be the
/// last change before any later end if, at every θ, some other admissible candidate has a smaller function. For the
/// current time t and an earlier candidate u &lt; r, a sufficient condition is that a convex combination is strictly
/// smaller: q_r − (1 − λ) q_t − λ q_u &gt; 0 for all θ and one λ ∈ [0, 1]. The θ-dependent part of that difference
/// is a "virtual segment" of length κ = (t − r) − λ(t − u) and sums (S_t − S_r) − λ(S_t − S_u), so its minimum over θ
/// is the concave function h of <see cref="IChangePointCostKernel.VirtualCost"/> (−∞ unless κ &gt; 0 and, for the
/// mean-and-variance cost, the virtual variance plus ε is positive), and the test reads
/// D(λ) = F(r) − (1 − λ) F(t) − λ (F(u) + δ) + h(κ, S) &gt; 0 for some λ. D is concave in λ; D(0) &gt; 0 is PELT's own
/// rule with the likelihood part of the cost (K = 0). With the MBIC ln terms, ln(T − t) ≤ ln(T − r) may be left
/// out, and ln(T − u) − ln(T − r) ≤ δ = ln((t + minSegmentLength − u)/(t + minSegmentLength − r)) for every end
/// that matters. The maximum over λ is bracketed with tangent lines (Kelley's cutting planes in one dimension),
/// stopping as soon as a λ proves the drop or the tangents prove that none can.
/// </para>
/// <para>
/// Both t and u are valid last changes for every end T ≥ t + minSegmentLength, so a dropped candidate stays until
/// then, as in plain PELT. A drop needs D to exceed a tolerance far above the rounding of the prefix-sum costs; a
/// missed drop only costs time. The result is therefore the exact optimal-partitioning minimiser.
/// </para>
/// <para>
/// What it buys: inside a homogeneous segment PELT keeps every candidate since the segment's start; with u the
/// segment's start the dual test drops all but the most recent few per cent of them (measured: about 2–4 % of the
/// segment length for the mean-and-variance cost), so the work still grows with the segment length, but with a
/// constant about thirty times smaller. The test runs for each candidate every 32nd step, which keeps its cost
/// below that of the plain cost evaluations.
/// </para>
/// <para>
/// For a cost whose only parameter is the mean, the same step also tests the candidate against all the others at
/// once on the line of means (functional pruning, Maidstone, Hocking, Rigaill &amp; Fearnhead 2017): the means at which
/// r beats each later candidate form an interval, as do the means at which each earlier one beats r, so r is dropped
/// when the intersection of the first is empty or covered by the union of the second. That keeps a few dozen
/// candidates inside a long segment, whatever its length.
/// </para>
/// <para>
/// For the mean-and-variance cost the same holds at each fixed variance, so the test runs over slabs of variances,
/// bounding each interval over a slab and halving slabs that the bounds cannot clear (in the spirit of the geometric
/// pruning of Pishchagina, Rigaill &amp; Runge, "Geometric-based pruning rules for change point detection in multiple
/// independent time series", Computo 2024, arXiv:2306.09555). It costs one to three microseconds, so a candidate takes
/// it at its first dual-test time and then only when its age has doubled. Averaged over a segment of 10³, 10⁴ and 10⁵
/// points it keeps about 30, 50 and 100 candidates, against 100, 400 and 2,500 for the dual test alone (testing every
/// candidate at every step would keep about 16, 32 and 68, at twelve to thirty times the cost). The living set (every
/// candidate that is the optimum at some (μ, v) for some later end; <c>PeltLivingSetTests</c> finds it on grids refined
/// around the segment's estimate) holds about 18, 28, 46 and 67 candidates at the end of white-noise segments of 10³,
/// 10⁴, 10⁵ and 10⁶ points, close to 0.35 ln² L: no exact pruning can keep fewer, so the work per point of a search
/// that evaluates every kept candidate at every step grows at least like ln² of the segment length. This search
/// holds 41, 72, 138 and 287 there.
/// </para>
/// <para>
/// For the mean-and-variance cost, <see cref="ChangePointSearch"/> runs <see cref="ChangePointLazyPelt"/> first, which
/// does not evaluate every kept candidate at every step and so escapes that bound on the work; this search takes over
/// when the lazy one exceeds its budget (series that drift).
/// </para>
/// </remarks>
internal static class ChangePointPelt
{
    /// <summary>Relative tolerance a dual value must exceed before a candidate is dropped.</summary>
    internal const double Tolerance = 1e-9;

    /// <summary>Relative margin by which functional-pruning intervals are widened or narrowed against rounding.</summary>
    private const double IntervalRelativeMargin = 1e-9;

    /// <summary>Margin, relative to the interval's centre, added to or taken from its half-width against rounding.</summary>
    private const double IntervalAbsoluteMargin = 1e-12;

    /// <summary>Maximum number of cutting-plane steps per dual test.</summary>
    private const int MaxSteps = 12;

    /// <summary>A candidate r gets the dual test at the times t with (t + r) divisible by 32 (PELT's own test runs every step).</summary>
    private const int DualTestMask = 31;

    /// <summary>Runs PELT, plain or with dual pruning.</summary>
    /// <param name="cost">The segment cost.</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <param name="dualPruning">
    /// <see langword="true"/> for PELT's rule on the likelihood part of the cost plus the dual test;
    /// <see langword="false"/> for plain PELT, which drops r once F(r) + C(r, t) + K &gt; F(t).
    /// </param>
    /// <param name="pruningConstant">K of plain PELT (ignored with dual pruning).</param>
    /// <param name="optimalCosts">When given (length n + 1), receives F(t) for t ≥ minSegmentLength (the optimal cost of [0, t)).</param>
    /// <param name="keptAtEnd">When given, receives the candidates the search still holds at t = n: a superset of every last change that can be optimal for an end after n.</param>
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    public static int[] Pelt<TKernel>(TKernel cost, int n, double penalty, int minSegmentLength, bool dualPruning, double pruningConstant, double[]? optimalCosts = null, List<int>? keptAtEnd = null)
        where TKernel : struct, IChangePointCostKernel
    {
        if (n < 2 * minSegmentLength)
        {
            return [];
        }

        var f = new double[n + 1];
        var last = new int[n + 1];
        f[0] = -penalty;
        var candidates = new int[n + 1];
        var expiry = new int[n + 1];
        var values = new double[n + 1];
        double[]? starts = null;
        double[]? ends = null;
        VarianceSlabs? slabs = null;
        if (dualPruning && cost.MeanOnly)
        {
            starts = new double[n + 1];
            ends = new double[n + 1];
        }
        else if (dualPruning)
        {
            slabs = new VarianceSlabs(n);
        }

        var count = 0;
        for (var t = minSegmentLength; t <= n; t++)
        {
            var s = t - minSegmentLength;
            if (s == 0 || s >= minSegmentLength)
            {
                candidates[count] = s;
                expiry[count] = int.MaxValue;
                count++;
            }

            var best = double.PositiveInfinity;
            var argBest = 0;
            var kept = 0;
            for (var i = 0; i < count; i++)
            {
                if (expiry[i] <= t)
                {
                    continue;
                }

                var r = candidates[i];
                var likelihood = f[r] + cost.LikelihoodCost(r, t);
                var v = likelihood + cost.LengthTerm(t - r);
                if (v < best)
                {
                    best = v;
                    argBest = r;
                }

                candidates[kept] = r;
                expiry[kept] = expiry[i];
                values[kept] = likelihood;
                kept++;
            }

            count = kept;
            if (t == n)
            {
                keptAtEnd?.AddRange(candidates.AsSpan(0, count));
            }

            f[t] = best + penalty;
            last[t] = argBest;
            if (t == n)
            {
                break;
            }

            var until = t + minSegmentLength;
            if (until > n)
            {
                continue;
            }

            for (var i = 0; i < count; i++)
            {
                if (expiry[i] <= until)
                {
                    continue;
                }

                var r = candidates[i];
                if (!dualPruning)
                {
                    if (values[i] + cost.LengthTerm(t - r) > f[t] - pruningConstant)
                    {
                        expiry[i] = until;
                    }

                    continue;
                }

                var atZero = values[i] - f[t];
                var tolerance = RuleTolerance(f[r], f[t], penalty);
                if (atZero > tolerance)
                {
                    // PELT: the path through t is better for every later end.
                    expiry[i] = until;
                    continue;
                }

                if (i == 0 || ((t + r) & DualTestMask) != 0)
                {
                    continue;
                }

                // The dominating earlier candidate: the optimal last change before t when it precedes r (inside a
                // homogeneous segment, the segment's start), else the oldest candidate. Its length term ln(T − u)
                // exceeds ln(T − r) by at most ln((until − u)/(until − r)) for every end T ≥ until.
                var u = argBest < r ? argBest : candidates[0];
                var handicap = cost.LengthTerm(until - u) - cost.LengthTerm(until - r);
                if (Dominated(cost, f, r, t, u, handicap, tolerance)
                    || (cost.MeanOnly
                        ? DominatedOnMeans(cost, f, candidates, count, r, t, until, tolerance, starts, ends)
                        : DominatedOnVariances(cost, f, candidates, count, i, u, t, until, tolerance, slabs!)))
                {
                    expiry[i] = until;
                }
            }
        }

        if (optimalCosts is not null)
        {
            f.AsSpan().CopyTo(optimalCosts);
        }

        return ChangePointSearch.Backtrack(last, n);
    }

    /// <summary>
    /// The margin, far above the rounding of the prefix-sum costs, by which F(r) + C(r, t) must exceed F(t) before
    /// PELT's rule drops r (shared with <see cref="ChangePointLazyPelt"/>).
    /// </summary>
    internal static double RuleTolerance(double fr, double ft, double penalty) =>
        Tolerance * (Math.Abs(fr) + Math.Abs(ft) + penalty + 1.0);

    /// <summary>
    /// For a mean-only cost, exact functional pruning on the line of means: r can beat a later candidate s (or t) only
    /// at the means where C_μ(r, s] &lt; F(s) − F(r), an interval, so only inside the intersection of those intervals;
    /// an earlier candidate c beats r where C_μ(c, r] &lt; F(r) − F(c) − δ(c), another interval. Returns true when the
    /// intersection is empty or the union of the earlier intervals covers it (Maidstone et al. 2017's functional
    /// pruning, checked here for one candidate against all the others).
    /// </summary>
    private static bool DominatedOnMeans<TKernel>(
        TKernel cost, double[] f, int[] candidates, int count, int r, int t, int until, double tolerance, double[]? starts, double[]? ends)
        where TKernel : struct, IChangePointCostKernel
    {
        var sumR = cost.Sum(r);
        var squaresR = cost.SumSquares(r);
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var first = count;
        for (var j = count; j >= 0; j--)
        {
            var s = j == count ? t : candidates[j];
            if (s <= r)
            {
                // The candidates before r itself are the earlier ones.
                first = s == r ? j : j + 1;
                break;
            }

            var squared = cost.MeanInterval(s - r, cost.Sum(s) - sumR, cost.SumSquares(s) - squaresR, f[s] - f[r] + tolerance, out var centre);
            if (!(squared >= 0))
            {
                return true;
            }

            var halfWidth = WidenedHalfWidth(squared, centre);
            low = Math.Max(low, centre - halfWidth);
            high = Math.Min(high, centre + halfWidth);
            if (low > high)
            {
                return true;
            }
        }

        var termR = cost.LengthTerm(until - r);
        var intervals = 0;
        for (var j = 0; j < first; j++)
        {
            var c = candidates[j];
            var bound = f[r] - f[c] - (cost.LengthTerm(until - c) - termR) - tolerance;
            var squared = cost.MeanInterval(r - c, sumR - cost.Sum(c), squaresR - cost.SumSquares(c), bound, out var centre);
            if (squared > 0)
            {
                var halfWidth = NarrowedHalfWidth(squared, centre);
                if (centre + halfWidth > low && centre - halfWidth < high)
                {
                    starts![intervals] = centre - halfWidth;
                    ends![intervals++] = centre + halfWidth;
                }
            }
        }

        return Covers(starts!, ends!, intervals, low, high);
    }

    /// <summary>
    /// Half-width of the interval centre ± √squared widened a little beyond the rounding of the prefix sums, so that it
    /// surely contains the set it bounds (the intervals a candidate must stay inside).
    /// </summary>
    private static double WidenedHalfWidth(double squared, double centre) =>
        (Math.Sqrt(squared) * (1.0 + IntervalRelativeMargin)) + (IntervalAbsoluteMargin * Math.Abs(centre));

    /// <summary>Half-width narrowed a little, so that the interval surely lies inside the set (the intervals that cover).</summary>
    private static double NarrowedHalfWidth(double squared, double centre) =>
        (Math.Sqrt(squared) * (1.0 - IntervalRelativeMargin)) - (IntervalAbsoluteMargin * Math.Abs(centre));

    /// <summary>
    /// Returns true when the open intervals (starts[k], ends[k]) cover [low, high]: each round extends the covered
    /// part from the left to the farthest end of an interval that starts inside it.
    /// </summary>
    private static bool Covers(double[] starts, double[] ends, int intervals, double low, double high)
    {
        var reach = low;
        while (true)
        {
            var next = reach;
            for (var k = 0; k < intervals; k++)
            {
                if (starts[k] < reach && ends[k] > next)
                {
                    next = ends[k];
                }
            }

            if (next > high)
            {
                return true;
            }

            if (!(next > reach))
            {
                return false;
            }

            reach = next;
        }
    }

    /// <summary>
    /// For the mean-and-variance cost, exact functional pruning over slabs of variances. A segment of length m with
    /// mean ȳ and spread w (see <see cref="IChangePointCostKernel.Spread"/>) has likelihood cost below a bound b at
    /// (μ, v) exactly when (μ − ȳ)² &lt; D²(v) = v (b/m + 1 − ln v) − w; D² is concave in v, largest at ln v = b/m. So
    /// at each variance the means where r beats a later candidate s (bound F(s) − F(r)) form an interval, and so do
    /// the means where an earlier candidate c beats r (bound F(r) − F(c) − δ(c)). Over a slab of variances, r can win
    /// only inside the intersection of the first intervals at their widest over the slab, and loses wherever the union
    /// of the second at their narrowest over the slab reaches; a slab is cleared when the first is empty or covered
    /// by the second, and otherwise halved, down to a fixed depth. The first slab is the range of variances at which
    /// r can beat t at all. Every later candidate takes part; of the earlier ones, u and the nearest few, which
    /// decide nearly every drop that all of them would.
    /// </summary>
    /// <remarks>
    /// A candidate gets this test at its first dual-test time and, while it survives, again once its age has
    /// doubled: most candidates fall at the first or second test, and the few that stay (a segment's start) cost
    /// O(log n) tests each.
    /// </remarks>
    private static bool DominatedOnVariances<TKernel>(
        TKernel cost, double[] f, int[] candidates, int count, int index, int u, int t, int until, double tolerance, VarianceSlabs slabs)
        where TKernel : struct, IChangePointCostKernel
    {
        var r = candidates[index];
        var age = t - r;
        if (age < slabs.NextTest[r])
        {
            return false;
        }

        var sumR = cost.Sum(r);
        var squaresR = cost.SumSquares(r);
        slabs.Reserve(count + VarianceSlabs.EarlierDominators + 2);
        var later = 0;
        var low = 0.0;
        var high = 0.0;
        for (var j = count; j > index; j--)
        {
            var s = j == count ? t : candidates[j];
            var m = s - r;
            var spread = cost.Spread(m, cost.Sum(s) - sumR, cost.SumSquares(s) - squaresR, out var mean);
            var level = (f[s] - f[r] + tolerance) / m;
            if (j == count)
            {
                // With x = w/v the bound holds only where x − ln x < 1 + γ, γ = b/m − ln w: z − ln(1 + z) ≥
                // z²/(2(1 + z)) bounds the root above 1 by 1 + γ + √(γ(γ + 2)); −ln(1 − z) − z ≥ z²/2 bounds the one
                // below by 1 − √(2γ), and x ≥ e^(−1−γ) always.
                var gamma = level - Math.Log(spread);
                if (!(gamma >= 0))
                {
                    return true;
                }

                var above = 1.0 + gamma + Math.Sqrt(gamma * (gamma + 2.0));
                var below = 1.0 - Math.Sqrt(2.0 * gamma);
                below = below > 0.5 ? below : Math.Max(below, Math.Exp(-1.0 - gamma));
                low = spread / above * (1.0 - 1e-9);
                high = spread / below * (1.0 + 1e-9);
            }

            slabs.Add(later++, mean, spread, level, Math.Exp(level) - spread);
        }

        // Earlier competitors: u, then the nearest candidates before r.
        var total = later;
        var termR = cost.LengthTerm(until - r);
        for (var j = index; j >= Math.Max(0, index - VarianceSlabs.EarlierDominators); j--)
        {
            var c = j == index ? u : candidates[j];
            if (c >= r || (j != index && c == u))
            {
                continue;
            }

            var m = r - c;
            var spread = cost.Spread(m, sumR - cost.Sum(c), squaresR - cost.SumSquares(c), out var mean);
            var level = (f[r] - f[c] - (cost.LengthTerm(until - c) - termR) - tolerance) / m;
            slabs.Add(total++, mean, spread, level, 0.0);
        }

        if (CoveredSlab(slabs, later, total, low, high, Math.Log(low), Math.Log(high), 0))
        {
            return true;
        }

        slabs.NextTest[r] = 2 * age;
        return false;
    }

    /// <summary>True when the slab of variances [lowVariance, highVariance] is cleared (see <see cref="DominatedOnVariances"/>).</summary>
    private static bool CoveredSlab(VarianceSlabs slabs, int later, int total, double lowVariance, double highVariance, double logLow, double logHigh, int depth)
    {
        // D²(v) = v (λ + 1 − ln v) − w with λ = b/m: at the slab's ends, or e^λ − w at the peak when the slab holds it.
        var (mean, spread, level, top) = (slabs.Mean, slabs.Spread, slabs.Level, slabs.Top);
        var lowFactor = 1.0 - logLow;
        var highFactor = 1.0 - logHigh;
        var low = double.NegativeInfinity;
        var high = double.PositiveInfinity;
        var j = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var vectorLow = Vector256.Create(double.NegativeInfinity);
            var vectorHigh = Vector256.Create(double.PositiveInfinity);
            var (vLogLow, vLogHigh) = (Vector256.Create(logLow), Vector256.Create(logHigh));
            var (vLowVariance, vHighVariance) = (Vector256.Create(lowVariance), Vector256.Create(highVariance));
            var (vLowFactor, vHighFactor) = (Vector256.Create(lowFactor), Vector256.Create(highFactor));
            for (; j <= later - Vector256<double>.Count; j += Vector256<double>.Count)
            {
                var lambda = Vector256.LoadUnsafe(ref level[j]);
                var w = Vector256.LoadUnsafe(ref spread[j]);
                var centre = Vector256.LoadUnsafe(ref mean[j]);
                var squared = Vector256.ConditionalSelect(
                    Vector256.LessThanOrEqual(lambda, vLogLow),
                    (vLowVariance * (lambda + vLowFactor)) - w,
                    Vector256.ConditionalSelect(
                        Vector256.GreaterThanOrEqual(lambda, vLogHigh),
                        (vHighVariance * (lambda + vHighFactor)) - w,
                        Vector256.LoadUnsafe(ref top[j])));
                if (!Vector256.GreaterThanOrEqualAll(squared, Vector256<double>.Zero))
                {
                    return true;
                }

                // WidenedHalfWidth, lane by lane.
                var halfWidth = (Vector256.Sqrt(squared) * (1.0 + IntervalRelativeMargin)) + (Vector256.Abs(centre) * IntervalAbsoluteMargin);
                vectorLow = Vector256.Max(vectorLow, centre - halfWidth);
                vectorHigh = Vector256.Min(vectorHigh, centre + halfWidth);
            }

            for (var k = 0; k < Vector256<double>.Count; k++)
            {
                low = Math.Max(low, vectorLow[k]);
                high = Math.Min(high, vectorHigh[k]);
            }
        }

        for (; j < later; j++)
        {
            var squared = level[j] <= logLow ? (lowVariance * (level[j] + lowFactor)) - spread[j]
                : level[j] >= logHigh ? (highVariance * (level[j] + highFactor)) - spread[j]
                : top[j];
            if (!(squared >= 0))
            {
                return true;
            }

            var halfWidth = WidenedHalfWidth(squared, mean[j]);
            low = Math.Max(low, mean[j] - halfWidth);
            high = Math.Min(high, mean[j] + halfWidth);
        }

        if (low > high)
        {
            return true;
        }

        var intervals = 0;
        var (starts, ends) = (slabs.Starts, slabs.Ends);
        for (j = later; j < total; j++)
        {
            // The narrowest over the slab, at one of its ends (D² is concave in v).
            var squared = Math.Min(lowVariance * (level[j] + lowFactor), highVariance * (level[j] + highFactor)) - spread[j];
            if (squared > 0)
            {
                var halfWidth = NarrowedHalfWidth(squared, mean[j]);
                if (mean[j] + halfWidth > low && mean[j] - halfWidth < high)
                {
                    starts[intervals] = mean[j] - halfWidth;
                    ends[intervals++] = mean[j] + halfWidth;
                }
            }
        }

        if (Covers(starts, ends, intervals, low, high))
        {
            return true;
        }

        if (depth == VarianceSlabs.MaxDepth)
        {
            return false;
        }

        var middle = 0.5 * (lowVariance + highVariance);
        var logMiddle = Math.Log(middle);
        return CoveredSlab(slabs, later, total, lowVariance, middle, logLow, logMiddle, depth + 1)
            && CoveredSlab(slabs, later, total, middle, highVariance, logMiddle, logHigh, depth + 1);
    }

    /// <summary>Work arrays of <see cref="DominatedOnVariances"/>: per competitor ȳ, w, b/m and the peak D²; the inner intervals; each candidate's next test age.</summary>
    private sealed class VarianceSlabs(int n)
    {
        /// <summary>How many candidates just before r take part besides u.</summary>
        public const int EarlierDominators = 8;

        /// <summary>How many times the first slab is halved before a candidate is kept.</summary>
        public const int MaxDepth = 6;

        public int[] NextTest { get; } = new int[n + 1];

        public double[] Mean { get; private set; } = new double[64];

        public double[] Spread { get; private set; } = new double[64];

        public double[] Level { get; private set; } = new double[64];

        public double[] Top { get; private set; } = new double[64];

        public double[] Starts { get; private set; } = new double[64];

        public double[] Ends { get; private set; } = new double[64];

        public void Reserve(int size)
        {
            if (size > Mean.Length)
            {
                var capacity = Math.Max(size, 2 * Mean.Length);
                (Mean, Spread, Level, Top) = (new double[capacity], new double[capacity], new double[capacity], new double[capacity]);
                (Starts, Ends) = (new double[capacity], new double[capacity]);
            }
        }

        public void Add(int index, double mean, double spread, double level, double top)
        {
            Mean[index] = mean;
            Spread[index] = spread;
            Level[index] = level;
            Top[index] = top;
        }
    }

    /// <summary>Returns true when max over λ of D(λ) (see the type remarks) exceeds the tolerance.</summary>
    private static bool Dominated<TKernel>(TKernel cost, double[] f, int r, int t, int u, double handicap, double tolerance)
        where TKernel : struct, IChangePointCostKernel
    {
        // D(λ) = F(r) − F(t) + λ (F(t) − F(u) − handicap) + h(κ₀ − λ Δκ, S₀ − λ ΔS), feasible while κ > 0.
        var sumT = cost.Sum(t);
        var squaresT = cost.SumSquares(t);
        var length0 = (double)(t - r);
        var sum0 = sumT - cost.Sum(r);
        var squares0 = squaresT - cost.SumSquares(r);
        var lengthStep = (double)(t - u);
        var sumStep = sumT - cost.Sum(u);
        var squaresStep = squaresT - cost.SumSquares(u);
        var offset = f[r] - f[t];
        var slope = f[t] - f[u] - handicap;

        double Value(double lambda, out double derivative)
        {
            var h = cost.VirtualCost(length0 - (lambda * lengthStep), sum0 - (lambda * sumStep), squares0 - (lambda * squaresStep), out var dLength, out var dSum, out var dSquares);
            derivative = slope - (lengthStep * dLength) - (sumStep * dSum) - (squaresStep * dSquares);
            return offset + (lambda * slope) + h;
        }

        var valueLow = Value(0.0, out var derivativeLow);
        if (!(derivativeLow > 0))
        {
            return false;
        }

        // λ < (t − r)/(t − u) keeps κ > 0; beyond the feasible interval D is −∞.
        var low = 0.0;
        var high = length0 / lengthStep;
        var valueHigh = double.NegativeInfinity;
        var derivativeHigh = double.NegativeInfinity;
        for (var step = 0; step < MaxSteps; step++)
        {
            double x;
            if (double.IsFinite(valueHigh))
            {
                // The tangents at low and high meet above the concave D; their crossing bounds its maximum.
                x = (valueHigh - valueLow + (derivativeLow * low) - (derivativeHigh * high)) / (derivativeLow - derivativeHigh);
                if (!(x > low && x < high) || valueLow + (derivativeLow * (x - low)) <= tolerance)
                {
                    return false;
                }
            }
            else
            {
                x = 0.5 * (low + high);
            }

            var value = Value(x, out var derivative);
            if (value > tolerance)
            {
                return true;
            }

            if (double.IsFinite(value) && derivative > 0)
            {
                low = x;
                valueLow = value;
                derivativeLow = derivative;
            }
            else
            {
                high = x;
                valueHigh = value;
                derivativeHigh = derivative;
            }
        }

        return false;
    }
}
