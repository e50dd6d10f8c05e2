using System.Numerics;
using System.Runtime.InteropServices;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Vectorised inner products and sliding-window correlations used by the LOESS smoother and the
/// autocorrelation function.</summary>
internal static class LoessVector
{
    /// <summary>Returns Σ a[i]·b[i] over the common length of the two spans.</summary>
    public static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        var length = Math.Min(a.Length, b.Length);
        var i = 0;
        var sum = 0.0;
        if (Vector.IsHardwareAccelerated && length >= 2 * Vector<double>.Count)
        {
            var va = MemoryMarshal.Cast<double, Vector<double>>(a[..length]);
            var vb = MemoryMarshal.Cast<double, Vector<double>>(b[..length]);

            // Two independent accumulators hide the latency of the dependent additions.
            var acc0 = Vector<double>.Zero;
            var acc1 = Vector<double>.Zero;
            var v = 0;
            for (; v + 1 < va.Length; v += 2)
            {
                acc0 += va[v] * vb[v];
                acc1 += va[v + 1] * vb[v + 1];
            }

            if (v < va.Length)
            {
                acc0 += va[v] * vb[v];
            }

            sum = Vector.Sum(acc0 + acc1);
            i = va.Length * Vector<double>.Count;
        }

        for (; i < length; i++)
        {
            sum += a[i] * b[i];
        }

        return sum;
    }

    /// <summary>
    /// Sliding correlation output[i] = Σ_j kernel[j]·x[i + j] for i &lt; output.Length; x must hold at least
    /// output.Length + kernel.Length − 1 values. Several outputs are accumulated per vector register, so each
    /// window costs kernel.Length / Vector&lt;double&gt;.Count multiply–adds.
    /// </summary>
    public static void Correlate(ReadOnlySpan<double> x, ReadOnlySpan<double> kernel, Span<double> output)
    {
        var count = output.Length;
        var length = kernel.Length;
        if (x.Length < count + length - 1)
        {
            throw new ArgumentException("The input is shorter than the windows require.", nameof(x));
        }

        ref var xr = ref MemoryMarshal.GetReference(x);
        var width = Vector<double>.Count;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + width <= count; i += width)
            {
                var acc = Vector<double>.Zero;
                for (var j = 0; j < length; j++)
                {
                    acc += new Vector<double>(kernel[j]) * Vector.LoadUnsafe(ref xr, (nuint)(i + j));
                }

                acc.CopyTo(output[i..]);
            }
        }

        for (; i < count; i++)
        {
            var sum = 0.0;
            for (var j = 0; j < length; j++)
            {
                sum += kernel[j] * x[i + j];
            }

            output[i] = sum;
        }
    }

    /// <summary>
    /// The five sliding sums of a robustly weighted local linear fit over the same windows:
    /// s0 = Σ w·r, s1 = Σ w·d·r, s2 = Σ w·d²·r, t0 = Σ w·ry, t1 = Σ w·d·ry, with w, w·d, w·d² the kernel
    /// moments, r the robustness weights and ry = r·y.
    /// </summary>
    public static void CorrelateMoments(
        ReadOnlySpan<double> r, ReadOnlySpan<double> ry, LoessKernel kernel,
        Span<double> s0, Span<double> s1, Span<double> s2, Span<double> t0, Span<double> t1)
    {
        var count = s0.Length;
        var length = kernel.Length;
        if (r.Length < count + length - 1 || ry.Length < count + length - 1)
        {
            throw new ArgumentException("The input is shorter than the windows require.", nameof(r));
        }

        var k0 = kernel.Weights;
        var k1 = kernel.FirstMoment;
        var k2 = kernel.SecondMoment;
        ref var rr = ref MemoryMarshal.GetReference(r);
        ref var ryr = ref MemoryMarshal.GetReference(ry);
        var width = Vector<double>.Count;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + width <= count; i += width)
            {
                var a0 = Vector<double>.Zero;
                var a1 = Vector<double>.Zero;
                var a2 = Vector<double>.Zero;
                var b0 = Vector<double>.Zero;
                var b1 = Vector<double>.Zero;
                for (var j = 0; j < length; j++)
                {
                    var w0 = new Vector<double>(k0[j]);
                    var w1 = new Vector<double>(k1[j]);
                    var vr = Vector.LoadUnsafe(ref rr, (nuint)(i + j));
                    var vry = Vector.LoadUnsafe(ref ryr, (nuint)(i + j));
                    a0 += w0 * vr;
                    a1 += w1 * vr;
                    a2 += new Vector<double>(k2[j]) * vr;
                    b0 += w0 * vry;
                    b1 += w1 * vry;
                }

                a0.CopyTo(s0[i..]);
                a1.CopyTo(s1[i..]);
                a2.CopyTo(s2[i..]);
                b0.CopyTo(t0[i..]);
                b1.CopyTo(t1[i..]);
            }
        }

        for (; i < count; i++)
        {
            double a0 = 0, a1 = 0, a2 = 0, b0 = 0, b1 = 0;
            for (var j = 0; j < length; j++)
            {
                a0 += k0[j] * r[i + j];
                a1 += k1[j] * r[i + j];
                a2 += k2[j] * r[i + j];
                b0 += k0[j] * ry[i + j];
                b1 += k1[j] * ry[i + j];
            }

            s0[i] = a0;
            s1[i] = a1;
            s2[i] = a2;
            t0[i] = b0;
            t1[i] = b1;
        }
    }

    /// <summary>The two data sums of <see cref="CorrelateMoments"/> alone (t0 = Σ w·ry, t1 = Σ w·d·ry), for passes
    /// where the robustness weights, and so the weight sums, have not changed.</summary>
    public static void CorrelateData(ReadOnlySpan<double> ry, LoessKernel kernel, Span<double> t0, Span<double> t1)
    {
        var count = t0.Length;
        var length = kernel.Length;
        if (ry.Length < count + length - 1)
        {
            throw new ArgumentException("The input is shorter than the windows require.", nameof(ry));
        }

        var k0 = kernel.Weights;
        var k1 = kernel.FirstMoment;
        ref var ryr = ref MemoryMarshal.GetReference(ry);
        var width = Vector<double>.Count;
        var i = 0;
        if (Vector.IsHardwareAccelerated)
        {
            for (; i + width <= count; i += width)
            {
                var b0 = Vector<double>.Zero;
                var b1 = Vector<double>.Zero;
                for (var j = 0; j < length; j++)
                {
                    var vry = Vector.LoadUnsafe(ref ryr, (nuint)(i + j));
                    b0 += new Vector<double>(k0[j]) * vry;
                    b1 += new Vector<double>(k1[j]) * vry;
                }

                b0.CopyTo(t0[i..]);
                b1.CopyTo(t1[i..]);
            }
        }

        for (; i < count; i++)
        {
            double b0 = 0, b1 = 0;
            for (var j = 0; j < length; j++)
            {
                b0 += k0[j] * ry[i + j];
                b1 += k1[j] * ry[i + j];
            }

            t0[i] = b0;
            t1[i] = b1;
        }
    }
}
