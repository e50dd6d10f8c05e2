using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Means and centred second moments of a paired sample.</summary>
/// <param name="Count">The number of pairs.</param>
/// <param name="MeanX">The mean of x.</param>
/// <param name="MeanY">The mean of y.</param>
/// <param name="SumSquaresX">Σ (x − x̄)².</param>
/// <param name="SumSquaresY">Σ (y − ȳ)².</param>
/// <param name="SumProducts">Σ (x − x̄)(y − ȳ).</param>
internal readonly record struct PairedMoments(long Count, double MeanX, double MeanY, double SumSquaresX, double SumSquaresY, double SumProducts)
{
    private const int Block = 1024;

    /// <summary>
    /// Computes the moments in one sweep over memory: each block of 1024 pairs (resident in L1 cache) is
    /// centred on its own mean by the corrected two-pass algorithm, and blocks are merged with the pairwise
    /// update of Chan, Golub &amp; LeVeque (1979, 1983): M2 = M2a + M2b + δ² nₐn_b / n, C = Cₐ + C_b + δx δy nₐn_b / n.
    /// Both steps are vectorised with <see cref="Vector256{T}"/>.
    /// </summary>
    /// <remarks>
    /// Non-finite input is detected from the block sums (NaN and ±∞ propagate into them), so finite input pays
    /// for no separate validation pass.
    /// </remarks>
    /// <exception cref="ArgumentException">An element of <paramref name="x"/> or <paramref name="y"/> is NaN or infinite.</exception>
    public static PairedMoments Compute(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string xName, string yName)
    {
        var total = new PairedMoments(0, 0, 0, 0, 0, 0);
        for (var start = 0; start < x.Length; start += Block)
        {
            var length = Math.Min(Block, x.Length - start);
            var block = ComputeBlock(x.Slice(start, length), y.Slice(start, length));
            if (!double.IsFinite(block.MeanX) || !double.IsFinite(block.MeanY))
            {
                Guard.Finite(x, xName);
                Guard.Finite(y, yName);
            }

            total = Merge(total, block);
        }

        return total;
    }

    private static PairedMoments Merge(PairedMoments a, PairedMoments b)
    {
        if (a.Count == 0)
        {
            return b;
        }

        double n = a.Count + b.Count;
        var dx = b.MeanX - a.MeanX;
        var dy = b.MeanY - a.MeanY;
        var w = (double)a.Count * b.Count / n;
        return new PairedMoments(
            a.Count + b.Count,
            a.MeanX + (dx * b.Count / n),
            a.MeanY + (dy * b.Count / n),
            a.SumSquaresX + b.SumSquaresX + (dx * dx * w),
            a.SumSquaresY + b.SumSquaresY + (dy * dy * w),
            a.SumProducts + b.SumProducts + (dx * dy * w));
    }

    private static PairedMoments ComputeBlock(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        var n = x.Length;
        var vx = MemoryMarshal.Cast<double, Vector256<double>>(x);
        var vy = MemoryMarshal.Cast<double, Vector256<double>>(y);
        var tail = vx.Length * Vector256<double>.Count;

        var sx = Vector256<double>.Zero;
        var sy = Vector256<double>.Zero;
        for (var i = 0; i < vx.Length; i++)
        {
            sx += vx[i];
            sy += vy[i];
        }

        var sumX = Vector256.Sum(sx);
        var sumY = Vector256.Sum(sy);
        for (var i = tail; i < n; i++)
        {
            sumX += x[i];
            sumY += y[i];
        }

        var meanX = sumX / n;
        var meanY = sumY / n;
        if (!double.IsFinite(meanX) || !double.IsFinite(meanY))
        {
            return new PairedMoments(n, meanX, meanY, double.NaN, double.NaN, double.NaN);
        }

        var mx = Vector256.Create(meanX);
        var my = Vector256.Create(meanY);
        var ex = Vector256<double>.Zero;
        var ey = Vector256<double>.Zero;
        var qx = Vector256<double>.Zero;
        var qy = Vector256<double>.Zero;
        var qxy = Vector256<double>.Zero;
        for (var i = 0; i < vx.Length; i++)
        {
            var dx = vx[i] - mx;
            var dy = vy[i] - my;
            ex += dx;
            ey += dy;
            qx = Vector256.FusedMultiplyAdd(dx, dx, qx);
            qy = Vector256.FusedMultiplyAdd(dy, dy, qy);
            qxy = Vector256.FusedMultiplyAdd(dx, dy, qxy);
        }

        double rx = Vector256.Sum(ex), ry = Vector256.Sum(ey);
        double sxx = Vector256.Sum(qx), syy = Vector256.Sum(qy), sxy = Vector256.Sum(qxy);
        for (var i = tail; i < n; i++)
        {
            var dx = x[i] - meanX;
            var dy = y[i] - meanY;
            rx += dx;
            ry += dy;
            sxx += dx * dx;
            syy += dy * dy;
            sxy += dx * dy;
        }

        // Corrected two-pass: the residual sums rx, ry recover the rounding of the block mean.
        return new PairedMoments(
            n,
            meanX + (rx / n),
            meanY + (ry / n),
            sxx - (rx * rx / n),
            syy - (ry * ry / n),
            sxy - (rx * ry / n));
    }
}
