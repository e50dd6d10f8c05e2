namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Resolved, validated STL settings (window lengths odd, degrees 0/1, jumps ≥ 1).</summary>
internal readonly record struct StlSettings(
    int Period, int Seasonal, int Trend, int LowPass,
    int SeasonalDegree, int TrendDegree, int LowPassDegree,
    int SeasonalJump, int TrendJump, int LowPassJump,
    int InnerIterations, int OuterIterations);

/// <summary>
/// The STL inner and outer loops (Cleveland, Cleveland, McRae &amp; Terpenning 1990, §2–3), arranged as in the
/// authors' netlib Fortran routine that statsmodels and R both wrap, so that the output agrees with them.
/// </summary>
/// <remarks>
/// Inner loop: (1) detrend; (2) smooth each cycle-subseries with LOESS and extend it one period at each end;
/// (3) low-pass filter the result (moving averages of length p, p, 3, then LOESS); (4) seasonal = (2) − (3);
/// (5) deseasonalise; (6) smooth with LOESS into the trend. Outer loop: robustness weights
/// B(|r| / (6·median|r|)) with the bisquare B(u) = (1 − u²)², where the median of an even count is the mean
/// of the two middle values.
/// </remarks>
internal sealed class StlDecomposer
{
    private readonly double[] _y;
    private readonly StlSettings _s;
    private readonly int _n;
    private readonly double[] _trend;
    private readonly double[] _season;
    private readonly double[] _weights;
    private readonly double[] _work;        // n: detrended / deseasonalised series, then residual magnitudes
    private readonly double[] _cycle;       // n + 2p: extended cycle-subseries smooth
    private readonly double[] _average;     // n + 2p: moving-average buffer
    private readonly double[] _average2;    // n + 2p: moving-average buffer
    private readonly double[] _lowPass;     // n
    private readonly LoessWorkspace _seasonalLoess; // sized for one cycle-subseries
    private readonly LoessWorkspace _lowPassLoess;  // never robust: scratch only
    private readonly LoessWorkspace _trendLoess;  // keeps the trend smoother's weight sums between inner passes
    private bool _trendWeightSumsCurrent;
    private readonly double[] _sub;         // subseries values
    private readonly double[] _subWeights;  // subseries robustness weights
    private readonly double[] _subSmooth;   // subseries smooth, extended by one point at each end
    private readonly LoessKernel? _seasonalKernel;
    private readonly LoessKernel? _trendKernel;
    private readonly LoessKernel? _lowPassKernel;

    public StlDecomposer(ReadOnlySpan<double> y, StlSettings settings)
    {
        _y = y.ToArray();
        _s = settings;
        _n = y.Length;
        var p = settings.Period;
        var maxSub = ((_n - 1) / p) + 1;
        _trend = new double[_n];
        _season = new double[_n];
        _weights = new double[_n];
        _work = new double[_n];
        _cycle = new double[_n + (2 * p)];
        _average = new double[_n + (2 * p)];
        _average2 = new double[_n + (2 * p)];
        _lowPass = new double[_n];
        _seasonalLoess = new LoessWorkspace(maxSub + 2);
        _lowPassLoess = new LoessWorkspace(_n);
        _trendLoess = new LoessWorkspace(_n);
        _sub = new double[maxSub];
        _subWeights = new double[maxSub];
        _subSmooth = new double[maxSub + 2];
        var minSub = _n / p;
        _seasonalKernel = settings.Seasonal <= minSub ? new LoessKernel(settings.Seasonal) : null;
        _trendKernel = settings.Trend <= _n ? new LoessKernel(settings.Trend) : null;
        _lowPassKernel = settings.LowPass <= _n ? new LoessKernel(settings.LowPass) : null;
    }

    public double[] Trend => _trend;

    public double[] Season => _season;

    public double[] Weights => _weights;

    public void Fit()
    {
        Array.Fill(_weights, 1.0);
        var useWeights = false;
        for (var outer = 0; ; outer++)
        {
            for (var inner = 0; inner < _s.InnerIterations; inner++)
            {
                InnerStep(useWeights);
            }

            if (outer >= _s.OuterIterations)
            {
                break;
            }

            UpdateRobustnessWeights();
            useWeights = true;
        }
    }

