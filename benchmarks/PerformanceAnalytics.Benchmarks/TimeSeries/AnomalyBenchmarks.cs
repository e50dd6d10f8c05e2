using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>
/// The anomaly detectors on 10⁴ points (hourly data with a daily cycle and 1 % injected spikes), against the
/// single-pass z-score rule as the baseline. The generalized ESD costs O(n·r) for r steps.
/// </summary>
[MemoryDiagnoser]
public class AnomalyBenchmarks
{
    private double[] _series = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(17);
        _series = new double[10_000];
        for (var t = 0; t < _series.Length; t++)
        {
            var u1 = 1.0 - random.NextDouble();
            var u2 = random.NextDouble();
            _series[t] = 100 + (20 * Math.Sin(2 * Math.PI * t / 24)) + (2 * Math.Sqrt(-2.0 * Math.Log(u1)) * Math.Cos(2.0 * Math.PI * u2));
            if (random.NextDouble() < 0.01)
            {
                _series[t] += 30;
            }
        }
    }

    [Benchmark(Baseline = true, Description = "Z-score, n = 10⁴")]
    public AnomalyResult ZScore() => Anomalies.ZScore(_series);

    [Benchmark(Description = "Modified z-score, n = 10⁴")]
    public AnomalyResult ModifiedZScore() => Anomalies.ModifiedZScore(_series);

    [Benchmark(Description = "Generalized ESD, n = 10⁴, r = 10")]
    public AnomalyResult GeneralizedEsd10() => Anomalies.GeneralizedEsd(_series, 10);

    [Benchmark(Description = "Generalized ESD, n = 10⁴, r = 200")]
    public AnomalyResult GeneralizedEsd200() => Anomalies.GeneralizedEsd(_series, 200);

    [Benchmark(Description = "Seasonal hybrid ESD, n = 10⁴, period 24, 10 %")]
    public AnomalyResult SeasonalHybridEsd() => Anomalies.SeasonalHybridEsd(_series, 24);
}
