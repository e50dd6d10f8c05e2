namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// The LOESS smoother of STL (Cleveland, Cleveland, McRae &amp; Terpenning 1990, "STL: A Seasonal-Trend
/// Decomposition Procedure Based on Loess", J. Official Statistics 6(1), 3–73): local constant or local linear
/// fits with tricube neighbourhood weights, optional robustness weights, and evaluation every <c>jump</c>
/// points with linear interpolation in between. Positions are 0-based; a window is [left, left + length − 1].
/// </summary>
internal static class LoessSmoother
{
    /// <summary>Tricube weight of a point at distance <paramref name="r"/> for bandwidth <paramref name="h"/>,
    /// with the reference cut-offs (1 within 0.001·h, 0 beyond 0.999·h).</summary>
    public static double Tricube(double r, double h)
    {
        if (r > 0.999 * h)
        {
            return 0.0;
        }

        if (r <= 0.001 * h)
        {
            return 1.0;
        }

        var q = r / h;
        var t = 1.0 - (q * q * q);
        return t * t * t;
    }

    /// <summary>
    /// Local fit at position <paramref name="x"/> (0-based, may lie outside the series) from the points
    /// <paramref name="left"/> … <paramref name="right"/>; NaN when every weight is zero.
    /// </summary>
    /// <param name="y">The series being smoothed.</param>
    /// <param name="length">The nominal window length (may exceed the series length).</param>
    /// <param name="degree">0 (local constant) or 1 (local linear).</param>
    /// <param name="x">Where to evaluate.</param>
    /// <param name="left">First point of the window.</param>
    /// <param name="right">Last point of the window.</param>
    /// <param name="robustness">Robustness weights aligned with <paramref name="y"/>, or empty for none.</param>
    /// <param name="scratch">Buffer of at least right − left + 1 elements.</param>
    public static double Estimate(
        ReadOnlySpan<double> y, int length, int degree, double x, int left, int right,
        ReadOnlySpan<double> robustness, Span<double> scratch)
    {
        var n = y.Length;
        var range = n - 1.0;
        var h = Math.Max(x - left, right - x);
        if (length > n)
        {
            // A window longer than the series widens the bandwidth by half the excess (integer division).
            h += (length - n) / 2;
        }

        var count = right - left + 1;
        var w = scratch[..count];
        var total = 0.0;
        for (var j = 0; j < count; j++)
        {
            var wj = Tricube(Math.Abs(left + j - x), h);
            if (!robustness.IsEmpty)
            {
                wj *= robustness[left + j];
            }

            w[j] = wj;
            total += wj;
        }

        if (total <= 0)
        {
            return double.NaN;
        }

        // Weighted mean of the offsets d = position − x, then the local linear correction. Offsets are
        // relative to x, so the sums stay small whatever the absolute position.
        var mean = 0.0;
        for (var j = 0; j < count; j++)
        {
            w[j] /= total;
            mean += w[j] * (left + j - x);
        }

        var slopeFactor = 0.0;
        if (h > 0 && degree > 0)
        {
            var c = 0.0;
            for (var j = 0; j < count; j++)
            {
                var dev = left + j - x - mean;
                c += w[j] * dev * dev;
            }

            // Degenerate designs (all weight on a few adjacent points) keep the local constant fit.
            if (Math.Sqrt(c) > 0.001 * range)
            {
                slopeFactor = -mean / c;
            }
        }

        var fit = 0.0;
        var yw = y.Slice(left, count);
        if (slopeFactor == 0.0)
        {
            for (var j = 0; j < count; j++)
            {
                fit += w[j] * yw[j];
            }
        }
        else
        {
            for (var j = 0; j < count; j++)
            {
                fit += w[j] * yw[j] * (1.0 + (slopeFactor * (j + left - x - mean)));
            }
        }

        return fit;
    }

