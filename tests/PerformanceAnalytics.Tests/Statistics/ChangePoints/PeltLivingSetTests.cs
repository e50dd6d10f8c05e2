using System.Collections.Concurrent;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;
using static PerformanceAnalytics.Tests.Statistics.ChangePointDetection.ChangePointReference;

namespace PerformanceAnalytics.Tests.Statistics.ChangePointDetection;

/// <summary>
/// The candidates the pruned MBIC search still holds at the end of a series, against the living set: every last
/// change that is the strict optimum at some segment parameter θ for some end T after the series (T − n from 2 to
/// 2²⁰), found on grids over θ. Whatever data follow the series, the candidates' functions of θ change alike, so each
/// position optimal there must be kept; a candidate dropped wrongly fails the test even when no prefix cost up to n
/// shows it yet (the ln(T − r) terms of MBIC make the order of two candidates depend on T).
/// </summary>
public sealed class PeltLivingSetTests
{
    private static readonly int[] _endOffsets = [2, 3, 4, 6, 8, 12, 16, 32, 64, 256, 1024, 1 << 20];

    [Test]
    public void Pelt_KeepsEveryCandidateThatIsOptimalForALaterEnd()
    {
        var random = new Random(20261201);
        for (var trial = 0; trial < 12; trial++)
        {
            var n = random.Next(200, 600);
            var y = trial % 2 == 0 ? MixedSegments(random, n) : QuietThenShortTail(random, n);
            foreach (var cost in new[] { ChangePointCost.MeanVariance, ChangePointCost.Mean })
            {
                var minSegmentLength = 2 + (trial % 3 == 0 ? 1 : 0);
                var segmentCost = new ChangePointSegmentCost(y, cost, NoiseVariance(y), addLogLength: true);
                var penalty = (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n);

                // F from plain PELT (equal to optimal partitioning), so that the reference owes nothing to the pruning.
                var f = ChangePointSearch.PeltOptimalCosts(segmentCost, n, penalty, minSegmentLength, dualPruning: false, -Math.Log(n));
                var positions = Enumerable.Range(0, n - minSegmentLength + 1).Where(c => c == 0 || c >= minSegmentLength).ToArray();
                var living = LivingSet(y, f, segmentCost, cost, positions, Grids(y, cost, 121, zooms: []));
                living.Count.Should().BeGreaterThan(1, $"trial {trial}, {cost}: the grid finds a living set to check");
                foreach (var strategy in Strategies(cost))
                {
                    var kept = ChangePointSearch.PeltKeptAtEnd(segmentCost, n, penalty, minSegmentLength, strategy).ToHashSet();
                    living.Should().BeSubsetOf(kept, $"trial {trial}, {cost}, {strategy}, n {n}: no candidate optimal for a later end is dropped");
                }
            }
        }
    }

