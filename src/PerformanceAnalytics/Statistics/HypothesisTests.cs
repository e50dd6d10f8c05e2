using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>Classical hypothesis tests (reference: <c>scipy.stats</c> 1.10; NIST StRD for the analysis of variance).</summary>
public static class HypothesisTests
{
    /// <summary>Welch's unequal-variance t test of treatment against control.</summary>
    /// <param name="control">The control sample.</param>
    /// <param name="treatment">The treatment sample.</param>
    /// <param name="confidenceLevel">The confidence level of the interval for the difference, in (0, 1).</param>
    /// <returns>
    /// The test; positive statistic and difference mean the treatment is higher. Every field but the difference
    /// is NaN when a sample has fewer than two values or both variances are zero; the difference is NaN when a
    /// sample is empty.
    /// </returns>
    /// <remarks>
    /// t = (x̄_T − x̄_C)/√(s²_T/n_T + s²_C/n_C), ν = (s²_T/n_T + s²_C/n_C)² / [(s²_T/n_T)²/(n_T − 1) + (s²_C/n_C)²/(n_C − 1)]
    /// (Welch 1947), two-sided p from Student's t with ν degrees of freedom
    /// (<c>scipy.stats.ttest_ind(treatment, control, equal_var=False)</c>); interval: difference ± t₍₁₊c₎/₂,ν · SE.
    /// </remarks>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="confidenceLevel"/> is not strictly between 0 and 1.</exception>
    public static TTestResult WelchTTest(ReadOnlySpan<double> control, ReadOnlySpan<double> treatment, double confidenceLevel = 0.95)
    {
        Guard.Finite(control, nameof(control));
        Guard.Finite(treatment, nameof(treatment));
        Guard.OpenUnitInterval(confidenceLevel, nameof(confidenceLevel));
        var difference = Descriptive.MeanCore(treatment) - Descriptive.MeanCore(control);
        if (control.Length < 2 || treatment.Length < 2)
        {
            return new TTestResult(double.NaN, double.NaN, double.NaN, difference, ConfidenceInterval.Undefined);
        }

        var vc = Descriptive.SumOfSquaredDeviations(control, Descriptive.MeanCore(control)) / (control.Length - 1) / control.Length;
        var vt = Descriptive.SumOfSquaredDeviations(treatment, Descriptive.MeanCore(treatment)) / (treatment.Length - 1) / treatment.Length;
        var variance = vc + vt;
        if (!(variance > 0))
        {
            return new TTestResult(double.NaN, double.NaN, double.NaN, difference, ConfidenceInterval.Undefined);
        }

        var se = Math.Sqrt(variance);
        var df = variance * variance / ((vc * vc / (control.Length - 1)) + (vt * vt / (treatment.Length - 1)));
        var t = difference / se;
        var p = 2.0 * StudentT.CDF(0, 1, df, -Math.Abs(t));
        var half = Quantiles.StudentT(df, (1 + confidenceLevel) / 2) * se;
        return new TTestResult(t, df, p, difference, new ConfidenceInterval(difference - half, difference + half));
    }

    /// <summary>One-way analysis of variance of k groups of exact decimal data.</summary>
    /// <param name="groups">The groups, each an array of decimal observations.</param>
    /// <returns>The F test and η², as <see cref="OneWayAnova(IReadOnlyList{double[]})"/> defines them.</returns>
    /// <remarks>
    /// F and η² do not change when a constant is subtracted from every observation. This overload subtracts the first
    /// observation in exact decimal arithmetic before converting to <see cref="double"/>, so data such as
    /// 1000000000000.4 (NIST StRD SmLs07–09), which no double represents, keep every digit that matters.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its arrays is null.</exception>
    /// <exception cref="OverflowException">A deviation from the first observation exceeds the range of <see cref="decimal"/>.</exception>
    public static AnovaResult OneWayAnova(IReadOnlyList<decimal[]> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        decimal? shift = null;
        var shifted = new double[groups.Count][];
        for (var g = 0; g < groups.Count; g++)
        {
            var group = groups[g] ?? throw new ArgumentNullException(nameof(groups), $"Group {g} is null.");
            shift ??= group.Length > 0 ? group[0] : null;
            shifted[g] = new double[group.Length];
            for (var i = 0; i < group.Length; i++)
            {
                shifted[g][i] = (double)(group[i] - shift!.Value);
            }
        }

        return OneWayAnova(shifted);
    }

