using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Spearman and Kendall tau-b over 10⁶ pairs against one Array.Sort of a copy of x (baseline).</summary>
[MemoryDiagnoser]
public class RankCorrelationBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];
    private double[] _copy = [];

    [GlobalSetup]
    public void Setup()
    {
        (_x, _y) = BenchmarkData.Pairs(1_000_000, 2);
        _copy = new double[_x.Length];
    }

    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _x.CopyTo(_copy, 0);
        Array.Sort(_copy);
        return _copy[0];
    }

    [Benchmark]
    public double Spearman() => Correlation.Spearman(_x, _y).Coefficient;

    [Benchmark]
    public double KendallTauB() => Correlation.KendallTauB(_x, _y).Coefficient;
}
