using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Point anomaly (outlier) detectors: the z-score and modified z-score rules, Rosner's generalized ESD test, and
/// Twitter's Seasonal Hybrid ESD for seasonal series.
/// </summary>
/// <remarks>
/// Every detector returns an <see cref="AnomalyResult"/> whose indices are ascending and whose scores hold one
/// signed value per input point. Input must be complete: NaN or an infinity throws an
/// <see cref="ArgumentException"/> (fill gaps first; Twitter's package likewise rejects interior gaps). All
/// functions are pure and thread-safe.
/// </remarks>
public static class Anomalies
{
    /// <summary>Flags the points more than <paramref name="threshold"/> sample standard deviations from the mean.</summary>
    /// <param name="y">The values.</param>
    /// <param name="threshold">The cut-off for |z|, &gt; 0.</param>
    /// <returns>
    /// The points with |z| &gt; <paramref name="threshold"/>, and z = (y − ȳ) / s for every point, s the sample
    /// standard deviation (divisor n − 1, as R's <c>scale</c> and <c>scipy.stats.zscore(ddof=1)</c>). With fewer than
    /// two points or zero variance every score is NaN and nothing is flagged.
    /// </returns>
    /// <remarks>
    /// The mean and standard deviation are themselves pulled by outliers, so |z| can never exceed (n − 1)/√n: in a
    /// sample of 10 no point can reach 3. Prefer <see cref="ModifiedZScore"/> or <see cref="GeneralizedEsd"/> for
    /// small samples or several outliers.
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not a positive finite number.</exception>
    public static AnomalyResult ZScore(ReadOnlySpan<double> y, double threshold = 3.0)
    {
        ValidateThreshold(threshold);
        Guard.Finite(y, nameof(y));
        var scores = new double[y.Length];
        var mean = Descriptive.MeanCore(y);
        var sd = y.Length < 2 ? double.NaN : Math.Sqrt(Descriptive.SumOfSquaredDeviations(y, mean) / (y.Length - 1));
        if (!(sd > 0))
        {
            Array.Fill(scores, double.NaN);
            return new AnomalyResult([], scores);
        }

        for (var i = 0; i < y.Length; i++)
        {
            scores[i] = (y[i] - mean) / sd;
        }

        return new AnomalyResult(Beyond(scores, threshold), scores);
    }

    /// <summary>
    /// Flags the points whose modified z-score 0.6745 (y − median) / MAD exceeds <paramref name="threshold"/> in
    /// absolute value (Iglewicz &amp; Hoaglin 1993, "How to Detect and Handle Outliers").
    /// </summary>
    /// <param name="y">The values.</param>
    /// <param name="threshold">The cut-off for |M|, &gt; 0; Iglewicz and Hoaglin recommend 3.5.</param>
    /// <returns>The points with |M| &gt; <paramref name="threshold"/> and M for every point; empty for an empty input.</returns>
    /// <remarks>
    /// <para>
    /// MAD is the unscaled median absolute deviation from the median (see
    /// <see cref="Descriptive.MedianAbsoluteDeviation"/>); 0.6745 ≈ Φ⁻¹(0.75) makes M comparable to a z-score for
    /// normal data. Median and MAD have a 50 % breakdown point, so a cluster of outliers does not hide itself.
    /// </para>
    /// <para>
    /// When more than half of the values are equal, MAD = 0 and the ratio is undefined. The score then uses the
    /// mean absolute deviation from the median instead, M = (y − median) / (1.253314 · MeanAD), 1.253314 ≈ √(π/2)
    /// being the ratio of the standard deviation to the mean absolute deviation of a normal distribution (the
    /// convention of IBM SPSS Modeler and others). If that is 0 too, every value equals the median: all scores
    /// are 0 and nothing is flagged.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="threshold"/> is not a positive finite number.</exception>
    public static AnomalyResult ModifiedZScore(ReadOnlySpan<double> y, double threshold = 3.5)
    {
        ValidateThreshold(threshold);
        Guard.Finite(y, nameof(y));
        var scores = new double[y.Length];
        if (y.Length == 0)
        {
            return new AnomalyResult([], scores);
        }

        var buffer = y.ToArray();
        var median = Selection.QuantileInPlace(buffer, 0.5);
        var meanAbsolute = 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            buffer[i] = Math.Abs(y[i] - median);
            meanAbsolute += buffer[i];
        }

