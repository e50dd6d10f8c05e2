using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Offline detection of abrupt changes in the mean, or in the mean and variance, of a series by penalised
/// Gaussian likelihood: exact search (PELT) and greedy binary segmentation.
/// </summary>
/// <remarks>
/// <para>
/// A segmentation of y₀ … y_{n−1} into k segments is given by the start indices of segments 2 … k, ascending
/// and never 0; an empty array means no change point. The searches minimise
/// Σ_segments cost(segment) + penalty × (k − 1) subject to every segment having at least
/// <c>minSegmentLength</c> points. Segment costs come from prefix sums of the series (centred on its mean,
/// which keeps the sum-of-squares difference from cancelling), so each costs O(1).
/// </para>
/// <para>
/// Costs (<see cref="ChangePointCost"/>): <see cref="ChangePointCost.Mean"/> is the within-segment sum of
/// squares Σ(y − ȳ)². <see cref="ChangePointCost.MeanVariance"/> is m · ln(σ̂² + ε) with σ̂² = SSE/m the
/// maximum-likelihood variance of a segment of length m; it equals, up to a constant that does not depend on
/// the segmentation, R changepoint's <c>meanvar.norm</c> cost m(ln 2π + ln σ̂² + 1). A constant segment has
/// σ̂² = 0 and would make that cost −∞, so a floor ε = 10⁻⁸ · σ̃² is added, where σ̃² = (1.4826 · MAD(Δy))²/2
/// is a robust noise variance from the first differences (variance of Δy / 2 when that MAD is 0; ε = 10⁻⁸
/// for a constant series). The floor is added rather than taken as max(σ̂², ε) (R changepoint uses
/// max(σ̂², 10⁻¹¹)) because the sum keeps the cost subadditive, which exact pruning needs, and because it
/// scales with the data, which makes the segmentation invariant to rescaling y.
/// </para>
/// <para>
/// Time and memory: PELT is O(n) expected when the number of change points grows with n (Killick et al.
/// 2012, Theorem 3.2) and O(n²) in the worst case (no change points, small penalty). For the
/// <see cref="ChangePointCost.Mean"/> cost with an explicit penalty it also prunes functionally (FPOP, Maidstone,
/// Hocking, Rigaill &amp; Fearnhead 2017), still exactly, which keeps few candidates inside long segments and makes
/// it near-linear with few change points too. Every other search (the mean-and-variance cost, and the MBIC
/// objective of either cost) adds an exact dual pruning test in the manner of DUST (Truong &amp; Runge 2025): inside a
/// long segment it keeps only the most recent few per cent of the candidates PELT keeps. Both costs then also prune
/// functionally: the mean cost on the line of means, the mean-and-variance cost over slabs of variances in the
/// (mean, variance) plane. That keeps a few dozen candidates inside a long segment (about 30, 50 and 100 at segment
/// lengths 10³, 10⁴ and 10⁵ for the mean-and-variance cost) instead of a share of it: with a fixed handful of change
/// points the work grows about as n^1.15 for the mean cost and n^1.25 for the mean-and-variance cost, not n².
/// The mean-and-variance search goes further and does not evaluate every candidate it keeps: a lower bound on each
/// candidate's cost, shared by a group of candidates, decides which can still be the minimum, so about two are
/// evaluated per step and the work is O(n log n) with a few change points (10⁵ points in about a tenth of a second).
/// On a drifting series, where the bounds stop paying, it hands over to the pruned search within a budget of
/// O(log n) evaluations per step. Every search returns exactly the optimal-partitioning minimiser.
/// Binary segmentation is O(n log n) for balanced splits. All functions are pure and thread-safe.
/// </para>
/// </remarks>
public static class ChangePoints
{
    /// <summary>
    /// Finds the exact minimiser of Σ cost(segment) + <paramref name="penalty"/> × (number of change points)
    /// with PELT, every segment having at least 2 points.
    /// </summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost.</param>
    /// <param name="penalty">The price of one change point, ≥ 0, in the units of the cost.</param>
    /// <returns>The start indices of segments 2 … k, ascending (never 0); empty when there is no change point.</returns>
    /// <remarks>Same as <see cref="Pelt(ReadOnlySpan{double}, ChangePointCost, double, int)"/> with a minimum segment length of 2.</remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer than 2 points; or <paramref name="penalty"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> is negative, or <paramref name="cost"/> is not a defined value.</exception>
    public static int[] Pelt(ReadOnlySpan<double> y, ChangePointCost cost, double penalty) => Pelt(y, cost, penalty, 2);