    /// <summary>One-way analysis of variance of k groups.</summary>
    /// <param name="groups">The groups, each an array of observations.</param>
    /// <returns>
    /// The F test and η². F, p and η² are NaN when there are fewer than two groups, a group is empty, N − k &lt; 1, or
    /// every observation is equal; F is +∞ (p = 0, η² = 1) when groups differ but have no spread within.
    /// </returns>
    /// <remarks>
    /// F = [SS_b/(k − 1)] / [SS_w/(N − k)] with SS_w = Σ_g Σ_i (x_gi − x̄_g)² and SS_b = Σ_g n_g (x̄_g − x̄)²
    /// (<c>scipy.stats.f_oneway</c>). Values are first taken relative to the first observation (exact when they
    /// share leading digits), each group is centred on its own mean by the corrected two-pass algorithm (Chan, Golub
    /// &amp; LeVeque 1983) and the between-group sum uses the shifted group means, never raw sums of squares; this keeps
    /// the digits of NIST SmLs01–09, whose values share up to 13 leading digits.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static AnovaResult OneWayAnova(IReadOnlyList<double[]> groups)
    {
        ValidateGroups(groups);
        var k = groups.Count;
        var total = 0;
        var anyEmpty = false;
        foreach (var g in groups)
        {
            total += g.Length;
            anyEmpty |= g.Length == 0;
        }

        var dfBetween = k - 1;
        var dfWithin = total - k;
        if (k < 2 || anyEmpty || dfWithin < 1)
        {
            return new AnovaResult(double.NaN, dfBetween, dfWithin, double.NaN, double.NaN);
        }

        // Work on deviations from a shift c near the data (the first observation): when values share leading
        // digits, v − c is exact (Sterbenz), and group means of the deviations keep every digit that a group mean
        // near 10¹² could not represent (NIST SmLs07–09).
        var shift = groups[0][0];
        var means = new double[k];
        var ssWithin = 0.0;
        var weighted = 0.0;
        for (var i = 0; i < k; i++)
        {
            var g = groups[i];
            var sum = 0.0;
            foreach (var v in g)
            {
                sum += v - shift;
            }

            var mean = sum / g.Length;
            double residual = 0, squares = 0;
            foreach (var v in g)
            {
                var e = (v - shift) - mean;
                residual += e;
                squares += e * e;
            }

            // Corrected two-pass (Chan, Golub & LeVeque 1983): refine the mean and remove its error from the squares.
            means[i] = mean + (residual / g.Length);
            ssWithin += squares - (residual * residual / g.Length);
            weighted += means[i] * g.Length;
        }

        var grand = weighted / total;
        var ssBetween = 0.0;
        for (var i = 0; i < k; i++)
        {
            var d = means[i] - grand;
            ssBetween += groups[i].Length * d * d;
        }

        var ssTotal = ssBetween + ssWithin;
        if (!(ssTotal > 0))
        {
            return new AnovaResult(double.NaN, dfBetween, dfWithin, double.NaN, double.NaN);
        }

        var f = ssBetween / dfBetween / (ssWithin / dfWithin);
        return new AnovaResult(f, dfBetween, dfWithin, Regression.UpperF(f, dfBetween, dfWithin), ssBetween / ssTotal);
    }

