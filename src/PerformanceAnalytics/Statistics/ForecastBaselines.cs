using MathNet.Numerics.Distributions;

using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>Benchmark forecasts and the Theta method (internal implementations behind <see cref="Forecasting"/>).</summary>
internal static class ForecastBaselines
{
    /// <summary>Two-sided normal quantile for a central interval of the given level.</summary>
    public static double NormalQuantile(double level) => Normal.InvCDF(0, 1, 0.5 + (level / 2));

    /// <summary>
    /// Seasonal naive (lag m) with R <c>forecast::snaive</c>'s interval: σ² = mean of the squared lag-m
    /// differences, standard error σ √(⌊(h − 1)/m⌋ + 1). With m = 1 this is the naive (random walk) forecast.
    /// </summary>
    public static ForecastResult SeasonalNaive(ReadOnlySpan<double> y, int m, int horizon, double level, string name)
    {
        var n = y.Length;
        var lag = Math.Min(m, n);
        var sum = 0.0;
        var count = 0;
        for (var i = lag; i < n; i++)
        {
            var d = y[i] - y[i - lag];
            sum += d * d;
            count++;
        }

        var sigma = count > 0 ? Math.Sqrt(sum / count) : double.NaN;
        var z = NormalQuantile(level);
        var mean = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            mean[h] = y[n - lag + (h % lag)];
            var se = sigma * Math.Sqrt((h / lag) + 1);
            lower[h] = mean[h] - (z * se);
            upper[h] = mean[h] + (z * se);
        }

        return new ForecastResult(name, mean, lower, upper, level);
    }

    /// <summary>
    /// The Theta method as R's <c>forecast::thetaf</c> (Hyndman and Billah 2003, "Unmasking the Theta method",
    /// IJF 19): seasonality test on the lag-m autocorrelation at 90 % (one-sided), classical multiplicative
    /// decomposition when seasonal, SES (ETS(A,N,N) fitted by one-step MSE) plus half the OLS slope with the
    /// drift adjustment (1 − (1 − α)ⁿ)/α, reseasonalised; interval σ √(1 + (h − 1)α²) on the adjusted scale.
    /// Returns <see langword="null"/> when SES cannot be fitted (fewer than 7 points).
    /// </summary>
    public static ForecastResult? Theta(ReadOnlySpan<double> y, int m, int horizon, double level)
    {
        var n = y.Length;
        double[]? figure = null;
        if (m > 1 && n > 2 * m && !IsConstant(y))
        {
            // acf(x, lag.max = m): r_k = Σ (x_t − x̄)(x_{t+k} − x̄) / Σ (x_t − x̄)².
            var mean = 0.0;
            for (var i = 0; i < n; i++)
            {
                mean += y[i];
            }

            mean /= n;
            var denominator = 0.0;
            for (var i = 0; i < n; i++)
            {
                denominator += (y[i] - mean) * (y[i] - mean);
            }

            var sumSquares = 0.0;
            var rm = 0.0;
            for (var k = 1; k <= m; k++)
            {
                var s = 0.0;
                for (var i = 0; i + k < n; i++)
                {
                    s += (y[i] - mean) * (y[i + k] - mean);
                }

                var r = s / denominator;
                if (k < m)
                {
                    sumSquares += r * r;
                }
                else
                {
                    rm = r;
                }
            }

            var stat = Math.Sqrt((1 + (2 * sumSquares)) / n);
            if (Math.Abs(rm) / stat > 1.6448536269514722)
            {
                figure = EtsDecomposition.SeasonalFigure(y, m, multiplicative: true);
                foreach (var f in figure)
                {
                    if (!(Math.Abs(f) >= 1e-4) || !double.IsFinite(f))
                    {
                        figure = null;
                        break;
                    }
                }
            }
        }

        var x = new double[n];
        for (var i = 0; i < n; i++)
        {
            x[i] = figure is null ? y[i] : y[i] / figure[i % m];
        }

        var ses = EtsEstimation.Fit(x, 1, new EtsModel(EtsError.Additive, EtsTrend.None, EtsSeasonal.None), EtsCriterion.MeanSquaredError);
        if (ses is null)
        {
            return null;
        }

        var (_, slope) = EtsInitialization.LineFit(x, 0.0);
        var drift = slope / 2;
        var alpha = Math.Max(1e-10, ses.Alpha);
        var level0 = ses.FinalState[0];
        var z = NormalQuantile(level);
        var sigma = Math.Sqrt(ses.Sigma2);
        var adjust = (1 - Math.Pow(1 - alpha, n)) / alpha;
        var meanOut = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var f = level0 + (drift * (h + adjust));
            if (figure is not null)
            {
                f *= figure[(n + h) % m];
            }

            var se = sigma * Math.Sqrt(1 + (h * alpha * alpha));
            meanOut[h] = f;
            lower[h] = f - (z * se);
            upper[h] = f + (z * se);
        }

        return new ForecastResult("Theta", meanOut, lower, upper, level);
    }

    public static bool IsConstant(ReadOnlySpan<double> y)
    {
        for (var i = 1; i < y.Length; i++)
        {
            if (y[i] != y[0])
            {
                return false;
            }
        }

        return true;
    }
}