    /// <summary>
    /// Smooths <paramref name="y"/> into <paramref name="output"/> (same length) with windows of
    /// <paramref name="length"/> points, evaluating every <paramref name="jump"/> points and interpolating linearly.
    /// Where the fit is undefined (all weights zero) the data value is kept.
    /// </summary>
    /// <param name="y">Series to smooth.</param>
    /// <param name="length">Odd window length.</param>
    /// <param name="degree">0 or 1.</param>
    /// <param name="jump">Evaluation step, ≥ 1.</param>
    /// <param name="robustness">Robustness weights aligned with <paramref name="y"/>, or empty.</param>
    /// <param name="output">Smoothed values.</param>
    /// <param name="kernel">Precomputed kernel of <paramref name="length"/> (null when the window exceeds the series).</param>
    /// <param name="workspace">Buffers of at least y.Length elements.</param>
    /// <param name="weightSumsCurrent">
    /// True when the previous call with this workspace used the same series length, kernel and robustness weights,
    /// so the weight sums it left in the workspace can be reused (only the data sums are recomputed).
    /// </param>
    public static void Smooth(
        ReadOnlySpan<double> y, int length, int degree, int jump, ReadOnlySpan<double> robustness,
        Span<double> output, LoessKernel? kernel, LoessWorkspace workspace, bool weightSumsCurrent = false)
    {
        var n = y.Length;
        if (n < 2)
        {
            output[0] = y[0];
            return;
        }

        var step = Math.Min(jump, n - 1);
        if (step == 1 && kernel is not null && length < n)
        {
            SmoothEverywhere(y, degree, robustness, output, kernel, workspace, weightSumsCurrent);
            return;
        }

        var robust = !robustness.IsEmpty;
        var scratch = workspace.Scratch.AsSpan();
        var left = 0;
        var right = n - 1;
        if (length >= n)
        {
            for (var i = 0; i < n; i += step)
            {
                output[i] = Fallback(Estimate(y, length, degree, i, left, right, robustness, scratch), y[i]);
            }
        }
        else
        {
            var half = (length - 1) / 2;
            var weightedY = robust && kernel is not null ? workspace.WeightedY.AsSpan(0, n) : Span<double>.Empty;
            if (!weightedY.IsEmpty)
            {
                for (var i = 0; i < n; i++)
                {
                    weightedY[i] = robustness[i] * y[i];
                }
            }

            for (var i = 0; i < n; i += step)
            {
                left = Math.Clamp(i - half, 0, n - length);
                right = left + length - 1;
                double value;
                if (kernel is not null && left == i - half)
                {
                    value = robust
                        ? Centred(y, degree, left, robustness, weightedY, kernel)
                        : LoessVector.Dot(kernel.Normalized, y.Slice(left, length));
                }
                else
                {
                    value = Estimate(y, length, degree, i, left, right, robustness, scratch);
                }

                output[i] = Fallback(value, y[i]);
            }
        }

        if (step == 1)
        {
            return;
        }

        for (var i = 0; i < n - step; i += step)
        {
            var delta = (output[i + step] - output[i]) / step;
            for (var j = i + 1; j < i + step; j++)
            {
                output[j] = output[i] + (delta * (j - i));
            }
        }

        // The last evaluated point (0-based) and, if it is not the end, an extra fit at the end using the
        // window of the last evaluated point, followed by interpolation back to that point.
        var last = (n - 1) / step * step;
        if (last != n - 1)
        {
            output[n - 1] = Fallback(Estimate(y, length, degree, n - 1, left, right, robustness, scratch), y[n - 1]);
            if (last != n - 2)
            {
                var delta = (output[n - 1] - output[last]) / (n - 1 - last);
                for (var j = last + 1; j < n; j++)
                {
                    output[j] = output[last] + (delta * (j - last));
                }
            }
        }
    }

