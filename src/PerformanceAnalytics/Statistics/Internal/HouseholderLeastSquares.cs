using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Least squares by Householder QR with column equilibration (Golub &amp; Van Loan 2013, §5.2 and §5.3; Björck 1996,
/// §2.7): the design is stored by columns, each column scaled by the power of two nearest its Euclidean norm, reduced to R by
/// reflections applied column by column, and the coefficients found by back substitution. The solution is then
/// improved by Björck's (1967) iterative refinement of the augmented system [I X; Xᵀ 0][r; b] = [y; 0], whose
/// residuals are accumulated in double-double arithmetic (Ogita, Rump &amp; Oishi 2005): plain QR loses digits in
/// proportion to κ(X)² when the residual is large (NIST Wampler4–5), the refined solution does not.
/// </summary>
internal static class HouseholderLeastSquares
{
    /// <summary>The solution of min ‖y − Xb‖.</summary>
    /// <param name="Coefficients">b, NaN when X is rank deficient.</param>
    /// <param name="UnscaledCovariance">(XᵀX)⁻¹ row-major p × p, to be multiplied by σ².</param>
    /// <param name="ResidualSumOfSquares">‖y − Xb‖².</param>
    public readonly record struct Solution(double[] Coefficients, double[] UnscaledCovariance, double ResidualSumOfSquares);

    /// <summary>Solves the least-squares problem; <paramref name="columns"/> are overwritten.</summary>
    /// <param name="columns">The design matrix by columns, each of length n ≥ p; destroyed.</param>
    /// <param name="y">The response; not modified.</param>
    public static Solution Solve(double[][] columns, ReadOnlySpan<double> y)
    {
        var p = columns.Length;
        var n = y.Length;
        var scale = new double[p];
        var design = new double[p][];
        for (var j = 0; j < p; j++)
        {
            // Scale by the power of two nearest the column norm: exact, so the refinement below sees the true design.
            var norm = Norm(columns[j]);
            scale[j] = norm > 0 ? Math.ScaleB(1.0, Math.ILogB(norm)) : 1.0;
            Scale(columns[j], 1.0 / scale[j]);

            design[j] = (double[])columns[j].Clone();
        }

        var qty = y.ToArray();
        var rDiag = new double[p];
        var betas = new double[p];
        for (var k = 0; k < p; k++)
        {
            var v = columns[k].AsSpan(k);
            var alpha = Norm(v);
            if (alpha == 0)
            {
                rDiag[k] = 0;
                continue;
            }

            // Reflect v onto −sign(v₀)‖v‖e₁; the sign choice avoids cancellation (Golub & Van Loan, Alg. 5.1.1).
            if (v[0] > 0)
            {
                alpha = -alpha;
            }

            v[0] -= alpha;
            var beta = -1.0 / (alpha * v[0]); // 2/‖v‖² with ‖v‖² = 2(α² − αv₀) = −2α v₀' where v₀' = v₀ − α.
            rDiag[k] = alpha;
            betas[k] = beta;
            for (var j = k + 1; j < p; j++)
            {
                var c = columns[j].AsSpan(k);
                var f = Dot(v, c) * beta;
                AddScaled(c, v, -f);
            }

            var t = qty.AsSpan(k);
            AddScaled(t, v, -Dot(v, t) * beta);
        }

        var maxDiag = 0.0;
        foreach (var d in rDiag)
        {
            maxDiag = Math.Max(maxDiag, Math.Abs(d));
        }

        var coefficients = new double[p];
        var covariance = new double[p * p];
        foreach (var d in rDiag)
        {
            // A column that is (numerically) a combination of the previous ones: the fit is not identifiable.
            if (!(Math.Abs(d) > maxDiag * 1e-13 * Math.Max(1, Math.Sqrt(n))))
            {
                Array.Fill(coefficients, double.NaN);
                Array.Fill(covariance, double.NaN);
                return new Solution(coefficients, covariance, double.NaN);
            }
        }

        // Back substitution R b = Qᵀy (R's strict upper triangle is stored in columns[j][i], i < j).
        qty.AsSpan(0, p).CopyTo(coefficients);
        BackSubstitute(columns, rDiag, coefficients);

        var residual = new double[n];
        Refine(design, columns, rDiag, betas, y, coefficients, residual);
        var rss = 0.0;
        foreach (var e in residual)
        {
            rss += e * e;
        }

        // (RᵀR)⁻¹ diagonal = row norms of R⁻¹; R⁻¹ is upper triangular, computed column by column.
        var inverse = new double[p * p];
        for (var j = 0; j < p; j++)
        {
            inverse[(j * p) + j] = 1.0 / rDiag[j];
            for (var i = j - 1; i >= 0; i--)
            {
                var s = 0.0;
                for (var k = i + 1; k <= j; k++)
                {
                    s += columns[k][i] * inverse[(k * p) + j];
                }

                inverse[(i * p) + j] = -s / rDiag[i];
            }
        }

        // (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, then undo the column scaling: Cov_ik / (scale_i scale_k).
        for (var i = 0; i < p; i++)
        {
            for (var k = i; k < p; k++)
            {
                var s = 0.0;
                for (var j = k; j < p; j++)
                {
                    s += inverse[(i * p) + j] * inverse[(k * p) + j];
                }

                s /= scale[i] * scale[k];
                covariance[(i * p) + k] = s;
                covariance[(k * p) + i] = s;
            }
        }

        for (var i = 0; i < p; i++)
        {
            coefficients[i] /= scale[i];
        }

        return new Solution(coefficients, covariance, rss);
    }

    /// <summary>
    /// Björck's refinement: f = y − r − Xb and g = −Xᵀr in double-double, then the correction of the augmented system
    /// from the QR factors: h = R⁻ᵀg, d = Qᵀf, δb = R⁻¹(d₁ − h), δr = Q[h; d₂].
    /// </summary>
    private static void Refine(double[][] design, double[][] factors, double[] rDiag, double[] betas, ReadOnlySpan<double> y,
        double[] b, double[] r)
    {
        var p = design.Length;
        var n = y.Length;
        var f = new double[n];
        var g = new double[p];
        var hi = new double[n];
        var lo = new double[n];
        for (var iteration = 0; iteration < 4; iteration++)
        {
            // f = y − r − X b, accumulated as a double-double per row.
            for (var i = 0; i < n; i++)
            {
                hi[i] = TwoSum(y[i], -r[i], out lo[i]);
            }

            for (var j = 0; j < p; j++)
            {
                var column = design[j];
                var bj = -b[j];
                for (var i = 0; i < n; i++)
                {
                    var product = column[i] * bj;
                    var productError = Math.FusedMultiplyAdd(column[i], bj, -product);
                    hi[i] = TwoSum(hi[i], product, out var sumError);
                    lo[i] += sumError + productError;
                }
            }

            for (var i = 0; i < n; i++)
            {
                f[i] = hi[i] + lo[i];
            }

            // g = −Xᵀ r with a compensated dot product.
            for (var j = 0; j < p; j++)
            {
                var column = design[j];
                double sHi = 0, sLo = 0;
                for (var i = 0; i < n; i++)
                {
                    var product = column[i] * r[i];
                    var productError = Math.FusedMultiplyAdd(column[i], r[i], -product);
                    sHi = TwoSum(sHi, product, out var sumError);
                    sLo += sumError + productError;
                }

                g[j] = -(sHi + sLo);
            }

            // h = R⁻ᵀ g (forward substitution with Rᵀ).
            var h = new double[p];
            for (var i = 0; i < p; i++)
            {
                var s = g[i];
                for (var k = 0; k < i; k++)
                {
                    s -= factors[i][k] * h[k];
                }

                h[i] = s / rDiag[i];
            }

            // d = Qᵀ f, δb = R⁻¹(d₁ − h).
            ApplyQTransposed(factors, betas, f);
            var db = new double[p];
            var change = 0.0;
            var size = 0.0;
            for (var i = 0; i < p; i++)
            {
                db[i] = f[i] - h[i];
            }

            BackSubstitute(factors, rDiag, db);
            for (var i = 0; i < p; i++)
            {
                b[i] += db[i];
                change = Math.Max(change, Math.Abs(db[i]));
                size = Math.Max(size, Math.Abs(b[i]));
            }

            // δr = Q [h; d₂].
            h.CopyTo(f, 0);
            ApplyQ(factors, betas, f);
            for (var i = 0; i < n; i++)
            {
                r[i] += f[i];
            }

            if (change <= size * 1e-16 && iteration > 0)
            {
                break;
            }
        }
    }

    private static void BackSubstitute(double[][] factors, double[] rDiag, double[] x)
    {
        var p = rDiag.Length;
        for (var i = p - 1; i >= 0; i--)
        {
            var s = x[i];
            for (var j = i + 1; j < p; j++)
            {
                s -= factors[j][i] * x[j];
            }

            x[i] = s / rDiag[i];
        }
    }

    /// <summary>x ← Qᵀx = H_p ⋯ H₁ x.</summary>
    private static void ApplyQTransposed(double[][] factors, double[] betas, double[] x)
    {
        for (var k = 0; k < betas.Length; k++)
        {
            Reflect(factors[k].AsSpan(k), betas[k], x.AsSpan(k));
        }
    }

    /// <summary>x ← Qx = H₁ ⋯ H_p x.</summary>
    private static void ApplyQ(double[][] factors, double[] betas, double[] x)
    {
        for (var k = betas.Length - 1; k >= 0; k--)
        {
            Reflect(factors[k].AsSpan(k), betas[k], x.AsSpan(k));
        }
    }

    private static void Reflect(ReadOnlySpan<double> v, double beta, Span<double> x)
    {
        if (beta != 0)
        {
            AddScaled(x, v, -Dot(v, x) * beta);
        }
    }

    private static double TwoSum(double a, double b, out double error)
    {
        var s = a + b;
        var bb = s - a;
        error = (a - (s - bb)) + (b - bb);
        return s;
    }

    private static double Norm(ReadOnlySpan<double> v)
    {
        // Scaled to avoid overflow and underflow of the squares.
        var max = 0.0;
        foreach (var x in v)
        {
            max = Math.Max(max, Math.Abs(x));
        }

        if (max == 0)
        {
            return 0;
        }

        var s = 0.0;
        var inv = 1.0 / max;
        foreach (var x in v)
        {
            var t = x * inv;
            s += t * t;
        }

        return max * Math.Sqrt(s);
    }

    private static void Scale(Span<double> v, double factor)
    {
        for (var i = 0; i < v.Length; i++)
        {
            v[i] *= factor;
        }
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var va = MemoryMarshal.Cast<double, Vector256<double>>(a);
        var vb = MemoryMarshal.Cast<double, Vector256<double>>(b[..a.Length]);
        var acc0 = Vector256<double>.Zero;
        var acc1 = Vector256<double>.Zero;
        var i = 0;
        for (; i + 1 < va.Length; i += 2)
        {
            acc0 = Vector256.FusedMultiplyAdd(va[i], vb[i], acc0);
            acc1 = Vector256.FusedMultiplyAdd(va[i + 1], vb[i + 1], acc1);
        }

        if (i < va.Length)
        {
            acc0 = Vector256.FusedMultiplyAdd(va[i], vb[i], acc0);
        }

        var s = Vector256.Sum(acc0 + acc1);
        for (var k = va.Length * Vector256<double>.Count; k < a.Length; k++)
        {
            s += a[k] * b[k];
        }

        return s;
    }

    private static void AddScaled(Span<double> target, ReadOnlySpan<double> v, double factor)
    {
        var vt = MemoryMarshal.Cast<double, Vector256<double>>(target);
        var vv = MemoryMarshal.Cast<double, Vector256<double>>(v[..target.Length]);
        var f = Vector256.Create(factor);
        for (var i = 0; i < vt.Length; i++)
        {
            vt[i] = Vector256.FusedMultiplyAdd(vv[i], f, vt[i]);
        }

        for (var k = vt.Length * Vector256<double>.Count; k < target.Length; k++)
        {
            target[k] += v[k] * factor;
        }
    }
}
