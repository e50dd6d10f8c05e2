namespace PerformanceAnalytics.Benchmarks.Statistics;

/// <summary>Seeded benchmark inputs.</summary>
internal static class BenchmarkData
{
    /// <summary>n correlated pairs: x standard normal, y = 0.3 x + standard normal.</summary>
    public static (double[] X, double[] Y) Pairs(int n, int seed)
    {
        var random = new Random(seed);
        var x = new double[n];
        var y = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = Normal(random);
            y[i] = (0.3 * x[i]) + Normal(random);
        }

        return (x, y);
    }

    /// <summary>A series with a weak trend: y_t = 0.001 t + standard normal.</summary>
    public static double[] Series(int n, int seed)
    {
        var random = new Random(seed);
        var y = new double[n];
        for (var t = 0; t < n; t++)
        {
            y[t] = (0.001 * t) + Normal(random);
        }

        return y;
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2.0 * Math.Log(1.0 - random.NextDouble())) * Math.Cos(2.0 * Math.PI * random.NextDouble());
}
