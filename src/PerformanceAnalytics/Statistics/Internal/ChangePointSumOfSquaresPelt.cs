using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// PELT for the sum-of-squares cost Σ(y − ȳ)² / scale with the candidates' data held side by side
/// (structure of arrays), so that the cost of every candidate at time t is evaluated with
/// <see cref="Vector256{T}"/>.
/// </summary>
/// <remarks>
/// <para>
/// The algorithm is <see cref="ChangePointSearch.Pelt"/> step for step: the same candidates are admitted,
/// pruned (F(r) + C(r, t) + K &gt; F(t), effective from t + minSegmentLength) and dropped, and each candidate's
/// value F(r) + C(r, t) is computed with the same floating-point operations in the same order as
/// <see cref="SumOfSquaresKernel"/> (IEEE lane-wise arithmetic, no fused multiply-add), so the values, the
/// arg-min (earliest candidate on ties) and the segmentation are bit for bit those of the scalar search.
/// </para>
/// <para>
/// It does not change PELT's complexity: inside a long homogeneous segment no candidate after the last change
/// is pruned, so the work still grows like n × segment length; it lowers the cost per candidate. A candidate's
/// F(r), prefix sums and position are copied next to each other when it is admitted, which replaces the
/// scattered loads of the scalar loop by contiguous ones.
/// </para>
/// </remarks>
internal static class ChangePointSumOfSquaresPelt
{
    /// <summary>Gets a value indicating whether the vectorised search can run on this machine.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Runs PELT with the sum-of-squares cost from the prefix sums of the (centred) series.</summary>
    /// <param name="sum">Prefix sums S, length n + 1.</param>
    /// <param name="sumSquares">Prefix sums of squares Q, length n + 1.</param>
    /// <param name="scale">Divisor of the sum of squares.</param>
    /// <param name="n">The series length.</param>
    /// <param name="penalty">β, added per change point.</param>
    /// <param name="minSegmentLength">Minimum segment length.</param>
    /// <param name="pruningConstant">K, as for <see cref="ChangePointSearch.Pelt"/>.</param>
    /// <returns>Start indices of segments 2…k, ascending.</returns>
    public static int[] Pelt(double[] sum, double[] sumSquares, double scale, int n, double penalty, int minSegmentLength, double pruningConstant)
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
                count++;
            }

            if (earliestExpiry <= t)
            {
                count = Compact(position, candidateF, candidateSum, candidateSquares, expiry, count, t, out earliestExpiry);
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
            var thresholdVector = Vector256.Create(f[t] - pruningConstant);
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
            var threshold = f[t] - pruningConstant;
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

            if (pruned)
            {
                earliestExpiry = Math.Min(earliestExpiry, until);
            }
        }

        return ChangePointSearch.Backtrack(last, n);
    }

    private static int Compact(double[] position, double[] candidateF, double[] candidateSum, double[] candidateSquares, double[] expiry, int count, int t, out double earliestExpiry)
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
            earliestExpiry = Math.Min(earliestExpiry, expiry[i]);
            kept++;
        }

        return kept;
    }
}
