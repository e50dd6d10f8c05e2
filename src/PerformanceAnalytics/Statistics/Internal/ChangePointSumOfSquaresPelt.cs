using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// PELT for the sum-of-squares cost Σ(y − ȳ)² / scale, with functional pruning and with the candidates' data held
/// side by side (structure of arrays) so that the cost of every candidate at time t is evaluated with
/// <see cref="Vector256{T}"/>.
/// </summary>
/// <remarks>
/// <para>
/// The candidate values F(r) + C(r, t), the arg-min (earliest candidate on ties) and the PELT rule
/// (drop r for ends T ≥ t + minSegmentLength once F(r) + C(r, t) &gt; F(t)) are those of
/// <see cref="ChangePointSearch.PeltScalar"/>, computed with the same floating-point operations in the same order
/// (IEEE lane-wise arithmetic, no fused multiply-add).
/// </para>
/// <para>
/// PELT alone keeps every candidate since the last change, so with few changes its work grows like
/// n × segment length. Candidates are also dropped by functional pruning (FPOP,
/// Maidstone, Hocking, Rigaill &amp; Fearnhead 2017, "On optimal multiple changepoint algorithms for large data",
/// Statistics and Computing 27:519–533), in a conservative form described at <see cref="PruneFunctionally"/>:
/// a candidate is dropped only when at every last-segment mean μ another admissible candidate beats it by more
/// than a tolerance far above rounding, so the one the scalar search picks is never dropped and the result is
/// the same; the number of candidates kept inside a long homogeneous segment stays small.
/// </para>
/// </remarks>
internal static class ChangePointSumOfSquaresPelt
{
    /// <summary>Relative tolerance of the functional pruning, far above the rounding of the prefix-sum costs.</summary>
    private const double FunctionalTolerance = 1e-9;