    /// <summary>
    /// Finds the exact minimiser of Σ cost(segment) + <paramref name="penalty"/> × (number of change points)
    /// with the PELT algorithm (Killick, Fearnhead &amp; Eckley 2012).
    /// </summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost.</param>
    /// <param name="penalty">
    /// The price of one change point, ≥ 0, in the units of the cost: y² for <see cref="ChangePointCost.Mean"/>
    /// (e.g. 2σ² ln n is a BIC-type choice), dimensionless for <see cref="ChangePointCost.MeanVariance"/>.
    /// </param>
    /// <param name="minSegmentLength">The minimum number of points in every segment, ≥ 1.</param>
    /// <returns>
    /// The start indices of segments 2 … k, ascending (never 0); empty when there is no change point, in
    /// particular when y has fewer than 2 × <paramref name="minSegmentLength"/> points.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Optimal partitioning (Jackson et al. 2005) computes F(t) = min_s F(s) + cost(y_s … y_{t−1}) + penalty with
    /// F(0) = −penalty; PELT drops a candidate s for good once F(s) + cost(s, t) &gt; F(t), which is safe because
    /// both costs are subadditive (splitting a segment never raises its cost). With a minimum segment length
    /// the drop takes effect only for ends at least <paramref name="minSegmentLength"/> later, so the answer is
    /// the optimal-partitioning one exactly, not an approximation. Among equal-cost segmentations the one with
    /// the earliest last change point is returned.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer points than <paramref name="minSegmentLength"/>; or <paramref name="penalty"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> is negative, <paramref name="minSegmentLength"/> is less than 1, or <paramref name="cost"/> is not a defined value.</exception>
    public static int[] Pelt(ReadOnlySpan<double> y, ChangePointCost cost, double penalty, int minSegmentLength)
    {
        Validate(y, cost, penalty, minSegmentLength);
        var costs = new ChangePointSegmentCost(y, cost, 1.0, addLogLength: false);
        return ChangePointSearch.Pelt(costs, y.Length, penalty, minSegmentLength);
    }

    /// <summary>
    /// Finds changes in mean and variance with PELT and the MBIC penalty of Zhang &amp; Siegmund (2007), as
    /// <see cref="Pelt(ReadOnlySpan{double}, ChangePointCost)"/> with <see cref="ChangePointCost.MeanVariance"/>.
    /// </summary>
    /// <param name="y">The series, in time order.</param>
    /// <returns>The start indices of segments 2 … k, ascending (never 0); empty when there is no change point, when y has fewer than 4 points, or when y is constant.</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer than 2 points.</exception>
    public static int[] Pelt(ReadOnlySpan<double> y) => Pelt(y, ChangePointCost.MeanVariance);

