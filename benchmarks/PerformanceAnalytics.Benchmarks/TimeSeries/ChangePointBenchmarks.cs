using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>
/// PELT against plain optimal partitioning (the O(n²) dynamic programme it prunes), Gaussian mean shifts of 2σ.
/// PELT is linear when the number of changes grows with n (a change every 1,000 points at both sizes: compare
/// time per point); plain PELT's work with a fixed handful of changes grows like n × segment length, which the
/// functional pruning of the mean-cost search removes. The scalar PELT loop it replaced is measured on the same data,
/// and so is plain PELT on the default MBIC objective against the default search: lazy evaluation (a candidate is
/// evaluated only when a lower bound leaves it a chance), and the dual and slab pruning it falls back to, measured
/// alone too, also on a drifting series where the fallback takes over.
/// </summary>
[MemoryDiagnoser]
public class ChangePointBenchmarks
{
    private double[] _tenThousand = [];
    private double[] _hundredThousand = [];
    private double[] _hundredThousandFewChanges = [];
    private double[] _hundredThousandNoChange = [];
    private double[] _hundredThousandDrift = [];
    private double _penalty;

    [GlobalSetup]
    public void Setup()
    {
        _tenThousand = Series(10_000, 1_000, 1);
        _hundredThousand = Series(100_000, 1_000, 2);
        _hundredThousandFewChanges = Series(100_000, 10_000, 3);
        _hundredThousandNoChange = Series(100_000, 100_000, 4);
        _hundredThousandDrift = Series(100_000, 100_000, 6).Select((v, i) => (v * (1.0 + (3.0 * (i / 25_000 % 2)))) + (0.0005 * i)).ToArray();
        _penalty = 3 * Math.Log(100_000);
    }

    [Benchmark(Baseline = true, Description = "Optimal partitioning O(n²), n = 10⁴, 9 changes")]
    public int[] OptimalPartitioning10K() => OptimalPartitioning(_tenThousand, _penalty);

    [Benchmark(Description = "PELT, n = 10⁴, 9 changes")]
    public int[] Pelt10K() => ChangePoints.Pelt(_tenThousand, ChangePointCost.Mean, _penalty, 2);

    [Benchmark(Description = "PELT, n = 10⁵, 99 changes")]
    public int[] Pelt100K() => ChangePoints.Pelt(_hundredThousand, ChangePointCost.Mean, _penalty, 2);

    [Benchmark(Description = "PELT, n = 10⁵, 9 changes")]
    public int[] Pelt100KFewChanges() => ChangePoints.Pelt(_hundredThousandFewChanges, ChangePointCost.Mean, _penalty, 2);

    [Benchmark(Description = "PELT scalar loop, n = 10⁵, 9 changes")]
    public int[] PeltScalar100KFewChanges()
    {
        var costs = new ChangePointSegmentCost(_hundredThousandFewChanges, ChangePointCost.Mean, 1.0, addLogLength: false);
        return ChangePointSearch.PeltScalar(costs, _hundredThousandFewChanges.Length, _penalty, 2, 0.0);
    }

    [Benchmark(Description = "PELT MBIC default (mean and variance, lazy evaluation), n = 10⁵, 99 changes")]
    public int[] PeltDefault100K() => ChangePoints.Pelt(_hundredThousand);

    [Benchmark(Description = "Plain PELT, MBIC default objective (K = −ln n), n = 10⁵, 99 changes")]
    public int[] PeltDefaultPlain100K() => PlainMbicPelt(_hundredThousand);

    [Benchmark(Description = "PELT MBIC default (mean and variance, lazy evaluation), n = 10⁵, 9 changes")]
    public int[] PeltDefault100KFewChanges() => ChangePoints.Pelt(_hundredThousandFewChanges);

    [Benchmark(Description = "Plain PELT, MBIC default objective (K = −ln n), n = 10⁵, 9 changes")]
    public int[] PeltDefaultPlain100KFewChanges() => PlainMbicPelt(_hundredThousandFewChanges);

    [Benchmark(Description = "PELT MBIC default (mean and variance, lazy evaluation), n = 10⁵, no change")]
    public int[] PeltDefault100KNoChange() => ChangePoints.Pelt(_hundredThousandNoChange);

    [Benchmark(Description = "PELT MBIC default (mean and variance, lazy evaluation), n = 10⁴, 9 changes")]
    public int[] PeltDefault10K() => ChangePoints.Pelt(_tenThousand);