    /// <summary>Gets a value indicating whether the vectorised search can run on this machine.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Runs PELT with the sum-of-squares cost from the prefix sums of the (centred) series.</summary>
    /// <param name="sum">Prefix sums S, length n + 1.</param>
    /// <param name="sumSquares">Prefix sums of squares Q, length n + 1.</param>
    /// <param name="scale">Divisor of the sum of squares.</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    public static int[] Pelt(double[] sum, double[] sumSquares, double scale, int n, double penalty, int minSegmentLength)
    {
        if (n < 2 * minSegmentLength)
        {
            return [];
        }

        var f = new double[n + 1];
        var last = new int[n + 1];
        f[0] = -penalty;

        // Candidate data, in admission order (ascending position).
        var position = new double[n + 1];
        var candidateF = new double[n + 1];
        var candidateSum = new double[n + 1];
        var candidateSquares = new double[n + 1];
        var expiry = new double[n + 1];
        var values = new double[n + 1];

        // Functional pruning: each candidate keeps (−∞, a] ∪ [b, ∞) intersected with later intervals, a superset
        // of the last-segment means μ at which it can still be optimal; pending[s] holds (a, b) until s is admitted.
        var leftLow = new double[n + 1];
        var leftHigh = new double[n + 1];
        var rightLow = new double[n + 1];
        var rightHigh = new double[n + 1];
        var pendingA = new double[n + 1];
        var pendingB = new double[n + 1];
        pendingA[0] = double.PositiveInfinity;
        pendingB[0] = double.PositiveInfinity;

        // Values are sums of F(r) (at most max(total sum of squares, β) in size), β and a prefix-sum cost.
        var tolerance0 = FunctionalTolerance * ((sumSquares[n] / scale) + penalty);
        var count = 0;
        var earliestExpiry = double.PositiveInfinity;
        var zero = Vector256<double>.Zero;
        var scaleVector = Vector256.Create(scale);
        var laneStep = Vector256.Create((double)Vector256<double>.Count);
        var laneIndex = Vector256.Create(0.0, 1.0, 2.0, 3.0);
        for (var t = minSegmentLength; t <= n; t++)
        {
            var s = t - minSegmentLength;
            if (s == 0 || s >= minSegmentLength)
            {
                position[count] = s;
                candidateF[count] = f[s];
                candidateSum[count] = sum[s];
                candidateSquares[count] = sumSquares[s];
                expiry[count] = double.PositiveInfinity;
                leftLow[count] = double.NegativeInfinity;
                leftHigh[count] = pendingA[s];
                rightLow[count] = pendingB[s];
                rightHigh[count] = double.PositiveInfinity;
                count++;
            }

            if (earliestExpiry <= t)
            {
                count = Compact(position, candidateF, candidateSum, candidateSquares, expiry, leftLow, leftHigh, rightLow, rightHigh, count, t, out earliestExpiry);
            }

            // Values F(r) + C(r, t) and their arg-min, lane by lane, then across lanes.
            var end = (double)t;
            var sumT = sum[t];
            var squaresT = sumSquares[t];
            var endVector = Vector256.Create(end);
            var sumTVector = Vector256.Create(sumT);
            var squaresTVector = Vector256.Create(squaresT);
            var vPosition = MemoryMarshal.Cast<double, Vector256<double>>(position.AsSpan(0, count));
            var vF = MemoryMarshal.Cast<double, Vector256<double>>(candidateF.AsSpan(0, count));
            var vSum = MemoryMarshal.Cast<double, Vector256<double>>(candidateSum.AsSpan(0, count));
            var vSquares = MemoryMarshal.Cast<double, Vector256<double>>(candidateSquares.AsSpan(0, count));
            var vValues = MemoryMarshal.Cast<double, Vector256<double>>(values.AsSpan(0, count));
            var bestLane = Vector256.Create(double.PositiveInfinity);
            var bestLaneIndex = Vector256.Create(-1.0);
            var index = laneIndex;
            for (var i = 0; i < vPosition.Length; i++)
            {
                var m = endVector - vPosition[i];
                var s1 = sumTVector - vSum[i];
                var sse = (squaresTVector - vSquares[i]) - (s1 * s1 / m);
                var segmentCost = Vector256.ConditionalSelect(Vector256.GreaterThan(sse, zero), sse / scaleVector, zero);
                var v = vF[i] + segmentCost;
                vValues[i] = v;
                var better = Vector256.LessThan(v, bestLane);
                bestLane = Vector256.ConditionalSelect(better, v, bestLane);
                bestLaneIndex = Vector256.ConditionalSelect(better, index, bestLaneIndex);
                index += laneStep;
            }

            var best = double.PositiveInfinity;
            var argBest = -1;
            for (var lane = 0; lane < Vector256<double>.Count; lane++)
            {
                var laneValue = bestLane.GetElement(lane);
                var laneArg = (int)bestLaneIndex.GetElement(lane);
                if (laneArg >= 0 && (laneValue < best || (laneValue == best && laneArg < argBest)))
                {
                    best = laneValue;
                    argBest = laneArg;
                }
            }

            for (var i = vPosition.Length * Vector256<double>.Count; i < count; i++)
            {
                var m = end - position[i];
                var s1 = sumT - candidateSum[i];
                var sse = squaresT - candidateSquares[i] - (s1 * s1 / m);
                var v = candidateF[i] + (sse > 0 ? sse / scale : 0.0);
                values[i] = v;
                if (v < best)
                {
                    best = v;
                    argBest = i;
                }
            }

            f[t] = best + penalty;
            last[t] = argBest >= 0 ? (int)position[argBest] : 0;

            // Pruning, effective for ends T ≥ t + minSegmentLength.
            var thresholdVector = Vector256.Create(f[t]);
            var until = (double)(t + minSegmentLength);
            var untilVector = Vector256.Create(until);
            var vExpiry = MemoryMarshal.Cast<double, Vector256<double>>(expiry.AsSpan(0, count));
            var anyPruned = Vector256<double>.Zero;
            for (var i = 0; i < vExpiry.Length; i++)
            {
                var prune = Vector256.GreaterThan(vValues[i], thresholdVector);
                vExpiry[i] = Vector256.ConditionalSelect(prune, Vector256.Min(vExpiry[i], untilVector), vExpiry[i]);
                anyPruned |= prune;
            }

            var pruned = anyPruned != Vector256<double>.Zero;
            var threshold = f[t];
            for (var i = vExpiry.Length * Vector256<double>.Count; i < count; i++)
            {
                if (values[i] > threshold)
                {
                    pruned = true;
                    if (expiry[i] > until)
                    {
                        expiry[i] = until;
                    }
                }
            }

            if (t < n)
            {
                pruned |= PruneFunctionally(t, f[t], sumT, scale, until, tolerance0 + (FunctionalTolerance * Math.Abs(f[t])), argBest, count, position, candidateSum, values, expiry, leftLow, leftHigh, rightLow, rightHigh, out pendingA[t], out pendingB[t]);
            }

            if (pruned)
            {
                earliestExpiry = Math.Min(earliestExpiry, until);
            }
        }

        return ChangePointSearch.Backtrack(last, n);
    }

