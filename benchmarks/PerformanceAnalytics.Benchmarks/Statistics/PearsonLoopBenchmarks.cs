using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Pearson's r over 10⁶ pairs against a plain single-pass loop over Σx, Σy, Σx², Σy², Σxy (baseline; no checks, poor accuracy).</summary>
[MemoryDiagnoser]
public class PearsonLoopBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Pairs(1_000_000, 1);

    [Benchmark(Baseline = true)]
    public double PlainLoop()
    {
        double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
        var x = _x;
        var y = _y;
        for (var i = 0; i < x.Length; i++)
        {
            sx += x[i];
            sy += y[i];
            sxx += x[i] * x[i];
            syy += y[i] * y[i];
            sxy += x[i] * y[i];
        }

        double n = x.Length;
        return ((n * sxy) - (sx * sy)) / Math.Sqrt(((n * sxx) - (sx * sx)) * ((n * syy) - (sy * sy)));
    }

    [Benchmark]
    public double Pearson() => Correlation.Pearson(_x, _y).Coefficient;
}
