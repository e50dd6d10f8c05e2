using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Benchmarks.TimeSeries;

/// <summary>One LOESS pass (window 47, degree 1, as STL's trend smoother for period 24) over 10^5 points:
/// the naive evaluation (tricube weights recomputed for every window, as the reference Fortran does) is the
/// baseline of the kernel-based sliding correlation used by STL.</summary>
[MemoryDiagnoser]
public class SeasonalityLoessBenchmarks
{
    private const int Window = 47;
    private double[] _y = [];
    private double[] _weights = [];
    private double[] _output = [];
    private LoessKernel _kernel = null!;
    private LoessWorkspace _workspace = null!;

    [Params(false, true)]
    public bool Robust { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(42);
        _y = new double[100_000];
        _weights = new double[_y.Length];
        for (var t = 0; t < _y.Length; t++)
        {
            _y[t] = Math.Sin(t / 30.0) + random.NextDouble();
            _weights[t] = random.NextDouble();
        }

        _output = new double[_y.Length];
        _kernel = new LoessKernel(Window);
        _workspace = new LoessWorkspace(_y.Length);
    }

    [Benchmark(Baseline = true)]
    public double NaivePerPoint()
    {
        var n = _y.Length;
        var robustness = Robust ? _weights : ReadOnlySpan<double>.Empty;
        var half = Window / 2;
        for (var i = 0; i < n; i++)
        {
            var left = Math.Clamp(i - half, 0, n - Window);
            _output[i] = LoessSmoother.Estimate(_y, Window, 1, i, left, left + Window - 1, robustness, _workspace.Scratch);
        }

        return _output[n / 2];
    }

    [Benchmark]
    public double KernelSlidingCorrelation()
    {
        var robustness = Robust ? _weights : ReadOnlySpan<double>.Empty;
        LoessSmoother.Smooth(_y, Window, 1, 1, robustness, _output, _kernel, _workspace);
        return _output[_y.Length / 2];
    }
}
