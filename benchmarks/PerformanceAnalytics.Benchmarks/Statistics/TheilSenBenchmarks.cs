using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Theil–Sen slope and interval over 10⁵ points (5·10⁹ pairwise slopes) against one Array.Sort of a copy (baseline).</summary>
[MemoryDiagnoser]
public class TheilSenBenchmarks
{
    private double[] _y = [];
    private double[] _copy = [];

    [GlobalSetup]
    public void Setup()
    {
        _y = BenchmarkData.Series(100_000, 5);
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
    public double TheilSen() => TrendTests.TheilSen(_y).Slope;
}
