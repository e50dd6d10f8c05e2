using BenchmarkDotNet.Attributes;
using MathNet.Numerics;
using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Experiments;

/// <summary>
/// Exact P(p_B &gt; p_A) for large counts: the full Evan Miller sum (one log-beta triple per term, O(successes)) as the
/// baseline, the library's mode-outward sum with a rigorous stopping bound (O(√n) terms, O(1) per term), and the
/// normal approximation for scale.
/// </summary>
[MemoryDiagnoser]
public class ProbabilityToBeatControlBenchmarks
{
    private ProportionStatistics _control;
    private ProportionStatistics _treatment;

    [Params(100_000, 1_000_000)]
    public int Trials { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _control = new ProportionStatistics(Trials, Trials / 20);            // 5.0 % conversion
        _treatment = new ProportionStatistics(Trials, Trials / 20 * 102 / 100); // 5.1 %
    }

    [Benchmark(Baseline = true)]
    public double NaiveFullSum()
    {
        // Σ_{i<c} exp(ln B(a+i, b+d) − ln(d+i) − ln B(1+i, d) − ln B(a, b)), every term from log-gamma.
        double a = 1 + _control.Successes, b = 1 + _control.Count - _control.Successes;
        double c = 1 + _treatment.Successes, d = 1 + _treatment.Count - _treatment.Successes;
        var logBetaAB = SpecialFunctions.BetaLn(a, b);
        double sum = 0;
        for (var i = 0; i < c; i++)
        {
            sum += Math.Exp(SpecialFunctions.BetaLn(a + i, b + d) - Math.Log(d + i) - SpecialFunctions.BetaLn(1 + i, d) - logBetaAB);
        }

        return sum;
    }

    [Benchmark]
    public double Exact() => PerformanceAnalytics.Statistics.Experiments.ProbabilityToBeatControl(_control, _treatment);

    [Benchmark]
    public double NormalApproximation()
    {
        double a = 1 + _control.Successes, b = 1 + _control.Count - _control.Successes;
        double c = 1 + _treatment.Successes, d = 1 + _treatment.Count - _treatment.Successes;
        var meanA = a / (a + b);
        var meanB = c / (c + d);
        var variance = (a * b / ((a + b) * (a + b) * (a + b + 1))) + (c * d / ((c + d) * (c + d) * (c + d + 1)));
        return Normal.CDF(0, 1, (meanB - meanA) / Math.Sqrt(variance));
    }
}