    /// <summary>Every point evaluated (jump 1), window shorter than the series: the centred interior windows
    /// are computed together as sliding correlations with the kernel, the ends one by one.</summary>
    private static void SmoothEverywhere(
        ReadOnlySpan<double> y, int degree, ReadOnlySpan<double> robustness, Span<double> output,
        LoessKernel kernel, LoessWorkspace workspace, bool weightSumsCurrent)
    {
        var n = y.Length;
        var length = kernel.Length;
        var half = kernel.Half;
        var scratch = workspace.Scratch.AsSpan();
        for (var i = 0; i < half; i++)
        {
            output[i] = Fallback(Estimate(y, length, degree, i, 0, length - 1, robustness, scratch), y[i]);
        }

        for (var i = n - half; i < n; i++)
        {
            output[i] = Fallback(Estimate(y, length, degree, i, n - length, n - 1, robustness, scratch), y[i]);
        }

        var count = n - length + 1;
        var interior = output.Slice(half, count);
        if (robustness.IsEmpty)
        {
            // Symmetric window: the local linear term vanishes and the fit is the normalised kernel average.
            LoessVector.Correlate(y, kernel.Normalized, interior);
            return;
        }

        var weightedY = workspace.WeightedY.AsSpan(0, n);
        for (var i = 0; i < n; i++)
        {
            weightedY[i] = robustness[i] * y[i];
        }

        var s0 = workspace.S0.AsSpan(0, count);
        var s1 = workspace.S1.AsSpan(0, count);
        var s2 = workspace.S2.AsSpan(0, count);
        var t0 = workspace.T0.AsSpan(0, count);
        var t1 = workspace.T1.AsSpan(0, count);
        if (weightSumsCurrent)
        {
            LoessVector.CorrelateData(weightedY, kernel, t0, t1);
        }
        else
        {
            LoessVector.CorrelateMoments(robustness, weightedY, kernel, s0, s1, s2, t0, t1);
        }

        var threshold = 0.001 * (n - 1.0);
        for (var i = 0; i < count; i++)
        {
            interior[i] = Fallback(LocalFit(s0[i], s1[i], s2[i], t0[i], t1[i], degree, threshold), y[half + i]);
        }
    }

    /// <summary>
    /// Local fit at the window centre (offset d = 0) from the weighted sums: a = Σwd/Σw, c = Σw(d − a)²/Σw,
    /// fit = ȳ + (−a/c)·(Σwdy/Σw − a·ȳ) for degree 1 (Cleveland et al. 1990, the degree-1 loess fit), ȳ for degree 0
    /// or when √c does not exceed <paramref name="threshold"/> = 0.001·(n − 1). NaN when Σw = 0.
    /// </summary>
    private static double LocalFit(double s0, double s1, double s2, double t0, double t1, int degree, double threshold)
    {
        if (s0 <= 0)
        {
            return double.NaN;
        }

        var mean = t0 / s0;
        if (degree == 0)
        {
            return mean;
        }

        var a = s1 / s0;
        var c = (s2 / s0) - (a * a);
        if (!(Math.Sqrt(c) > threshold))
        {
            return mean;
        }

        return mean + (-a / c * ((t1 / s0) - (a * mean)));
    }

    private static double Fallback(double value, double data) => double.IsNaN(value) ? data : value;

    /// <summary>Local fit at the centre of one interior window with robustness weights, from kernel moments.</summary>
    private static double Centred(
        ReadOnlySpan<double> y, int degree, int left, ReadOnlySpan<double> robustness,
        ReadOnlySpan<double> weightedY, LoessKernel kernel)
    {
        var length = kernel.Length;
        var rw = robustness.Slice(left, length);
        var ryw = weightedY.Slice(left, length);
        return LocalFit(
            LoessVector.Dot(kernel.Weights, rw),
            LoessVector.Dot(kernel.FirstMoment, rw),
            LoessVector.Dot(kernel.SecondMoment, rw),
            LoessVector.Dot(kernel.Weights, ryw),
            LoessVector.Dot(kernel.FirstMoment, ryw),
            degree,
            0.001 * (y.Length - 1.0));
    }
}
