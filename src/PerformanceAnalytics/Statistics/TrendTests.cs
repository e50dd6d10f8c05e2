using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>Non-parametric tests and estimates of a monotonic trend in a series observed at t = 0, 1, …, n − 1.</summary>
public static class TrendTests
{
    /// <summary>The original Mann–Kendall test for a monotonic trend, in O(n log n).</summary>
    /// <param name="y">The series, in time order.</param>
    /// <returns>
    /// The test. Every statistic is NaN when n &lt; 2; Z and the p-value are NaN when the series is constant
    /// (Var(S) = 0).
    /// </returns>
    /// <remarks>
    /// <para>
    /// S = Σ_{i&lt;j} sign(y_j − y_i) (Mann 1945; Kendall 1975) is counted with Knight's (1966) merge-sort kernel shared
    /// with Kendall's tau: S = n(n − 1)/2 − (tied pairs) − 2 × (inversions). Var(S) = [n(n − 1)(2n + 5) −
    /// Σ t(t − 1)(2t + 5)]/18 over groups of t tied values; Z = (S − 1)/√Var(S) for S &gt; 0, 0 for S = 0,
    /// (S + 1)/√Var(S) for S &lt; 0; p = 2(1 − Φ(|Z|)), evaluated as 2Φ(−|Z|) to keep small p-values accurate;
    /// Tau = S/(n(n − 1)/2). These are the semantics of <c>pymannkendall.original_test</c> (Hussain &amp; Mahmud 2019).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static MannKendallTest MannKendall(ReadOnlySpan<double> y)
    {
        Guard.Finite(y, nameof(y));
        var n = y.Length;
        if (n < 2)
        {
            return new MannKendallTest(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, n);
        }

        var sorted = y.ToArray();
        var inversions = KnightConcordance.SortCountingInversions(sorted, new double[n]);
        var ties = KnightConcordance.Ties(sorted);
        var pairs = (long)n * (n - 1) / 2;
        double s = pairs - ties.Pairs - (2 * inversions);
        double nd = n;
        var variance = ((nd * (nd - 1) * ((2 * nd) + 5)) - ties.V1) / 18.0;
        double z, p;
        if (!(variance > 0))
        {
            z = double.NaN;
            p = double.NaN;
        }
        else
        {
            z = s > 0 ? (s - 1) / Math.Sqrt(variance) : s < 0 ? (s + 1) / Math.Sqrt(variance) : 0.0;
            p = 2.0 * Normal.CDF(0, 1, -Math.Abs(z));
        }

        return new MannKendallTest(s, variance, z, p, s / pairs, n);
    }

    /// <summary>The Theil–Sen slope of a series against time, with Sen's confidence interval.</summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="confidenceLevel">
    /// The confidence level, in (0, 1). As in SciPy, a level below 0.5 is read as its complement (0.05 and 0.95 both
    /// give the 95% interval).
    /// </param>
    /// <returns>The slope, intercept and interval; all NaN when n &lt; 2.</returns>
    /// <remarks>
    /// <para>
    /// Slope: the median of the slopes (y_j − y_i)/(j − i) over all pairs i &lt; j (Theil 1950; Sen 1968), the mean of the
    /// two middle ones when their number is even; intercept: median(y) − slope · (n − 1)/2. The interval follows
    /// Sen (1968, eq. 2.6) as <c>scipy.stats.theilslopes(y, alpha=confidenceLevel)</c>: with N pairs,
    /// σ² = [n(n − 1)(2n + 5) − Σ t(t − 1)(2t + 5)]/18 over tied groups of y and z = Φ⁻¹(α/2), the bounds are the
    /// sorted slopes at ranks round((N + zσ)/2) − 1 and round((N − zσ)/2) (0-based, rounding half to even, clamped).
    /// </para>
    /// <para>
    /// The order statistics are exact. For n ≤ 1500 all slopes are listed; beyond, a seeded randomized slope
    /// selection counts slopes below a bound by merge-sort inversions in O(n log n) and lists only a few million
    /// near the wanted ranks, so n = 10⁵ (5·10⁹ slopes) takes a fraction of a second.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static SenSlope TheilSen(ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        Guard.Finite(y, nameof(y));
        Guard.OpenUnitInterval(confidenceLevel, nameof(confidenceLevel));
        var n = y.Length;
        if (n < 2)
        {
            return new SenSlope(double.NaN, double.NaN, ConfidenceInterval.Undefined);
        }

        var pairs = (long)n * (n - 1) / 2;
        var alpha = confidenceLevel > 0.5 ? 1.0 - confidenceLevel : confidenceLevel;
        var z = Normal.InvCDF(0, 1, alpha / 2);
        var sorted = y.ToArray();
        Array.Sort(sorted);
        var ties = KnightConcordance.Ties(sorted);
        double nd = n;
        var sigma = Math.Sqrt(((nd * (nd - 1) * ((2 * nd) + 5)) - ties.V1) / 18.0);
        var upper = Math.Min((long)Math.Round((pairs - (z * sigma)) / 2.0, MidpointRounding.ToEven), pairs - 1);
        var lower = Math.Max((long)Math.Round((pairs + (z * sigma)) / 2.0, MidpointRounding.ToEven) - 1, 0);
        upper = Math.Max(upper, 0);
        lower = Math.Min(lower, pairs - 1);

        var middle = (pairs - 1) / 2;
        Span<long> ranks = [middle, pairs % 2 == 0 ? middle + 1 : middle, lower, upper];
        Span<double> values = stackalloc double[4];
        PairwiseSlopeSelection.Select(y, ranks, values);
        var slope = (values[0] + values[1]) / 2.0;
        var medianY = n % 2 == 1 ? sorted[n / 2] : (sorted[(n / 2) - 1] + sorted[n / 2]) / 2.0;
        var intercept = medianY - (slope * ((n - 1) / 2.0));
        return new SenSlope(slope, intercept, new ConfidenceInterval(values[2], values[3]));
    }
}