    // Not a check but the measurement behind the sizes quoted in ChangePointPelt's remarks: the living set of white
    // noise of length L (found among the kept candidates, which the test above shows to hold it, on grids refined
    // around the segment's estimate until the count stops growing) and what the search keeps. About two minutes for
    // the four lengths on two cores.
    [Explicit("Measurement; prints the sizes of the living and kept sets.")]
    [TestCase(1_000)]
    [TestCase(10_000)]
    [TestCase(100_000)]
    [TestCase(1_000_000)]
    public void Measure_LivingSetOfWhiteNoise(int length)
    {
        foreach (var seed in new[] { 1, 2, 3 })
        {
            var random = new Random(seed);
            var y = Enumerable.Range(0, length).Select(_ => Normal(random)).ToArray();
            var segmentCost = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, NoiseVariance(y), addLogLength: true);
            var penalty = 4 * Math.Log(length);
            var f = ChangePointSearch.PeltOptimalCosts(segmentCost, length, penalty, 2, dualPruning: true, 0.0);
            var kept = ChangePointSearch.PeltKeptAtEnd(segmentCost, length, penalty, 2, ChangePointSearch.PeltStrategy.Pruned);
            var living = LivingSet(y, f, segmentCost, ChangePointCost.MeanVariance, [.. kept], Grids(y, ChangePointCost.MeanVariance, 601, zooms: [0.15, 0.05, 0.015, 0.005]));

            TestContext.Out.WriteLine($"L = {length}, seed {seed}: kept {kept.Count}, living {living.Count} (ln² L = {Math.Pow(Math.Log(length), 2):F1})");
        }
    }

    /// <summary>Positions that are, by a margin far above rounding, the optimal last change at some grid point for some end n + d.</summary>
    private static HashSet<int> LivingSet(double[] y, double[] f, ChangePointSegmentCost segmentCost, ChangePointCost cost, int[] positions, (double[] Means, double[] LogVariances)[] grids)
    {
        var n = y.Length;
        var centre = y.Average();
        var (s1, s2) = (new double[n + 1], new double[n + 1]);
        for (var i = 0; i < n; i++)
        {
            var d = y[i] - centre;
            s1[i + 1] = s1[i] + d;
            s2[i + 1] = s2[i] + (d * d);
        }

        var floor = segmentCost.VarianceFloor;
        var scale = NoiseVariance(y);
        var living = new ConcurrentDictionary<int, bool>();
        foreach (var (means, logVariances) in grids)
        {
            Parallel.For(0, logVariances.Length, row =>
            {
                var logV = logVariances[row];
                var v = Math.Exp(logV);
                var width = _endOffsets.Length * means.Length;
                var (best, second, arg) = (new double[width], new double[width], new int[width]);
                Array.Fill(best, double.PositiveInfinity);
                Array.Fill(second, double.PositiveInfinity);
                var logs = new double[_endOffsets.Length];
                foreach (var c in positions)
                {
                    var (m, a, b) = (n - c, s1[n] - s1[c], s2[n] - s2[c]);
                    for (var k = 0; k < _endOffsets.Length; k++)
                    {
                        logs[k] = Math.Log(n + _endOffsets[k] - c);
                    }

                    for (var col = 0; col < means.Length; col++)
                    {
                        // The segment's likelihood at θ = (μ, v) (or μ alone), summed over its points, as the costs define it.
                        var mu = means[col];
                        var squares = b - (2 * mu * a) + (m * mu * mu);
                        var likelihood = cost == ChangePointCost.Mean ? squares / scale : (m * logV) + ((squares + (m * floor)) / v) - m;
                        for (var k = 0; k < _endOffsets.Length; k++)
                        {
                            var q = f[c] + likelihood + logs[k];
                            var index = (k * means.Length) + col;
                            if (q < best[index])
                            {
                                (second[index], best[index], arg[index]) = (best[index], q, c);
                            }
                            else if (q < second[index])
                            {
                                second[index] = q;
                            }
                        }
                    }
                }

                for (var index = 0; index < width; index++)
                {
                    if (second[index] - best[index] > 1e-7 * (1.0 + Math.Abs(best[index])))
                    {
                        living[arg[index]] = true;
                    }
                }
            });
        }

        return [.. living.Keys];
    }

    /// <summary>
    /// Grids over θ: a wide one, a coarse one around the whole series' estimate, one around the last 30 points' estimate
    /// (where young candidates live), and finer ones around the whole series' estimate (where old ones do).
    /// </summary>
    private static (double[] Means, double[] LogVariances)[] Grids(double[] y, ChangePointCost cost, int size, double[] zooms)
    {
        var centre = y.Average();
        var variance = y.Select(v => (v - centre) * (v - centre)).Average();
        var sd = Math.Sqrt(variance);
        var tail = y[^30..];
        var tailMean = tail.Average() - centre;
        var tailVariance = Math.Max(tail.Select(v => (v - centre - tailMean) * (v - centre - tailMean)).Average(), 1e-6 * variance);
        var boxes = new List<(double Mean, double MeanHalf, double LogVariance, double LogHalf)>
        {
            (0, 6 * sd, Math.Log(variance), 8),
            (0, 2 * sd, Math.Log(variance), 2.5),
            (tailMean, 1.5 * Math.Sqrt(tailVariance), Math.Log(tailVariance), 1.5),
        };
        boxes.AddRange(zooms.Select(z => (0.0, z * sd, Math.Log(variance), z)));

        // The mean cost has no variance parameter: one row, and a finer line of means.
        return [.. boxes.Select(box => (
            Line(box.Mean, box.MeanHalf, cost == ChangePointCost.Mean ? 100 * size : size),
            cost == ChangePointCost.Mean ? new[] { 0.0 } : Line(box.LogVariance, box.LogHalf, size)))];
    }

    private static double[] Line(double centre, double half, int size) =>
        [.. Enumerable.Range(0, size).Select(i => centre - half + (2 * half * i / (size - 1)))];

    private static double[] MixedSegments(Random random, int n)
    {
        var y = new double[n];
        for (var i = 0; i < n;)
        {
            var length = random.Next(3, 120);
            var level = 2.0 * Normal(random);
            var scale = Math.Exp(0.8 * Normal(random));
            for (var k = 0; k < length && i < n; k++, i++)
            {
                y[i] = level + (scale * Normal(random));
            }
        }

        return y;
    }

    private static double[] QuietThenShortTail(Random random, int n)
    {
        var y = new double[n];
        var tail = random.Next(3, 25);
        var shift = Normal(random) * 2.5 / Math.Sqrt(tail);
        var scale = Math.Exp(Normal(random) * 1.2 / Math.Sqrt(tail));
        for (var i = 0; i < n; i++)
        {
            y[i] = i < n - tail ? Normal(random) : shift + (scale * Normal(random));
        }

        return y;
    }
}
