using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>OLS with 20 predictors and 10⁵ rows against MathNet.Numerics' QR regression (baseline; coefficients only).</summary>
[MemoryDiagnoser]
public class RegressionBenchmarks
{
    private const int Rows = 100_000;
    private const int Columns = 20;
    private double[][] _predictors = [];
    private double[][] _rows = [];
    private double[] _y = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(3);
        _predictors = Enumerable.Range(0, Columns).Select(_ => Enumerable.Range(0, Rows).Select(_ => random.NextDouble()).ToArray()).ToArray();
        _y = Enumerable.Range(0, Rows).Select(i => _predictors.Sum(c => c[i]) + random.NextDouble()).ToArray();
        _rows = Enumerable.Range(0, Rows).Select(i => _predictors.Select(c => c[i]).ToArray()).ToArray();
    }

    [Benchmark(Baseline = true)]
    public double MathNetQr() => MathNet.Numerics.LinearRegression.MultipleRegression.QR(_rows, _y, intercept: true)[1];

    [Benchmark]
    public double OrdinaryLeastSquares() => Regression.OrdinaryLeastSquares(_predictors, _y).Coefficients[1];
}
