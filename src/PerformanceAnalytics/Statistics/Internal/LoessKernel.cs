namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// Tricube weights of a centred LOESS window of odd length, precomputed once so interior points of a
/// smoothing pass cost a few inner products instead of re-evaluating the kernel at every point.
/// </summary>
/// <remarks>
/// In the interior of a series (window centred on the point, window length ≤ series length) the STL
/// bandwidth is h = (length − 1) / 2 for every point (Cleveland et al. 1990, §2), so the weights depend
/// only on the offset d from the centre. The same cut-offs as the reference implementation are used:
/// weight 1 when |d| ≤ 0.001·h, (1 − (|d|/h)³)³ when |d| ≤ 0.999·h, else 0.
/// </remarks>
internal sealed class LoessKernel
{
    public LoessKernel(int length)
    {
        Length = length;
        Half = (length - 1) / 2;
        Weights = new double[length];
        FirstMoment = new double[length];
        SecondMoment = new double[length];
        Normalized = new double[length];
        double h = Half;
        var sum = 0.0;
        for (var j = 0; j < length; j++)
        {
            double d = j - Half;
            var w = LoessSmoother.Tricube(Math.Abs(d), h);
            Weights[j] = w;
            FirstMoment[j] = w * d;
            SecondMoment[j] = w * d * d;
            sum += w;
        }

        for (var j = 0; j < length; j++)
        {
            Normalized[j] = Weights[j] / sum;
        }
    }

    /// <summary>Window length (odd).</summary>
    public int Length { get; }

    /// <summary>(Length − 1) / 2: offset of the centre and the bandwidth of interior windows.</summary>
    public int Half { get; }

    /// <summary>Tricube weights w(d), d = −Half … Half.</summary>
    public double[] Weights { get; }

    /// <summary>w(d)·d.</summary>
    public double[] FirstMoment { get; }

    /// <summary>w(d)·d².</summary>
    public double[] SecondMoment { get; }

    /// <summary>w(d) / Σ w: the whole local fit when no robustness weights apply (the window is symmetric, so the
    /// local linear term vanishes).</summary>
    public double[] Normalized { get; }
}
