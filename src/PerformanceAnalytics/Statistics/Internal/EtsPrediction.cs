namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Forecast means and variances of fitted ETS models (Hyndman, Koehler, Ord and Snyder 2005, "Prediction
/// intervals for exponential smoothing using two new classes of state space models", J. Forecasting 24;
/// Hyndman et al. 2008, ch. 6): class 1 (linear, additive errors), class 2 (multiplicative errors, linear
/// point forecasts) and class 3 (multiplicative errors and seasonality). Every model the library fits
/// (no multiplicative trend, no additive error with multiplicative season) belongs to one of these classes,
/// so intervals are always analytic, never simulated.
/// </summary>
internal static class EtsPrediction
{
    /// <summary>Fills the forecast means and variances for steps 1 … h.</summary>
    public static void MeanAndVariance(EtsEstimate fit, Span<double> mean, Span<double> variance)
    {
        var model = fit.Model;
        if (model.Seasonal == EtsSeasonal.Multiplicative)
        {
            Class3(fit, mean, variance);
            return;
        }

        Span<double> c = stackalloc double[mean.Length];
        Class1(fit, mean, variance, c);
        if (model.Error == EtsError.Multiplicative)
        {
            // Class 2: θ₁ = μ₁², θⱼ = μⱼ² + σ² Σ_{i<j} cᵢ² θ_{j−i}; Var = (1 + σ²) θⱼ − μⱼ².
            var h = mean.Length;
            var sigma2 = fit.Sigma2;
            Span<double> theta = stackalloc double[h];
            for (var j = 0; j < h; j++)
            {
                var sum = 0.0;
                for (var i = 0; i < j; i++)
                {
                    sum += c[i] * c[i] * theta[j - 1 - i];
                }

                theta[j] = (mean[j] * mean[j]) + (sigma2 * sum);
                variance[j] = ((1 + sigma2) * theta[j]) - (mean[j] * mean[j]);
            }
        }
    }

    /// <summary>Class 1: μⱼ = w Fʲ⁻¹ x, cⱼ = w Fʲ⁻¹ g, Var = σ² (1 + Σ_{i&lt;j} cᵢ²).</summary>
    private static void Class1(EtsEstimate fit, Span<double> mean, Span<double> variance, Span<double> c)
    {
        var model = fit.Model;
        var x = fit.FinalState;
        var p = x.Length;
        var m = fit.Period;
        var hasTrend = model.Trend != EtsTrend.None;
        var seasonal = model.Seasonal != EtsSeasonal.None;
        var phi = hasTrend ? fit.Phi : 1.0;

        // Row vector w Fʲ, propagated by the structure of F (level, damped trend, seasonal rotation).
        Span<double> w = stackalloc double[p];
        Span<double> next = stackalloc double[p];
        w.Clear();
        w[0] = 1;
        if (hasTrend)
        {
            w[1] = phi;
        }

        if (seasonal)
        {
            w[p - 1] = 1;
        }

        Span<double> g = stackalloc double[p];
        g.Clear();
        g[0] = fit.Alpha;
        if (hasTrend)
        {
            g[1] = fit.Beta;
        }

        if (seasonal)
        {
            g[hasTrend ? 2 : 1] = fit.Gamma;
        }

        var cumulative = 0.0;
        for (var j = 0; j < mean.Length; j++)
        {
            var mu = 0.0;
            var cj = 0.0;
            for (var i = 0; i < p; i++)
            {
                mu += w[i] * x[i];
                cj += w[i] * g[i];
            }

            mean[j] = mu;
            c[j] = cj;
            variance[j] = fit.Sigma2 * (1 + cumulative);
            cumulative += cj * cj;

            // next = w F, with F: ℓ' = ℓ + φb; b' = φb; s₁' = sₘ; sᵢ' = sᵢ₋₁.
            next.Clear();
            next[0] = w[0];
            if (hasTrend)
            {
                next[1] = (phi * w[0]) + (phi * w[1]);
            }

            if (seasonal)
            {
                var first = hasTrend ? 2 : 1;
                for (var i = 0; i < m - 1; i++)
                {
                    next[first + i] = w[first + i + 1];
                }

                next[first + m - 1] = w[first];
            }

            next.CopyTo(w);
        }
    }

    /// <summary>
    /// Class 3 (multiplicative seasonality): the moment recursions of Hyndman et al. (2008, §6.4) on
    /// Mₕ = E[(ℓ, b)ᵀ(s)] and its covariance, with Kronecker-structured transition matrices.
    /// </summary>
    private static void Class3(EtsEstimate fit, Span<double> mean, Span<double> variance)
    {
        var model = fit.Model;
        var x = fit.FinalState;
        var m = fit.Period;
        var q = model.Trend == EtsTrend.None ? 1 : 2;
        var sigma2 = fit.Sigma2;
        var phi = q == 2 ? fit.Phi : 1.0;
        var f1 = new double[q, q];
        var g1 = new double[q, q];
        var h1 = new double[q];
        if (q == 1)
        {
            f1[0, 0] = 1;
            g1[0, 0] = fit.Alpha;
            h1[0] = 1;
        }
        else
        {
            f1[0, 0] = 1;
            f1[0, 1] = 1;
            f1[1, 1] = phi;
            g1[0, 0] = fit.Alpha;
            g1[0, 1] = fit.Alpha;
            g1[1, 0] = fit.Beta;
            g1[1, 1] = fit.Beta;
            h1[0] = 1;
            h1[1] = 1;
        }

        var f2 = new double[m, m];
        f2[0, m - 1] = 1;
        for (var i = 1; i < m; i++)
        {
            f2[i, i - 1] = 1;
        }

        var g2 = new double[m, m];
        g2[0, m - 1] = fit.Gamma;
        var mh = new double[q, m];
        for (var i = 0; i < q; i++)
        {
            for (var j = 0; j < m; j++)
            {
                mh[i, j] = x[i] * x[q + j];
            }
        }

        var d = q * m;
        var f21 = Kronecker(f2, f1);
        var g21 = Kronecker(g2, g1);
        var k = Add(Kronecker(g2, f1), Kronecker(f2, g1));

        // H21 = H2 ⊗ H1 with H2 = (0, …, 0, 1): ones on the last seasonal block.
        var h21 = new double[d];
        for (var i = 0; i < q; i++)
        {
            h21[((m - 1) * q) + i] = h1[i];
        }

        var vh = new double[d, d];
        var f21T = Transpose(f21);
        var g21T = Transpose(g21);
        var kT = Transpose(k);
        var f2T = Transpose(f2);
        var g2T = Transpose(g2);
        for (var step = 0; step < mean.Length; step++)
        {
            var mu = 0.0;
            for (var i = 0; i < q; i++)
            {
                mu += h1[i] * mh[i, m - 1];
            }

            var quad = 0.0;
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    quad += h21[i] * vh[i, j] * h21[j];
                }
            }

            mean[step] = mu;
            variance[step] = ((1 + sigma2) * quad) + (sigma2 * mu * mu);

            var vec = new double[d];
            for (var j = 0; j < m; j++)
            {
                for (var i = 0; i < q; i++)
                {
                    vec[(j * q) + i] = mh[i, j];
                }
            }

            var outer = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    outer[i, j] = vec[i] * vec[j];
                }
            }

            var term1 = Multiply(Multiply(f21, vh), f21T);
            var term2 = Add(Multiply(Multiply(f21, vh), g21T), Multiply(Multiply(g21, vh), f21T));
            var term3 = Multiply(Multiply(k, Add(vh, outer)), kT);
            var inner = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    inner[i, j] = (3 * vh[i, j]) + (2 * outer[i, j]);
                }
            }

            var term4 = Multiply(Multiply(g21, inner), g21T);
            var newVh = new double[d, d];
            for (var i = 0; i < d; i++)
            {
                for (var j = 0; j < d; j++)
                {
                    newVh[i, j] = term1[i, j] + (sigma2 * (term2[i, j] + term3[i, j] + (sigma2 * term4[i, j])));
                }
            }

            vh = newVh;
            var a = Multiply(Multiply(f1, mh), f2T);
            var b = Multiply(Multiply(g1, mh), g2T);
            for (var i = 0; i < q; i++)
            {
                for (var j = 0; j < m; j++)
                {
                    mh[i, j] = a[i, j] + (b[i, j] * sigma2);
                }
            }
        }
    }

    private static double[,] Kronecker(double[,] a, double[,] b)
    {
        int ar = a.GetLength(0), ac = a.GetLength(1), br = b.GetLength(0), bc = b.GetLength(1);
        var r = new double[ar * br, ac * bc];
        for (var i = 0; i < ar; i++)
        {
            for (var j = 0; j < ac; j++)
            {
                var v = a[i, j];
                if (v == 0)
                {
                    continue;
                }

                for (var k = 0; k < br; k++)
                {
                    for (var l = 0; l < bc; l++)
                    {
                        r[(i * br) + k, (j * bc) + l] = v * b[k, l];
                    }
                }
            }
        }

        return r;
    }

    private static double[,] Multiply(double[,] a, double[,] b)
    {
        int n = a.GetLength(0), inner = a.GetLength(1), p = b.GetLength(1);
        var r = new double[n, p];
        for (var i = 0; i < n; i++)
        {
            for (var k = 0; k < inner; k++)
            {
                var v = a[i, k];
                if (v == 0)
                {
                    continue;
                }

                for (var j = 0; j < p; j++)
                {
                    r[i, j] += v * b[k, j];
                }
            }
        }

        return r;
    }

    private static double[,] Add(double[,] a, double[,] b)
    {
        var r = new double[a.GetLength(0), a.GetLength(1)];
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                r[i, j] = a[i, j] + b[i, j];
            }
        }

        return r;
    }

    private static double[,] Transpose(double[,] a)
    {
        var r = new double[a.GetLength(1), a.GetLength(0)];
        for (var i = 0; i < a.GetLength(0); i++)
        {
            for (var j = 0; j < a.GetLength(1); j++)
            {
                r[j, i] = a[i, j];
            }
        }

        return r;
    }
}