    [Benchmark(Description = "PELT MBIC, mean and variance, dual and slab pruning alone, n = 10⁴, 9 changes")]
    public int[] PeltPruned10K() => PrunedMbicPelt(_tenThousand);

    [Benchmark(Description = "PELT MBIC, mean and variance, dual and slab pruning alone, n = 10⁵, 9 changes")]
    public int[] PeltPruned100KFewChanges() => PrunedMbicPelt(_hundredThousandFewChanges);

    [Benchmark(Description = "PELT MBIC, mean and variance, dual and slab pruning alone, n = 10⁵, no change")]
    public int[] PeltPruned100KNoChange() => PrunedMbicPelt(_hundredThousandNoChange);

    [Benchmark(Description = "PELT MBIC default (mean and variance: lazy evaluation, then the fallback), n = 10⁵, drift")]
    public int[] PeltDefault100KDrift() => ChangePoints.Pelt(_hundredThousandDrift);

    [Benchmark(Description = "PELT MBIC, mean and variance, dual and slab pruning alone, n = 10⁵, drift")]
    public int[] PeltPruned100KDrift() => PrunedMbicPelt(_hundredThousandDrift);

    [Benchmark(Description = "PELT MBIC, mean cost (dual and interval pruning), n = 10⁴, 9 changes")]
    public int[] PeltMeanMbic10K() => ChangePoints.Pelt(_tenThousand, ChangePointCost.Mean);

    [Benchmark(Description = "PELT MBIC, mean cost (dual and interval pruning), n = 10⁵, 9 changes")]
    public int[] PeltMeanMbic100KFewChanges() => ChangePoints.Pelt(_hundredThousandFewChanges, ChangePointCost.Mean);

    [Benchmark(Description = "Plain PELT, MBIC mean objective (K = −ln n), n = 10⁵, 9 changes")]
    public int[] PeltMeanMbicPlain100KFewChanges() => PlainMbicPelt(_hundredThousandFewChanges, ChangePointCost.Mean);

    [Benchmark(Description = "Binary segmentation, n = 10⁵, 99 changes")]
    public int[] BinarySegmentation100K() => ChangePoints.BinarySegmentation(_hundredThousand, ChangePointCost.Mean, _penalty);

    private static int[] PrunedMbicPelt(double[] y)
    {
        var n = y.Length;
        var costs = new ChangePointSegmentCost(y, ChangePointCost.MeanVariance, 1.0, addLogLength: true);
        return ChangePointSearch.Pelt(costs, n, 4 * Math.Log(n), 2, ChangePointSearch.PeltStrategy.Pruned);
    }

    private static int[] PlainMbicPelt(double[] y, ChangePointCost cost = ChangePointCost.MeanVariance)
    {
        var n = y.Length;
        var costs = new ChangePointSegmentCost(y, cost, cost == ChangePointCost.Mean ? ChangePointSegmentCost.NoiseVariance(y) : 1.0, addLogLength: true);
        return ChangePointSearch.PeltScalar(costs, n, (cost == ChangePointCost.Mean ? 3 : 4) * Math.Log(n), 2, -Math.Log(n));
    }

    private static int[] OptimalPartitioning(double[] y, double penalty)
    {
        // The same inlined prefix-sum kernel PELT uses, so the ratio measures the pruning alone.
        var n = y.Length;
        var centre = y.Average();
        var sum = new double[n + 1];
        var sumSquares = new double[n + 1];
        for (var i = 0; i < n; i++)
        {
            var d = y[i] - centre;
            sum[i + 1] = sum[i] + d;
            sumSquares[i + 1] = sumSquares[i] + (d * d);
        }

        var cost = new SumOfSquaresKernel(sum, sumSquares, 1.0);
        var f = new double[n + 1];
        var last = new int[n + 1];
        f[0] = -penalty;
        for (var t = 2; t <= n; t++)
        {
            var best = double.PositiveInfinity;
            for (var s = 0; s <= t - 2; s++)
            {
                if (s == 1)
                {
                    continue;
                }

                var v = f[s] + cost.Cost(s, t);
                if (v < best)
                {
                    best = v;
                    last[t] = s;
                }
            }

            f[t] = best + penalty;
        }

        var starts = new List<int>();
        for (var t = last[n]; t > 0; t = last[t])
        {
            starts.Add(t);
        }

        starts.Reverse();
        return [.. starts];
    }

    private static double[] Series(int n, int segmentLength, int seed)
    {
        var random = new Random(seed);
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            y[i] = (i / segmentLength % 2 * 2.0) + (Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
        }

        return y;
    }
}
