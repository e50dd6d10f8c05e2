using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>Correlation coefficients with significance tests and confidence intervals (reference: <c>scipy.stats</c> 1.10).</summary>
/// <remarks>
/// Every method validates its input the same way: the samples must have equal lengths and finite values, and the
/// confidence level must lie strictly between 0 and 1. Statistics that the sample cannot support are
/// <see cref="double.NaN"/> rather than exceptions.
/// </remarks>
public static class Correlation
{
    /// <summary>Computes Pearson's correlation with a t test and a Fisher-z confidence interval.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/>.</param>
    /// <param name="confidenceLevel">The confidence level of the interval, in (0, 1).</param>
    /// <returns>
    /// The test. The coefficient is NaN when n &lt; 2 or either sample is constant; the p-value is NaN when n &lt; 3;
    /// the interval is NaN when n &lt; 4.
    /// </returns>
    /// <remarks>
    /// <para>
    /// r = Σ(x − x̄)(y − ȳ) / √(Σ(x − x̄)² Σ(y − ȳ)²), clipped to [−1, 1]. The moments are centred block by block and
    /// merged pairwise (Chan, Golub &amp; LeVeque 1983), which keeps full accuracy when the values share many leading
    /// digits and reads the data once.
    /// </para>
    /// <para>
    /// p-value: two-sided, t = r √((n − 2)/(1 − r²)) with n − 2 degrees of freedom (<c>scipy.stats.pearsonr</c>).
    /// Interval: tanh(atanh(r) ± z₍₁₊c₎/₂ / √(n − 3)) (Fisher 1921; <c>pearsonr(...).confidence_interval()</c>).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static CorrelationTest Pearson(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        Guard.SameLength(x, y, nameof(y));
        Guard.OpenUnitInterval(confidenceLevel, nameof(confidenceLevel));
        var r = PearsonCore(x, y, nameof(x), nameof(y));
        var n = x.Length;
        return new CorrelationTest(CorrelationMethod.Pearson, r, TTestPValue(r, n), FisherInterval(r, 1.0 / (n - 3.0), n >= 4, confidenceLevel), n);
    }

    /// <summary>Computes Spearman's rank correlation with a t approximation and a Fisher-z confidence interval.</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/>.</param>
    /// <param name="confidenceLevel">The confidence level of the interval, in (0, 1).</param>
    /// <returns>
    /// The test. The coefficient is NaN when n &lt; 2 or either sample is constant; the p-value is NaN when n &lt; 3;
    /// the interval is NaN when n &lt; 4.
    /// </returns>
    /// <remarks>
    /// <para>
    /// ρ is Pearson's correlation of the average ranks (ties share the mean of their ranks), as
    /// <c>scipy.stats.spearmanr</c>. Ranks come from a stable O(n) radix sort of each sample.
    /// </para>
    /// <para>
    /// p-value: two-sided t test with n − 2 degrees of freedom, as <c>spearmanr</c>. Interval:
    /// tanh(atanh(ρ) ± z₍₁₊c₎/₂ √(1.06/(n − 3))) (Fieller, Hartley &amp; Pearson 1957).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static CorrelationTest Spearman(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        Guard.SameLength(x, y, nameof(y));
        Guard.Finite(x, nameof(x));
        Guard.Finite(y, nameof(y));
        Guard.OpenUnitInterval(confidenceLevel, nameof(confidenceLevel));
        var n = x.Length;
        var rx = new double[n];
        var ry = new double[n];
        RadixOrder.AverageRanks(x, rx);
        RadixOrder.AverageRanks(y, ry);
        var r = PearsonCore(rx, ry, nameof(x), nameof(y));
        return new CorrelationTest(CorrelationMethod.Spearman, r, TTestPValue(r, n), FisherInterval(r, 1.06 / (n - 3.0), n >= 4, confidenceLevel), n);
    }

    /// <summary>Computes Kendall's tau-b with its asymptotic normal test and a Fisher-z confidence interval, in O(n log n).</summary>
    /// <param name="x">The first sample.</param>
    /// <param name="y">The second sample, paired with <paramref name="x"/>.</param>
    /// <param name="confidenceLevel">The confidence level of the interval, in (0, 1).</param>
    /// <returns>
    /// The test. The coefficient and p-value are NaN when n &lt; 2 or either sample is constant; the interval is NaN
    /// when n &lt; 5.
    /// </returns>
    /// <remarks>
    /// <para>
    /// τ_b = (C − D) / √((n₀ − n₁)(n₀ − n₂)) with n₀ = n(n − 1)/2 and n₁, n₂ the pairs tied in x and in y (Kendall
    /// 1945). C − D is counted with Knight's (1966) merge-sort algorithm, O(n log n), never the O(n²) pair loop.
    /// </para>
    /// <para>
    /// p-value: two-sided normal test of C − D with the tie-corrected variance (Kendall 1970, eq. 4.3), exactly
    /// <c>scipy.stats.kendalltau(x, y, method="asymptotic")</c>:
    /// Var = [n(n−1)(2n+5) − Σt(t−1)(2t+5) − Σu(u−1)(2u+5)]/18 + Σt(t−1)Σu(u−1)/(2n(n−1))
    /// + Σt(t−1)(t−2)Σu(u−1)(u−2)/(9n(n−1)(n−2)).
    /// </para>
    /// <para>
    /// Interval: tanh(atanh(τ) ± z₍₁₊c₎/₂ √(0.437/(n − 4))) (Fieller, Hartley &amp; Pearson 1957); SciPy offers none.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static CorrelationTest KendallTauB(ReadOnlySpan<double> x, ReadOnlySpan<double> y, double confidenceLevel = 0.95)
    {
        Guard.SameLength(x, y, nameof(y));
        Guard.Finite(x, nameof(x));
        Guard.Finite(y, nameof(y));
        Guard.OpenUnitInterval(confidenceLevel, nameof(confidenceLevel));
        var n = x.Length;
        if (n < 2)
        {
            return new CorrelationTest(CorrelationMethod.KendallTauB, double.NaN, double.NaN, ConfidenceInterval.Undefined, n);
        }

        var counts = KnightConcordance.Count(x, y);
        var total = counts.Pairs;
        if (counts.TiesX.Pairs == total || counts.TiesY.Pairs == total)
        {
            return new CorrelationTest(CorrelationMethod.KendallTauB, double.NaN, double.NaN, ConfidenceInterval.Undefined, n);
        }

        double s = counts.S;
        var tau = s / Math.Sqrt(total - counts.TiesX.Pairs) / Math.Sqrt(total - counts.TiesY.Pairs);
        tau = Math.Clamp(tau, -1.0, 1.0);

        double nd = n;
        var variance = (((nd * (nd - 1) * ((2 * nd) + 5)) - counts.TiesX.V1 - counts.TiesY.V1) / 18.0)
            + (2.0 * counts.TiesX.Pairs * counts.TiesY.Pairs / (nd * (nd - 1)))
            + (n > 2 ? counts.TiesX.V0 * counts.TiesY.V0 / (9.0 * nd * (nd - 1) * (nd - 2)) : 0.0);
        var z = s / Math.Sqrt(variance);
        var p = 2.0 * Normal.CDF(0, 1, -Math.Abs(z));
        return new CorrelationTest(CorrelationMethod.KendallTauB, tau, p, FisherInterval(tau, 0.437 / (n - 4.0), n >= 5, confidenceLevel), n);
    }

    /// <summary>Pearson's r without argument checks other than finiteness; NaN when n &lt; 2 or a sample is constant.</summary>
    internal static double PearsonCore(ReadOnlySpan<double> x, ReadOnlySpan<double> y, string xName, string yName)
    {
        if (x.Length < 2)
        {
            Guard.Finite(x, xName);
            Guard.Finite(y, yName);
            return double.NaN;
        }

        var m = PairedMoments.Compute(x, y, xName, yName);
        if (!(m.SumSquaresX > 0) || !(m.SumSquaresY > 0))
        {
            return double.NaN;
        }

        var r = m.SumProducts / Math.Sqrt(m.SumSquaresX * m.SumSquaresY);
        return Math.Clamp(r, -1.0, 1.0);
    }

    /// <summary>Two-sided p-value of H0: ρ = 0 from t = r√((n−2)/(1−r²)), n − 2 df; NaN when n &lt; 3 or r is NaN.</summary>
    private static double TTestPValue(double r, int n)
    {
        if (n < 3 || double.IsNaN(r))
        {
            return double.NaN;
        }

        if (Math.Abs(r) == 1.0)
        {
            return 0.0;
        }

        var df = n - 2.0;
        var t = Math.Abs(r) * Math.Sqrt(df / ((1.0 - r) * (1.0 + r)));
        return 2.0 * StudentT.CDF(0, 1, df, -t);
    }

    /// <summary>tanh(atanh(r) ± z √variance) with z the (1 + level)/2 normal quantile.</summary>
    private static ConfidenceInterval FisherInterval(double r, double variance, bool defined, double confidenceLevel)
    {
        if (!defined || double.IsNaN(r))
        {
            return ConfidenceInterval.Undefined;
        }

        var z = Math.Atanh(r);
        var half = Normal.InvCDF(0, 1, (1 + confidenceLevel) / 2) * Math.Sqrt(variance);
        return new ConfidenceInterval(Math.Tanh(z - half), Math.Tanh(z + half));
    }
}
