using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>
/// Forecasting on a two-year daily series (730 points, weekly period 7, horizon 28): the automatic ETS
/// combination (15 maximum-likelihood fits) against single-model fits and the seasonal naive forecast.
/// The baseline is the single ETS(A,N,N) fit, the cheapest maximum-likelihood model.
/// </summary>
[MemoryDiagnoser]
public class ForecastingBenchmarks
{
    private double[] _y = [];

    [GlobalSetup]
    public void Setup()
    {
        // Page-view-like positive series on the log scale: level drift, weekly pattern, noise (fixed seed).
        var random = new Random(20240607);
        _y = new double[730];
        var level = 7.0;
        for (var i = 0; i < _y.Length; i++)
        {
            level += 0.002 + (0.03 * (random.NextDouble() - 0.5));
            _y[i] = level + (0.3 * Math.Sin(2 * Math.PI * i / 7.0)) + (0.1 * (random.NextDouble() - 0.5));
        }
    }

    [Benchmark(Baseline = true)]
    public ForecastResult EtsAnn() => Forecasting.Ets(_y, 7, 28, EtsModel.Parse("ANN"));

    [Benchmark]
    public ForecastResult SeasonalNaive() => Forecasting.SeasonalNaive(_y, 7, 28);

    [Benchmark]
    public ForecastResult EtsMam() => Forecasting.Ets(_y, 7, 28, EtsModel.Parse("MAM"));

    [Benchmark]
    public ForecastResult Theta() => Forecasting.Theta(_y, 7, 28);

    /// <summary>Auto with every candidate fitted on the calling thread.</summary>
    [Benchmark]
    public ForecastResult AutoSingleThread() => Forecasting.AutoCore(_y, 7, 28, 0.95, EtsAutoRule.AkaikeWeights, parallel: false);

    /// <summary>The public Auto (candidates fitted concurrently when several processors are available).</summary>
    [Benchmark]
    public ForecastResult Auto() => Forecasting.Auto(_y, 7, 28);
}