        meanAbsolute /= y.Length;
        var mad = Selection.QuantileInPlace(buffer, 0.5);
        var factor = mad > 0 ? 0.6745 / mad : meanAbsolute > 0 ? 1.0 / (1.253314 * meanAbsolute) : 0.0;
        for (var i = 0; i < y.Length; i++)
        {
            scores[i] = factor * (y[i] - median);
        }

        return new AnomalyResult(Beyond(scores, threshold), scores);
    }

    /// <summary>
    /// Detects up to <paramref name="maxOutliers"/> outliers in an approximately normal sample with the generalized
    /// extreme Studentized deviate (ESD) test (Rosner 1983; NIST/SEMATECH e-Handbook §1.3.5.17.3).
    /// </summary>
    /// <param name="y">The values (their order does not matter).</param>
    /// <param name="maxOutliers">The upper bound r on the number of outliers, 1 ≤ r ≤ n − 2.</param>
    /// <param name="alpha">The significance level, in (0, 1).</param>
    /// <returns>
    /// The outliers, and for every point the signed deviation (y − mean) / s of the sample that remained when the
    /// point was removed, or, for points never removed, of the sample left after the last step.
    /// </returns>
    /// <remarks>
    /// <para>
    /// For i = 1 … r the point farthest from the mean of the remaining n − i + 1 points is removed, with
    /// R_i = max |x − x̄| / s (s with divisor n − i), and compared with
    /// λ_i = (n − i) t_{p, n−i−1} / √((n − i − 1 + t²_{p, n−i−1})(n − i + 1)), p = 1 − α / (2(n − i + 1)). The number
    /// of outliers is the largest i with R_i &gt; λ_i, so an outlier masked by a larger one is still found (NIST's
    /// example: R₁, R₂ below their critical values, R₃ above, three outliers). The probability of declaring any
    /// outlier in a normal sample without outliers is about α for n ≥ 25 (Rosner 1983).
    /// </para>
    /// <para>
    /// When the remaining points are all equal (s = 0) the procedure stops: no later step can be significant.
    /// The t quantiles come from MathNet.Numerics, refined by Newton steps to about machine precision. Cost O(n·r).
    /// This is Rosner's rule; ADTK's <c>GeneralizedESDTestAD</c> instead stops at the first non-significant step.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has fewer than 3 points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxOutliers"/> is outside [1, n − 2], or <paramref name="alpha"/> is outside (0, 1).</exception>
    public static AnomalyResult GeneralizedEsd(ReadOnlySpan<double> y, int maxOutliers, double alpha = 0.05)
    {
        Guard.Finite(y, nameof(y));
        if (y.Length < 3)
        {
            throw new ArgumentException($"The generalized ESD test needs at least 3 values, but {y.Length} were given.", nameof(y));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(maxOutliers, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxOutliers, y.Length - 2);
        Guard.OpenUnitInterval(alpha, nameof(alpha));
        var run = EsdProcedure.Execute(y, maxOutliers, alpha, robust: false);
        return ToResult(run);
    }

    /// <summary>
    /// Detects anomalies in a seasonal series with the Seasonal Hybrid ESD test of Twitter's AnomalyDetection
    /// (Hochenbaum, Vallis &amp; Kejariwal 2017), in both directions.
    /// </summary>
    /// <param name="y">The series, equally spaced, longer than two periods.</param>
    /// <param name="period">The number of observations per seasonal cycle, ≥ 2 (e.g. 7 for daily data, 1440 for minutes).</param>
    /// <param name="maxAnomalyFraction">The largest share of points that may be flagged, in (0, 0.49].</param>
    /// <param name="alpha">The significance level of each ESD step, in (0, 1).</param>
    /// <returns>
    /// The anomalies, and for every point the signed robust score (r − median) / (1.4826 · MAD) of its remainder r
    /// within the remainders left when it was removed, or, for points never removed, left after the last step.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Steps (as <c>AnomalyDetectionVec(x, period, max_anoms, alpha, direction = "both")</c>): decompose y with R's
    /// <c>stl(y, s.window = "periodic", robust = TRUE)</c>, i.e. <see cref="Seasonality.Stl"/> with a seasonal
    /// window of 10n + 1, seasonal degree 0, trend window the next odd integer ≥ ⌈1.5p / (1 − 1.5/(10n + 1))⌉,
    /// low-pass window the next odd integer ≥ p, jumps ⌈window / 10⌉, robustness weights, 1 inner and 15 outer
    /// iterations, followed by R's averaging of the seasonal component over each position of the cycle. The
    /// remainder is r = y − seasonal − median(y): the median replaces the trend, which keeps level shifts and
    /// long anomalies from being absorbed into it. Then the generalized ESD procedure of
    /// <see cref="GeneralizedEsd"/> runs on r for k = ⌊n · <paramref name="maxAnomalyFraction"/>⌋ steps with the
    /// median and the normal-consistent MAD (1.4826 × MAD, R's <c>mad</c>) in place of mean and standard deviation;
    /// the anomalies are the points removed in the first i steps, i the last step with R_i &gt; λ_i.
    /// </para>
    /// <para>
    /// The procedure stops early when the MAD of the remaining remainders is 0 (for example a constant series):
    /// no later step can be significant. When k = 0 nothing is flagged. Cost O(n·k) after the decomposition.
    /// Twitter's options for one direction, thresholds on daily maxima and piecewise long-term medians are not
    /// implemented.
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has at most 2 × <paramref name="period"/> points.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 2, <paramref name="maxAnomalyFraction"/> is outside (0, 0.49], or <paramref name="alpha"/> is outside (0, 1).</exception>
    public static AnomalyResult SeasonalHybridEsd(ReadOnlySpan<double> y, int period, double maxAnomalyFraction = 0.10, double alpha = 0.05)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        if (!(maxAnomalyFraction > 0 && maxAnomalyFraction <= 0.49))
        {
            throw new ArgumentOutOfRangeException(nameof(maxAnomalyFraction), maxAnomalyFraction, "The fraction must lie in (0, 0.49].");
        }

        Guard.OpenUnitInterval(alpha, nameof(alpha));
        Guard.Finite(y, nameof(y));
        var n = y.Length;
        if (n <= 2 * period)
        {
            throw new ArgumentException($"The series has {n} values; the seasonal decomposition needs more than two periods ({2 * period}).", nameof(y));
        }

        var remainder = SeasonalHybridRemainder(y, period);
        var steps = (int)Math.Floor(n * maxAnomalyFraction);
        return ToResult(EsdProcedure.Execute(remainder, steps, alpha, robust: true));
    }

    /// <summary>y − periodic seasonal − median(y), with the seasonal of R's robust periodic STL.</summary>
    internal static double[] SeasonalHybridRemainder(ReadOnlySpan<double> y, int period)
    {
        var n = y.Length;
        var seasonalWindow = (10 * n) + 1;
        var trendWindow = NextOdd(Math.Ceiling(1.5 * period / (1.0 - (1.5 / seasonalWindow))));
        var lowPassWindow = NextOdd(period);
        var options = new StlOptions
        {
            Seasonal = seasonalWindow,
            SeasonalDegree = 0,
            Trend = trendWindow,
            LowPass = lowPassWindow,
            SeasonalJump = (int)Math.Ceiling(seasonalWindow / 10.0),
            TrendJump = (int)Math.Ceiling(trendWindow / 10.0),
            LowPassJump = (int)Math.Ceiling(lowPassWindow / 10.0),
            Robust = true,
            InnerIterations = 1,
            OuterIterations = 15,
        };
        var seasonal = Seasonality.Stl(y, period, options).Seasonal;

        // R's stl(s.window = "periodic") replaces the seasonal by its mean at each position of the cycle.
        var cycleMean = new double[period];
        var cycleCount = new int[period];
        for (var i = 0; i < n; i++)
        {
            cycleMean[i % period] += seasonal[i];
            cycleCount[i % period]++;
        }

        for (var j = 0; j < period; j++)
        {
            cycleMean[j] /= cycleCount[j];
        }

        var median = Selection.QuantileInPlace(y.ToArray(), 0.5);
        var remainder = new double[n];
        for (var i = 0; i < n; i++)
        {
            remainder[i] = y[i] - cycleMean[i % period] - median;
        }

        return remainder;
    }

    // R's nextodd: round, then add 1 if even.
    private static int NextOdd(double value)
    {
        var x = (int)Math.Round(value, MidpointRounding.ToEven);
        return x % 2 == 0 ? x + 1 : x;
    }

    private static AnomalyResult ToResult(EsdProcedure.Run run)
    {
        var indices = run.Removed[..run.OutlierCount];
        Array.Sort(indices);
        return new AnomalyResult(indices, run.Scores);
    }

    private static int[] Beyond(double[] scores, double threshold)
    {
        var indices = new List<int>();
        for (var i = 0; i < scores.Length; i++)
        {
            if (Math.Abs(scores[i]) > threshold)
            {
                indices.Add(i);
            }
        }

        return [.. indices];
    }

    private static void ValidateThreshold(double threshold)
    {
        if (!(threshold > 0) || double.IsInfinity(threshold))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, "The threshold must be a positive finite number.");
        }
    }
}
