using BenchmarkDotNet.Attributes;
using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Experiments;

/// <summary>
/// Effect estimates on per-arm sufficient statistics. Baseline: the same Welch relative test written directly with
/// MathNet's StudentT.CDF / InvCDF.
/// </summary>
[MemoryDiagnoser]
public class FrequentistBenchmarks
{
    private readonly SampleStatistics _control = new(3407, 1396.87, 52377.9767);
    private readonly SampleStatistics _treatment = new(3461, 2422.7, 134698.29);
    private readonly ProportionStatistics _controlRate = new(50_000, 2_500);
    private readonly ProportionStatistics _treatmentRate = new(50_000, 2_620);
    private readonly CupedStatistics _controlCuped = new(3001, 300, 600, 210, 415, -20);
    private readonly CupedStatistics _treatmentCuped = new(3000, 222, 555, 120, 405, -10);

    [Benchmark(Baseline = true)]
    public double MathNetWelchRelative()
    {
        double na = _control.Count, nb = _treatment.Count;
        var ma = _control.Sum / na;
        var mb = _treatment.Sum / nb;
        var va = (_control.SumOfSquares - (_control.Sum * ma)) / (na - 1);
        var vb = (_treatment.SumOfSquares - (_treatment.Sum * mb)) / (nb - 1);
        var df = Math.Pow((va / na) + (vb / nb), 2) / ((va * va / (na * na * (na - 1))) + (vb * vb / (nb * nb * (nb - 1))));
        var lift = (mb - ma) / Math.Abs(ma);
        var se = Math.Sqrt((vb / (ma * ma * nb)) + (va * mb * mb / (ma * ma * ma * ma * na)));
        var p = 2 * (1 - StudentT.CDF(0, 1, df, Math.Abs(lift / se)));
        var width = StudentT.InvCDF(0, 1, df, 0.975) * se;
        return p + lift - width;
    }

    [Benchmark]
    public EffectEstimate WelchRelative() => PerformanceAnalytics.Statistics.Experiments.Frequentist(_control, _treatment);

    [Benchmark]
    public EffectEstimate WelchAbsolute() => PerformanceAnalytics.Statistics.Experiments.Frequentist(_control, _treatment, EffectScale.Absolute);

    [Benchmark]
    public EffectEstimate Proportions() => PerformanceAnalytics.Statistics.Experiments.Frequentist(_controlRate, _treatmentRate);

    [Benchmark]
    public EffectEstimate SequentialRelative() => PerformanceAnalytics.Statistics.Experiments.Frequentist(_control, _treatment, sequentialTuning: 5000);

    [Benchmark]
    public EffectEstimate Cuped() => PerformanceAnalytics.Statistics.Experiments.Frequentist(_controlCuped, _treatmentCuped);

    [Benchmark]
    public BayesianEffect Bayesian() => PerformanceAnalytics.Statistics.Experiments.Bayesian(_controlRate, _treatmentRate);
}