    /// <summary>
    /// One step of functional pruning (Maidstone, Hocking, Rigaill &amp; Fearnhead 2017, FPOP) at time t, for the
    /// quadratic q_r(μ) = F(r) + β + [Σ_{r ≤ i &lt; t}(y_i − μ)²] / scale of each candidate r and the new candidate
    /// t, whose q_t(μ) = F(t) + β is flat.
    /// </summary>
    /// <remarks>
    /// Adding a point adds the same term to every q, so the order of two candidates at a given μ is fixed once
    /// the later one exists. Candidate r is beaten by t wherever q_r(μ) &gt; F(t) + β + tol, i.e. outside
    /// ȳ_r ± √((F(t) + tol − F(r) − C(r, t)) · scale / m_r); its set is intersected with that interval. The new
    /// candidate t is beaten wherever an older candidate's q is below F(t) + β − tol; the union of such intervals
    /// that chain onto the best candidate's is excluded from t's set. Sets are therefore supersets of where a
    /// candidate is optimal by more than tol, and a candidate whose set is empty is beaten by at least tol at every
    /// μ, hence at every end T ≥ t + minSegmentLength (when all the beating candidates are admissible): it is
    /// dropped then, like a PELT-pruned one. The tolerance (10⁻⁹ of the total sum of squares, β and |F(t)|) is far
    /// above the rounding of the prefix-sum costs, so no candidate that the scalar search could pick is dropped,
    /// and the result is the scalar search's.
    /// </remarks>
    private static bool PruneFunctionally(int t, double ft, double sumT, double scale, double until, double tolerance, int argBest, int count, double[] position, double[] candidateSum, double[] values, double[] expiry, double[] leftLow, double[] leftHigh, double[] rightLow, double[] rightHigh, out double excludedLow, out double excludedHigh)
    {
        excludedLow = double.PositiveInfinity;
        excludedHigh = double.PositiveInfinity;
        if (argBest >= 0)
        {
            var m = t - position[argBest];
            var gap = ft - tolerance - values[argBest];
            if (gap > 0)
            {
                var mean = (sumT - candidateSum[argBest]) / m;
                var radius = Math.Sqrt(gap * scale / m);
                excludedLow = mean - radius;
                excludedHigh = mean + radius;
            }
        }

        var excluding = excludedLow < excludedHigh;
        var pruned = false;
        for (var i = 0; i < count; i++)
        {
            var m = t - position[i];
            var mean = (sumT - candidateSum[i]) / m;
            var gapAbove = ft + tolerance - values[i];
            if (gapAbove < 0)
            {
                // Beaten everywhere: the PELT rule has already dropped it.
                continue;
            }

            var radius = Math.Sqrt(gapAbove * scale / m);
            var low = mean - radius;
            var high = mean + radius;
            leftLow[i] = Math.Max(leftLow[i], low);
            leftHigh[i] = Math.Min(leftHigh[i], high);
            rightLow[i] = Math.Max(rightLow[i], low);
            rightHigh[i] = Math.Min(rightHigh[i], high);
            if (!(leftLow[i] <= leftHigh[i]) && !(rightLow[i] <= rightHigh[i]))
            {
                pruned = true;
                if (expiry[i] > until)
                {
                    expiry[i] = until;
                }
            }

            var gapBelow = ft - tolerance - values[i];
            if (excluding && gapBelow > 0)
            {
                var inner = Math.Sqrt(gapBelow * scale / m);
                if (mean - inner < excludedHigh && mean + inner > excludedLow)
                {
                    excludedLow = Math.Min(excludedLow, mean - inner);
                    excludedHigh = Math.Max(excludedHigh, mean + inner);
                }
            }
        }

        if (!excluding)
        {
            excludedLow = double.PositiveInfinity;
            excludedHigh = double.PositiveInfinity;
        }

        return pruned;
    }

    private static int Compact(double[] position, double[] candidateF, double[] candidateSum, double[] candidateSquares, double[] expiry, double[] leftLow, double[] leftHigh, double[] rightLow, double[] rightHigh, int count, int t, out double earliestExpiry)
    {
        earliestExpiry = double.PositiveInfinity;
        var kept = 0;
        for (var i = 0; i < count; i++)
        {
            if (expiry[i] <= t)
            {
                continue;
            }

            position[kept] = position[i];
            candidateF[kept] = candidateF[i];
            candidateSum[kept] = candidateSum[i];
            candidateSquares[kept] = candidateSquares[i];
            expiry[kept] = expiry[i];
            leftLow[kept] = leftLow[i];
            leftHigh[kept] = leftHigh[i];
            rightLow[kept] = rightLow[i];
            rightHigh[kept] = rightHigh[i];
            earliestExpiry = Math.Min(earliestExpiry, expiry[i]);
            kept++;
        }

        return kept;
    }
}