    /// <summary>
    /// Finds change points with PELT and the MBIC penalty of Zhang &amp; Siegmund (2007) as implemented in R's
    /// changepoint package (its default), with a minimum segment length of 2.
    /// </summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost; the default detects changes in mean and variance together.</param>
    /// <returns>
    /// The start indices of segments 2 … k, ascending (never 0); empty when there is no change point, when y has
    /// fewer than 4 points, or when y is constant.
    /// </returns>
    /// <remarks>
    /// <para>
    /// The minimised objective is R changepoint's (<c>cpt.mean</c>/<c>cpt.meanvar</c> with
    /// <c>penalty = "MBIC"</c>, <c>method = "PELT"</c>): Σ_segments [cost(segment) + ln m_segment] +
    /// (d + 2) ln n × (number of change points), with d = 1 parameter changing for
    /// <see cref="ChangePointCost.Mean"/> (penalty 3 ln n) and d = 2 for <see cref="ChangePointCost.MeanVariance"/>
    /// (penalty 4 ln n). The ln m terms make this cost not subadditive; the search stays exact by pruning on the
    /// likelihood part alone and bounding how much the ln m terms of two candidates can differ later (R prunes
    /// with K = 0 regardless).
    /// </para>
    /// <para>
    /// The mean cost is a likelihood only when the noise variance is 1, so (as R's documentation asks of the
    /// user) the data are scale-normalised here: the sum of squares is divided by the robust noise variance
    /// σ̃² = (1.4826 · MAD(Δy))²/2 from first differences, which level shifts hardly affect (the variance of Δy / 2
    /// when that MAD is 0, the variance of y for a straight line whose differences are all equal). The
    /// mean-and-variance cost is scale-free and is used as described in <see cref="ChangePoints"/>.
    /// </para>
    /// <para>
    /// Under white noise MBIC rarely reports a spurious change (well under 5 % of series for 100 ≤ n ≤ 1000) and
    /// the rate falls as n grows: it is a consistent model-selection criterion, not a test at a fixed level.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer than 2 points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="cost"/> is not a defined value.</exception>
    public static int[] Pelt(ReadOnlySpan<double> y, ChangePointCost cost)
    {
        const int minSegmentLength = 2;
        Validate(y, cost, 0.0, minSegmentLength);
        var n = y.Length;
        var scale = 1.0;
        if (cost == ChangePointCost.Mean)
        {
            scale = ChangePointSegmentCost.NoiseVariance(y);
            if (!(scale > 0))
            {
                scale = Descriptive.PopulationVariance(y);
            }

            if (!(scale > 0))
            {
                return [];
            }
        }

        var parametersChanging = cost == ChangePointCost.Mean ? 1 : 2;
        var penalty = (parametersChanging + 2) * Math.Log(n);
        var costs = new ChangePointSegmentCost(y, cost, scale, addLogLength: true);
        return ChangePointSearch.Pelt(costs, n, penalty, minSegmentLength);
    }

    /// <summary>Finds change points by binary segmentation with segments of at least 2 points and no limit on their number.</summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost.</param>
    /// <param name="penalty">The minimum decrease in total cost a split must bring, ≥ 0.</param>
    /// <returns>The start indices of segments 2 … k, ascending (never 0).</returns>
    /// <remarks>See <see cref="BinarySegmentation(ReadOnlySpan{double}, ChangePointCost, double, int, int)"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer than 2 points; or <paramref name="penalty"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> is negative, or <paramref name="cost"/> is not a defined value.</exception>
    public static int[] BinarySegmentation(ReadOnlySpan<double> y, ChangePointCost cost, double penalty) =>
        BinarySegmentation(y, cost, penalty, 2, int.MaxValue);

    /// <summary>Finds change points by binary segmentation with no limit on their number.</summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost.</param>
    /// <param name="penalty">The minimum decrease in total cost a split must bring, ≥ 0.</param>
    /// <param name="minSegmentLength">The minimum number of points in every segment, ≥ 1.</param>
    /// <returns>The start indices of segments 2 … k, ascending (never 0).</returns>
    /// <remarks>See <see cref="BinarySegmentation(ReadOnlySpan{double}, ChangePointCost, double, int, int)"/>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer points than <paramref name="minSegmentLength"/>; or <paramref name="penalty"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> is negative, <paramref name="minSegmentLength"/> is less than 1, or <paramref name="cost"/> is not a defined value.</exception>
    public static int[] BinarySegmentation(ReadOnlySpan<double> y, ChangePointCost cost, double penalty, int minSegmentLength) =>
        BinarySegmentation(y, cost, penalty, minSegmentLength, int.MaxValue);

