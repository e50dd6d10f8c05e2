using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Least squares by Householder QR with column equilibration (Golub &amp; Van Loan 2013, §5.2 and §5.3; Björck 1996,
/// §2.7): the design is stored by columns, each column scaled to unit Euclidean norm, reduced to R by
/// reflections applied column by column, and the coefficients found by back substitution.
/// </summary>
internal static class HouseholderLeastSquares
{
    /// <summary>The solution of min ‖y − Xb‖.</summary>
    /// <param name="Coefficients">b, NaN when X is rank deficient.</param>
    /// <param name="UnscaledVarianceDiagonal">diag((XᵀX)⁻¹), to be multiplied by σ².</param>
    /// <param name="ResidualSumOfSquares">‖y − Xb‖².</param>
    public readonly record struct Solution(double[] Coefficients, double[] UnscaledVarianceDiagonal, double ResidualSumOfSquares);

    /// <summary>Solves the least-squares problem; <paramref name="columns"/> are overwritten.</summary>
    /// <param name="columns">The design matrix by columns, each of length n ≥ p; destroyed.</param>
    /// <param name="y">The response; not modified.</param>
    public static Solution Solve(double[][] columns, ReadOnlySpan<double> y)
    {
        var p = columns.Length;
        var n = y.Length;
        var scale = new double[p];
        for (var j = 0; j < p; j++)
        {
            var norm = Norm(columns[j]);
            scale[j] = norm;
            if (norm > 0)
            {
                Scale(columns[j], 1.0 / norm);
            }
        }

        var qty = y.ToArray();
        var rDiag = new double[p];
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
        var varianceDiagonal = new double[p];
        var rss = 0.0;
        for (var i = p; i < n; i++)
        {
            rss += qty[i] * qty[i];
        }

        foreach (var d in rDiag)
        {
            // A column that is (numerically) a combination of the previous ones: the fit is not identifiable.
            if (!(Math.Abs(d) > maxDiag * 1e-13 * Math.Max(1, Math.Sqrt(n))))
            {
                Array.Fill(coefficients, double.NaN);
                Array.Fill(varianceDiagonal, double.NaN);
                return new Solution(coefficients, varianceDiagonal, double.NaN);
            }
        }

        // Back substitution R b = Qᵀy (R's strict upper triangle is stored in columns[j][i], i < j).
        for (var i = p - 1; i >= 0; i--)
        {
            var s = qty[i];
            for (var j = i + 1; j < p; j++)
            {
                s -= columns[j][i] * coefficients[j];
            }

            coefficients[i] = s / rDiag[i];
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

        for (var i = 0; i < p; i++)
        {
            var s = 0.0;
            for (var j = i; j < p; j++)
            {
                var v = inverse[(i * p) + j];
                s += v * v;
            }

            varianceDiagonal[i] = s / (scale[i] * scale[i]);
            coefficients[i] /= scale[i];
        }

        return new Solution(coefficients, varianceDiagonal, rss);
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
