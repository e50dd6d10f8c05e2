using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>Autocorrelation of 10^5 points: the plain O(n·maxLag) double loop is the baseline of the vectorised
/// direct sums, the FFT route and the public function (which picks one of the two).</summary>
[MemoryDiagnoser]
public class SeasonalityAutocorrelationBenchmarks
{
    private double[] _y = [];

    [Params(50, 2000)]
    public int MaxLag { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _y = new double[100_000];
        for (var t = 0; t < _y.Length; t++)
        {
            _y[t] = Math.Sin(2 * Math.PI * t / 24) + random.NextDouble();
        }
    }

    [Benchmark(Baseline = true)]
    public double[] NaiveLoop()
    {
        var n = _y.Length;
        var mean = 0.0;
        for (var i = 0; i < n; i++)
        {
            mean += _y[i];
        }

        mean /= n;
        var c0 = 0.0;
        for (var i = 0; i < n; i++)
        {
            c0 += (_y[i] - mean) * (_y[i] - mean);
        }

        var result = new double[MaxLag + 1];
        for (var k = 0; k <= MaxLag; k++)
        {
            var s = 0.0;
            for (var t = 0; t + k < n; t++)
            {
                s += (_y[t] - mean) * (_y[t + k] - mean);
            }

            result[k] = s / c0;
        }

        return result;
    }

    [Benchmark]
    public double[] VectorisedDirect() => Seasonality.AutocorrelationDirect(_y, MaxLag);

    [Benchmark]
    public double[] Fft() => Seasonality.AutocorrelationFft(_y, MaxLag);

    [Benchmark]
    public double[] Autocorrelation() => Seasonality.Autocorrelation(_y, MaxLag);
}