    /// <summary>
    /// Finds change points by binary segmentation (Scott &amp; Knott 1974): the greedy, approximate counterpart
    /// of <see cref="Pelt(ReadOnlySpan{double}, ChangePointCost, double, int)"/>.
    /// </summary>
    /// <param name="y">The series, in time order.</param>
    /// <param name="cost">The segment cost.</param>
    /// <param name="penalty">The minimum decrease in total cost a split must bring, ≥ 0 (same units as for PELT).</param>
    /// <param name="minSegmentLength">The minimum number of points in every segment, ≥ 1.</param>
    /// <param name="maxChangePoints">The maximum number of change points, ≥ 0; <see cref="int.MaxValue"/> for no limit.</param>
    /// <returns>
    /// The start indices of segments 2 … k, ascending (never 0); empty when no split lowers the cost by more than
    /// <paramref name="penalty"/>.
    /// </returns>
    /// <remarks>
    /// Starting from the whole series, each step finds, for every current segment, the split that lowers its
    /// cost most (the earliest one on ties), and applies the best of them if its gain is strictly greater than
    /// <paramref name="penalty"/> (a gain within 10⁻¹² of the segment's cost, i.e. rounding, counts as 0); it stops at
    /// <paramref name="maxChangePoints"/>. With penalty 0 and a fixed
    /// count it reproduces ruptures' <c>Binseg(model="l2").predict(n_bkps=…)</c> whenever the splits lower the
    /// cost; unlike ruptures it never forces a split that gains nothing (e.g. in a constant series). R changepoint's
    /// <c>BinSeg</c> instead runs Q greedy splits and keeps the prefix with the lowest penalised cost; the two agree
    /// whenever the gains along the greedy path decrease, as on the package's own examples. Greedy
    /// splitting can miss the optimum, for instance two close changes that cancel out;
    /// <see cref="Pelt(ReadOnlySpan{double}, ChangePointCost, double, int)"/> is exact. O(n log n) for balanced splits.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer points than <paramref name="minSegmentLength"/>; or <paramref name="penalty"/> is NaN or infinite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="penalty"/> or <paramref name="maxChangePoints"/> is negative, <paramref name="minSegmentLength"/> is less than 1, or <paramref name="cost"/> is not a defined value.</exception>
    public static int[] BinarySegmentation(ReadOnlySpan<double> y, ChangePointCost cost, double penalty, int minSegmentLength, int maxChangePoints)
    {
        Validate(y, cost, penalty, minSegmentLength);
        ArgumentOutOfRangeException.ThrowIfNegative(maxChangePoints);
        var costs = new ChangePointSegmentCost(y, cost, 1.0, addLogLength: false);
        return ChangePointSearch.BinarySegmentation(costs, y.Length, penalty, minSegmentLength, maxChangePoints);
    }

    private static void Validate(ReadOnlySpan<double> y, ChangePointCost cost, double penalty, int minSegmentLength)
    {
        if (cost is not (ChangePointCost.Mean or ChangePointCost.MeanVariance))
        {
            throw new ArgumentOutOfRangeException(nameof(cost), cost, "Unknown change-point cost.");
        }

        Guard.Finite(penalty, nameof(penalty));
        ArgumentOutOfRangeException.ThrowIfNegative(penalty);
        ArgumentOutOfRangeException.ThrowIfLessThan(minSegmentLength, 1);
        Guard.Finite(y, nameof(y));
        if (y.Length < minSegmentLength)
        {
            throw new ArgumentException($"The series has {y.Length} points, fewer than one segment of minimum length {minSegmentLength}.", nameof(y));
        }
    }
}
