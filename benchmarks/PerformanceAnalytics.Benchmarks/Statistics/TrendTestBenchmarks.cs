using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Mann–Kendall over 10⁶ points against one Array.Sort of a copy (baseline).</summary>
[MemoryDiagnoser]
public class TrendTestBenchmarks
{
    private double[] _y = [];
    private double[] _copy = [];

    [GlobalSetup]
    public void Setup()
    {
        _y = BenchmarkData.Series(1_000_000, 4);
        _copy = new double[_y.Length];
    }

    [Benchmark(Baseline = true)]
    public double ArraySort()
    {
        _y.CopyTo(_copy, 0);
        Array.Sort(_copy);
        return _copy[0];
    }

    [Benchmark]
    public double MannKendall() => TrendTests.MannKendall(_y).Z;
}
