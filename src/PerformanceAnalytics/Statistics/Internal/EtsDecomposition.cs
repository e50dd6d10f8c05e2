namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Classical decomposition by moving averages (Kendall and Stuart 1983; R's <c>stats::decompose</c>):
/// a centred 2×m (even m) or m (odd m) moving average trend, seasonal figure = mean detrended value per
/// position in the cycle (positions counted from the first observation), normalised to sum 0 (additive)
/// or average 1 (multiplicative).
/// </summary>
internal static class EtsDecomposition
{
    /// <summary>Returns the seasonal component, one value per observation; needs n ≥ 2m.</summary>
    public static double[] SeasonalComponent(ReadOnlySpan<double> y, int m, bool multiplicative)
    {
        var figure = SeasonalFigure(y, m, multiplicative);
        var seasonal = new double[y.Length];
        for (var i = 0; i < seasonal.Length; i++)
        {
            seasonal[i] = figure[i % m];
        }

        return seasonal;
    }

    /// <summary>Returns the m seasonal indices (position 0 = the first observation's position).</summary>
    public static double[] SeasonalFigure(ReadOnlySpan<double> y, int m, bool multiplicative)
    {
        var n = y.Length;
        var half = m / 2;
        var even = m % 2 == 0;
        var sums = new double[m];
        var counts = new int[m];
        for (var i = half; i < n - half; i++)
        {
            double trend;
            if (even)
            {
                var s = 0.5 * (y[i - half] + y[i + half]);
                for (var j = i - half + 1; j < i + half; j++)
                {
                    s += y[j];
                }

                trend = s / m;
            }
            else
            {
                var s = 0.0;
                for (var j = i - half; j <= i + half; j++)
                {
                    s += y[j];
                }

                trend = s / m;
            }

            sums[i % m] += multiplicative ? y[i] / trend : y[i] - trend;
            counts[i % m]++;
        }

        var figure = new double[m];
        var mean = 0.0;
        for (var k = 0; k < m; k++)
        {
            figure[k] = sums[k] / counts[k];
            mean += figure[k];
        }

        mean /= m;
        for (var k = 0; k < m; k++)
        {
            figure[k] = multiplicative ? figure[k] / mean : figure[k] - mean;
        }

        return figure;
    }
}
