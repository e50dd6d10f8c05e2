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
/// </remarks>
internal static class ChangePointPelt
{
    /// <summary>Relative tolerance a dual value must exceed before a candidate is dropped.</summary>
    private const double Tolerance = 1e-9;

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
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    public static int[] Pelt<TKernel>(TKernel cost, int n, double penalty, int minSegmentLength, bool dualPruning, double pruningConstant, double[]? optimalCosts = null)
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
        if (dualPruning && cost.MeanOnly)
        {
            starts = new double[n + 1];
            ends = new double[n + 1];
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
                var tolerance = Tolerance * (Math.Abs(f[r]) + Math.Abs(f[t]) + penalty + 1.0);
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
                    || (cost.MeanOnly && DominatedOnMeans(cost, f, candidates, count, r, t, until, tolerance, starts, ends)))
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

            // Widened a little beyond the rounding of the prefix sums, so that the interval surely contains the set.
            var halfWidth = (Math.Sqrt(squared) * (1.0 + 1e-9)) + (1e-12 * Math.Abs(centre));
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
                // Narrowed a little, so that the interval surely lies inside the set.
                var halfWidth = (Math.Sqrt(squared) * (1.0 - 1e-9)) - (1e-12 * Math.Abs(centre));
                if (centre + halfWidth > low && centre - halfWidth < high)
                {
                    starts![intervals] = centre - halfWidth;
                    ends![intervals++] = centre + halfWidth;
                }
            }
        }

        // Cover [low, high] from the left: each round extends the covered part to the farthest end of an interval
        // that starts inside it.
        var reach = low;
        while (true)
        {
            var next = reach;
            for (var k = 0; k < intervals; k++)
            {
                if (starts![k] < reach && ends![k] > next)
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
