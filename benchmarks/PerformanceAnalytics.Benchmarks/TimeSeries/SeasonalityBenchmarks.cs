using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>STL on 10^5 points: the robust fit (16 outer × 2 inner passes, weighted LOESS) against the default
/// non-robust fit (5 inner passes) as baseline.</summary>
[MemoryDiagnoser]
public class SeasonalityBenchmarks
{
    private double[] _y = [];

    [Params(7, 24)]
    public int Period { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _y = new double[100_000];
        for (var t = 0; t < _y.Length; t++)
        {
            _y[t] = (0.001 * t) + (3 * Math.Sin(2 * Math.PI * t / Period)) + random.NextDouble()
                    + (random.NextDouble() < 0.01 ? 20 : 0);
        }
    }

    [Benchmark(Baseline = true)]
    public StlResult StlDefault() => Seasonality.Stl(_y, Period);

    [Benchmark]
    public StlResult StlRobust() => Seasonality.Stl(_y, Period, new StlOptions { Robust = true });
}
