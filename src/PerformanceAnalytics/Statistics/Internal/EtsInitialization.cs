namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Starting values of the ETS initial states, as R's <c>forecast:::initstate</c> (8.20) computes them:
/// a classical decomposition (or, for fewer than three seasons, a linear trend plus one Fourier pair) for the
/// seasonal states, then the mean or a least-squares line over the first max(10, 2m) seasonally adjusted values.
/// </summary>
internal static class EtsInitialization
{
    /// <summary>Returns (ℓ₀, b₀?, s₀ … s₋ₘ₊₂): the m − 1 free seasonal states (the last is implied by normalisation).</summary>
    public static double[] InitialStates(ReadOnlySpan<double> y, EtsModel model, int m)
    {
        var n = y.Length;
        var adjusted = new double[n];
        double[]? freeSeasonal = null;
        if (model.Seasonal != EtsSeasonal.None)
        {
            var multiplicative = model.Seasonal == EtsSeasonal.Multiplicative;
            var seasonal = n < 3 * m
                ? FourierSeasonal(y, m, multiplicative)
                : EtsDecomposition.SeasonalComponent(y, m, multiplicative);
            freeSeasonal = new double[m - 1];
            for (var j = 0; j < m - 1; j++)
            {
                freeSeasonal[j] = seasonal[m - 1 - j];   // rev(seasonal[2:m])
            }

            if (multiplicative)
            {
                var sum = 0.0;
                for (var j = 0; j < m - 1; j++)
                {
                    freeSeasonal[j] = Math.Max(freeSeasonal[j], 1e-2);
                    sum += freeSeasonal[j];
                }

                if (sum > m)
                {
                    var denominator = sum + ((m - 1) * 1e-2);
                    for (var j = 0; j < m - 1; j++)
                    {
                        freeSeasonal[j] /= denominator;
                    }
                }

                for (var i = 0; i < n; i++)
                {
                    adjusted[i] = y[i] / Math.Max(seasonal[i], 1e-2);
                }
            }
            else
            {
                for (var i = 0; i < n; i++)
                {
                    adjusted[i] = y[i] - seasonal[i];
                }
            }
        }
        else
        {
            m = 1;
            y.CopyTo(adjusted);
        }

        var maxn = Math.Min(Math.Max(10, 2 * m), n);
        var hasTrend = model.Trend != EtsTrend.None;
        var result = new double[(hasTrend ? 2 : 1) + (freeSeasonal?.Length ?? 0)];
        if (!hasTrend)
        {
            var sum = 0.0;
            for (var i = 0; i < maxn; i++)
            {
                sum += adjusted[i];
            }

            result[0] = sum / maxn;
        }
        else
        {
            // lsfit(1:maxn, y.sa[1:maxn]): intercept at t = 0 and slope.
            var (intercept, slope) = LineFit(adjusted.AsSpan(0, maxn), 1.0);
            var l0 = intercept;
            var b0 = slope;
            if (Math.Abs(l0 + b0) < 1e-8)
            {
                l0 *= 1 + 1e-3;
                b0 *= 1 - 1e-3;
            }

            result[0] = l0;
            result[1] = b0;
        }

        freeSeasonal?.CopyTo(result, hasTrend ? 2 : 1);
        return result;
    }

    /// <summary>Least-squares line of <paramref name="values"/> on t = start, start + 1, …: (intercept at t = 0, slope).</summary>
    public static (double Intercept, double Slope) LineFit(ReadOnlySpan<double> values, double start)
    {
        var n = values.Length;
        var tMean = start + ((n - 1) / 2.0);
        var yMean = 0.0;
        for (var i = 0; i < n; i++)
        {
            yMean += values[i];
        }

        yMean /= n;
        var sxy = 0.0;
        var sxx = 0.0;
        for (var i = 0; i < n; i++)
        {
            var dt = start + i - tMean;
            sxy += dt * (values[i] - yMean);
            sxx += dt * dt;
        }

        var slope = sxx > 0 ? sxy / sxx : 0.0;
        return (yMean - (slope * tMean), slope);
    }

    /// <summary>
    /// Seasonal component from y ~ 1 + t + sin(2πt/m) + cos(2πt/m), t = 1 … n (R: <c>tslm(y ~ trend + fourier(y, 1))</c>):
    /// y minus (or divided by) the fitted linear trend.
    /// </summary>
    private static double[] FourierSeasonal(ReadOnlySpan<double> y, int m, bool multiplicative)
    {
        var n = y.Length;

        // For m = 2 the sine column is identically zero and is dropped, as R's fourier() does.
        var k = m == 2 ? 3 : 4;
        Span<double> xtx = stackalloc double[16];
        Span<double> xty = stackalloc double[4];
        Span<double> row = stackalloc double[4];
        xtx.Clear();
        xty.Clear();
        for (var i = 0; i < n; i++)
        {
            double t = i + 1;
            row[0] = 1;
            row[1] = t;
            if (k == 4)
            {
                row[2] = Math.Sin(2 * Math.PI * t / m);
                row[3] = Math.Cos(2 * Math.PI * t / m);
            }
            else
            {
                row[2] = Math.Cos(2 * Math.PI * t / m);
            }

            for (var a = 0; a < k; a++)
            {
                xty[a] += row[a] * y[i];
                for (var c = 0; c < k; c++)
                {
                    xtx[(a * 4) + c] += row[a] * row[c];
                }
            }
        }

        // Gaussian elimination with partial pivoting on the k × k normal equations.
        for (var col = 0; col < k; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < k; r++)
            {
                if (Math.Abs(xtx[(r * 4) + col]) > Math.Abs(xtx[(pivot * 4) + col]))
                {
                    pivot = r;
                }
            }

            if (pivot != col)
            {
                for (var c = 0; c < k; c++)
                {
                    (xtx[(col * 4) + c], xtx[(pivot * 4) + c]) = (xtx[(pivot * 4) + c], xtx[(col * 4) + c]);
                }

                (xty[col], xty[pivot]) = (xty[pivot], xty[col]);
            }

            for (var r = col + 1; r < k; r++)
            {
                var factor = xtx[(r * 4) + col] / xtx[(col * 4) + col];
                for (var c = col; c < k; c++)
                {
                    xtx[(r * 4) + c] -= factor * xtx[(col * 4) + c];
                }

                xty[r] -= factor * xty[col];
            }
        }

        Span<double> beta = stackalloc double[4];
        for (var r = k - 1; r >= 0; r--)
        {
            var sum = xty[r];
            for (var c = r + 1; c < k; c++)
            {
                sum -= xtx[(r * 4) + c] * beta[c];
            }

            beta[r] = sum / xtx[(r * 4) + r];
        }

        var seasonal = new double[n];
        for (var i = 0; i < n; i++)
        {
            var trend = beta[0] + (beta[1] * (i + 1));
            seasonal[i] = multiplicative ? y[i] / trend : y[i] - trend;
        }

        return seasonal;
    }
}
