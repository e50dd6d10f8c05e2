namespace PerformanceAnalytics.Statistics;

public static partial class Seasonality
{
    /// <summary>Hyndman's rule-of-thumb threshold on the STL seasonal strength (R forecast <c>nsdiffs(test = "seas")</c>).</summary>
    public const double SeasonalStrengthThreshold = 0.64;

    /// <summary>Returns the seasonal periods worth testing for a sampling frequency.</summary>
    /// <param name="frequency">The sampling frequency of the series.</param>
    /// <returns>A fresh array: hourly {24}; daily {7, 365}; weekly {52}; monthly {12}; quarterly {4}.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is not a defined value.</exception>
    /// <remarks>Non-integer cycles are rounded to the nearest integer: a year of 365.25 days becomes 365 and a year of
    /// 52.18 weeks becomes 52, as STL needs an integer period; the phase then drifts by a quarter of a day per year,
    /// which the seasonal smoother absorbs.</remarks>
    public static int[] CandidatePeriods(SeasonalityFrequency frequency) => frequency switch
    {
        SeasonalityFrequency.Hourly => [24],
        SeasonalityFrequency.Daily => [7, 365],
        SeasonalityFrequency.Weekly => [52],
        SeasonalityFrequency.Monthly => [12],
        SeasonalityFrequency.Quarterly => [4],
        _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, "Unknown frequency."),
    };

    /// <summary>
    /// Detects the seasonal period of <paramref name="y"/> among the candidates for its sampling frequency
    /// (<see cref="CandidatePeriods(SeasonalityFrequency)"/>).
    /// </summary>
    /// <param name="y">The series, equally spaced and complete.</param>
    /// <param name="frequency">The sampling frequency.</param>
    /// <returns>The detected period (or none) and the evidence per candidate.</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="frequency"/> is not a defined value.</exception>
    /// <remarks>See <see cref="DetectPeriod(ReadOnlySpan{double}, ReadOnlySpan{int})"/> for the criterion.</remarks>
    public static SeasonalityDetection DetectPeriod(ReadOnlySpan<double> y, SeasonalityFrequency frequency) =>
        DetectPeriod(y, CandidatePeriods(frequency));

    /// <summary>
    /// Detects the seasonal period of <paramref name="y"/> among <paramref name="candidates"/>.
    /// </summary>
    /// <param name="y">The series, equally spaced and complete.</param>
    /// <param name="candidates">The periods to test, each ≥ 2.</param>
    /// <returns>
    /// The detected period, or none, and per candidate the STL seasonal strength, the autocorrelation at that lag and
    /// its white-noise bound. A candidate longer than half the series is skipped (not evaluated, NaN evidence).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A candidate is less than 2.</exception>
    /// <remarks>
    /// <para>
    /// A candidate p is seasonal when both hold:
    /// (1) the seasonal strength of a default STL decomposition (<see cref="Stl(ReadOnlySpan{double}, int, StlOptions?)"/>,
    /// statsmodels defaults) is at least <see cref="SeasonalStrengthThreshold"/> = 0.64, Hyndman's rule of thumb
    /// (Wang, Smith &amp; Hyndman 2006; R forecast <c>nsdiffs(test = "seas")</c>); and
    /// (2) the sample autocorrelation at lag p exceeds the 95 % white-noise bound 1.96/√n (Box &amp; Jenkins), so that
    /// the cycle actually repeats at that lag.
    /// A seasonal candidate that is a multiple of another seasonal candidate is not chosen (a 24-hour cycle also repeats
    /// every 168 hours; its evidence is still reported). Among the rest, the detected period is the one with the
    /// greatest strength (the shorter one on a tie).
    /// </para>
    /// <para>
    /// On white noise the default STL seasonal strength is typically 0.35–0.5, well below 0.64, and the
    /// autocorrelation test alone would flag about 2.5 % of candidates; requiring both keeps false detections rare.
    /// A strong trend inflates autocorrelations at every lag, which is why the autocorrelation alone is not enough.
    /// Cost: one STL decomposition per candidate plus one autocorrelation pass.
    /// </para>
    /// </remarks>
    public static SeasonalityDetection DetectPeriod(ReadOnlySpan<double> y, ReadOnlySpan<int> candidates)
    {
        Guard.Finite(y, nameof(y));
        foreach (var p in candidates)
        {
            if (p < 2)
            {
                throw new ArgumentOutOfRangeException(nameof(candidates), p, "Every candidate period must be at least 2.");
            }
        }

        var n = y.Length;
        var bound = n > 0 ? 1.96 / Math.Sqrt(n) : double.NaN;
        var maxLag = 0;
        foreach (var p in candidates)
        {
            if (p <= n / 2)
            {
                maxLag = Math.Max(maxLag, p);
            }
        }

        var acf = maxLag > 0 ? Autocorrelation(y, maxLag) : [];
        var results = new SeasonalityCandidate[candidates.Length];
        for (var c = 0; c < candidates.Length; c++)
        {
            var p = candidates[c];
            if (p > n / 2)
            {
                results[c] = new SeasonalityCandidate(p, false, double.NaN, double.NaN, bound, false);
                continue;
            }

            var strength = Stl(y, p).SeasonalStrength;
            var r = acf[p];
            var seasonal = strength >= SeasonalStrengthThreshold && r > bound;
            results[c] = new SeasonalityCandidate(p, true, strength, r, bound, seasonal);
        }

        int? best = null;
        var bestStrength = double.NegativeInfinity;
        foreach (var candidate in results)
        {
            if (!candidate.IsSeasonal || IsMultipleOfAnotherSeasonal(candidate.Period, results))
            {
                continue;
            }

            if (candidate.SeasonalStrength > bestStrength || (candidate.SeasonalStrength == bestStrength && candidate.Period < best))
            {
                best = candidate.Period;
                bestStrength = candidate.SeasonalStrength;
            }
        }

        return new SeasonalityDetection(best, results);
    }

    private static bool IsMultipleOfAnotherSeasonal(int period, SeasonalityCandidate[] results)
    {
        foreach (var other in results)
        {
            if (other.IsSeasonal && other.Period < period && period % other.Period == 0)
            {
                return true;
            }
        }

        return false;
    }
}
