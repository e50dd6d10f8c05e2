using System.Numerics;
using System.Runtime.InteropServices;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Vectorised inner products used by the LOESS smoother and the autocorrelation function.</summary>
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
}