    /// <summary>The Kruskal–Wallis H test that k groups come from the same distribution, corrected for ties.</summary>
    /// <param name="groups">The groups, each an array of observations.</param>
    /// <returns>
    /// H with k − 1 degrees of freedom and its chi-square p-value. NaN when there are fewer than two groups, a group is
    /// empty, or all observations are equal.
    /// </returns>
    /// <remarks>
    /// H = [12/(N(N + 1)) Σ R_g²/n_g − 3(N + 1)] / [1 − Σ(t³ − t)/(N³ − N)] with R_g the rank sum of group g over the
    /// pooled average ranks and t the sizes of tied groups (Kruskal &amp; Wallis 1952; <c>scipy.stats.kruskal</c>).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="groups"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">A value is NaN or infinite.</exception>
    public static TestStatistic KruskalWallis(IReadOnlyList<double[]> groups)
    {
        ValidateGroups(groups);
        var k = groups.Count;
        var total = 0;
        var anyEmpty = false;
        foreach (var g in groups)
        {
            total += g.Length;
            anyEmpty |= g.Length == 0;
        }

        if (k < 2 || anyEmpty)
        {
            return new TestStatistic(double.NaN, k - 1, double.NaN);
        }

        var pooled = new double[total];
        var offset = 0;
        foreach (var g in groups)
        {
            g.CopyTo(pooled, offset);
            offset += g.Length;
        }

        var ranks = new double[total];
        var tieSum = RadixOrder.AverageRanks(pooled, ranks);
        double nd = total;
        var correction = 1.0 - (tieSum / ((nd * nd * nd) - nd));
        if (!(correction > 0))
        {
            return new TestStatistic(double.NaN, k - 1, double.NaN);
        }

        var sum = 0.0;
        offset = 0;
        foreach (var g in groups)
        {
            var rankSum = 0.0;
            for (var i = 0; i < g.Length; i++)
            {
                rankSum += ranks[offset + i];
            }

            sum += rankSum * rankSum / g.Length;
            offset += g.Length;
        }

        var h = ((12.0 / (nd * (nd + 1)) * sum) - (3.0 * (nd + 1))) / correction;
        return new TestStatistic(h, k - 1, UpperChiSquare(h, k - 1));
    }

    /// <summary>Pearson's chi-square goodness-of-fit test of observed frequencies against expected ones.</summary>
    /// <param name="observed">The observed frequencies (non-negative).</param>
    /// <param name="expected">The expected frequencies (positive), with the same total as <paramref name="observed"/>.</param>
    /// <returns>χ² = Σ (o − e)²/e with k − 1 degrees of freedom and its upper-tail p-value; NaN when k &lt; 2.</returns>
    /// <remarks><c>scipy.stats.chisquare(observed, expected)</c>, which also requires the totals to agree to a relative 1e−8.</remarks>
    /// <exception cref="ArgumentException">
    /// The lengths differ, a value is NaN or infinite, an observed count is negative, an expected count is not
    /// positive, or the totals differ by more than a relative 1e−8.
    /// </exception>
    public static TestStatistic ChiSquareGoodnessOfFit(ReadOnlySpan<double> observed, ReadOnlySpan<double> expected)
    {
        Guard.SameLength(observed, expected, nameof(expected));
        Guard.Finite(observed, nameof(observed));
        Guard.Finite(expected, nameof(expected));
        double so = 0, se = 0;
        for (var i = 0; i < observed.Length; i++)
        {
            if (observed[i] < 0)
            {
                throw new ArgumentException($"Observed count {i} is negative ({observed[i]}).", nameof(observed));
            }

            if (!(expected[i] > 0))
            {
                throw new ArgumentException($"Expected count {i} is not positive ({expected[i]}).", nameof(expected));
            }

            so += observed[i];
            se += expected[i];
        }

        if (Math.Abs(so - se) > 1e-8 * Math.Max(so, se))
        {
            throw new ArgumentException($"The expected frequencies sum to {se} but the observed ones to {so}.", nameof(expected));
        }

        var k = observed.Length;
        if (k < 2)
        {
            return new TestStatistic(double.NaN, k - 1, double.NaN);
        }

        var chi = 0.0;
        for (var i = 0; i < k; i++)
        {
            var d = observed[i] - expected[i];
            chi += d * d / expected[i];
        }

        return new TestStatistic(chi, k - 1, UpperChiSquare(chi, k - 1));
    }

    /// <summary>P(χ²_df ≥ x) through the regularized upper incomplete gamma function.</summary>
    internal static double UpperChiSquare(double x, double df) =>
        double.IsNaN(x) ? double.NaN : x <= 0 ? 1.0 : MathNet.Numerics.SpecialFunctions.GammaUpperRegularized(df / 2.0, x / 2.0);

    private static void ValidateGroups(IReadOnlyList<double[]> groups)
    {
        ArgumentNullException.ThrowIfNull(groups);
        for (var i = 0; i < groups.Count; i++)
        {
            var g = groups[i] ?? throw new ArgumentNullException(nameof(groups), $"Group {i} is null.");
            Guard.Finite(g, nameof(groups));
        }
    }
}