    private void InnerStep(bool useWeights)
    {
        var n = _n;
        var p = _s.Period;
        for (var i = 0; i < n; i++)
        {
            _work[i] = _y[i] - _trend[i];
        }

        SmoothCycleSubseries(useWeights);

        // Low-pass filter of the extended cycle smooth: MA(p), MA(p), MA(3) bring n + 2p points back to n.
        MovingAverage(_cycle.AsSpan(0, n + (2 * p)), p, _average);
        MovingAverage(_average.AsSpan(0, n + p + 1), p, _average2);
        MovingAverage(_average2.AsSpan(0, n + 2), 3, _average);
        LoessSmoother.Smooth(
            _average.AsSpan(0, n), _s.LowPass, _s.LowPassDegree, _s.LowPassJump, ReadOnlySpan<double>.Empty,
            _lowPass, _lowPassKernel, _lowPassLoess);

        for (var i = 0; i < n; i++)
        {
            _season[i] = _cycle[p + i] - _lowPass[i];
            _work[i] = _y[i] - _season[i];
        }

        LoessSmoother.Smooth(
            _work, _s.Trend, _s.TrendDegree, _s.TrendJump, useWeights ? _weights : ReadOnlySpan<double>.Empty,
            _trend, _trendKernel, _trendLoess, useWeights && _trendWeightSumsCurrent);
        _trendWeightSumsCurrent = useWeights;
    }

    private void SmoothCycleSubseries(bool useWeights)
    {
        var n = _n;
        var p = _s.Period;
        var ns = _s.Seasonal;
        for (var j = 0; j < p; j++)
        {
            var k = ((n - j - 1) / p) + 1;
            var sub = _sub.AsSpan(0, k);
            var subWeights = useWeights ? _subWeights.AsSpan(0, k) : Span<double>.Empty;
            for (var i = 0; i < k; i++)
            {
                sub[i] = _work[(i * p) + j];
            }

            if (useWeights)
            {
                for (var i = 0; i < k; i++)
                {
                    subWeights[i] = _weights[(i * p) + j];
                }
            }

            var kernel = _seasonalKernel is not null && ns <= k ? _seasonalKernel : null;
            var smooth = _subSmooth.AsSpan(0, k + 2);
            LoessSmoother.Smooth(
                sub, ns, _s.SeasonalDegree, _s.SeasonalJump, subWeights, smooth[1..], kernel, _seasonalLoess);

            // Extend one cycle before the start and one after the end.
            var before = LoessSmoother.Estimate(sub, ns, _s.SeasonalDegree, -1, 0, Math.Min(ns, k) - 1, subWeights, _seasonalLoess.Scratch);
            smooth[0] = double.IsNaN(before) ? smooth[1] : before;
            var after = LoessSmoother.Estimate(sub, ns, _s.SeasonalDegree, k, Math.Max(0, k - ns), k - 1, subWeights, _seasonalLoess.Scratch);
            smooth[k + 1] = double.IsNaN(after) ? smooth[k] : after;
            for (var m = 0; m < k + 2; m++)
            {
                _cycle[(m * p) + j] = smooth[m];
            }
        }
    }

    /// <summary>Running mean of <paramref name="length"/> points: output[i] = mean(x[i .. i + length − 1]).</summary>
    private static void MovingAverage(ReadOnlySpan<double> x, int length, Span<double> output)
    {
        var count = x.Length - length + 1;
        var sum = 0.0;
        for (var i = 0; i < length; i++)
        {
            sum += x[i];
        }

        output[0] = sum / length;
        for (var i = 1; i < count; i++)
        {
            sum += x[i + length - 1] - x[i - 1];
            output[i] = sum / length;
        }
    }

    private void UpdateRobustnessWeights()
    {
        _trendWeightSumsCurrent = false;
        var n = _n;
        for (var i = 0; i < n; i++)
        {
            _work[i] = Math.Abs(_y[i] - (_trend[i] + _season[i]));
        }

        var lowMiddle = n / 2;
        var highMiddle = n - lowMiddle - 1;
        var a = Selection.NthSmallestInPlace(_work, lowMiddle);
        var b = Selection.NthSmallestInPlace(_work, highMiddle);
        var h = 3.0 * (a + b); // 6 × median |residual|
        if (h == 0)
        {
            Array.Fill(_weights, 1.0);
            return;
        }

        var upper = 0.999 * h;
        var lower = 0.001 * h;
        for (var i = 0; i < n; i++)
        {
            var r = Math.Abs(_y[i] - (_trend[i] + _season[i]));
            if (r <= lower)
            {
                _weights[i] = 1.0;
            }
            else if (r <= upper)
            {
                var u = r / h;
                var t = 1.0 - (u * u);
                _weights[i] = t * t;
            }
            else
            {
                _weights[i] = 0.0;
            }
        }
    }
}
