using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Pearson's r over 10⁶ pairs against MathNet.Numerics' implementation (baseline).</summary>
[MemoryDiagnoser]
public class CorrelationBenchmarks
{
    private double[] _x = [];
    private double[] _y = [];

    [GlobalSetup]
    public void Setup() => (_x, _y) = BenchmarkData.Pairs(1_000_000, 1);

    [Benchmark(Baseline = true)]
    public double MathNetPearson() => MathNet.Numerics.Statistics.Correlation.Pearson(_x, _y);

    [Benchmark]
    public double Pearson() => Correlation.Pearson(_x, _y).Coefficient;
}
