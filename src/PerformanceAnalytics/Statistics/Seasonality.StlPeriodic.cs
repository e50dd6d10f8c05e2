namespace PerformanceAnalytics.Statistics;

public static partial class Seasonality
{
    /// <summary>
    /// Returns the <see cref="StlOptions"/> that R's <c>stl(x, s.window = "periodic", robust)</c> uses for a series of
    /// <paramref name="length"/> values and the given period (R 4.2 <c>stats::stl</c> defaults).
    /// </summary>
    /// <param name="length">The length n of the series.</param>
    /// <param name="period">The period p (R's <c>frequency(x)</c>), at least 2.</param>
    /// <param name="robust">R's <c>robust</c> argument.</param>
    /// <returns>
    /// A fresh options object: Seasonal = 10·n + 1 with degree 0; Trend = nextodd(⌈1.5·p / (1 − 1.5 / Seasonal)⌉) and
    /// LowPass = nextodd(p), both degree 1; each jump ⌈window / 10⌉; inner 1 and outer 15 iterations when robust,
    /// else inner 2 and outer 0.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 2, or <paramref name="length"/>
    /// is not more than two periods (R: "series is not periodic or has less than two periods") or so large that
    /// 10·n + 1 overflows.</exception>
    /// <remarks>Use with <see cref="Stl(ReadOnlySpan{double}, int, StlOptions?)"/>; <see cref="StlPeriodic"/> also applies
    /// R's final averaging of the seasonal component.</remarks>
    public static StlOptions RPeriodicStlOptions(int length, int period, bool robust)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(length, (int.MaxValue - 1) / 10);
        if (period > (length - 1) / 2)
        {
            throw new ArgumentOutOfRangeException(
                nameof(length), length, $"R's stl needs more than two periods of {period} values.");
        }

        var seasonal = (10 * length) + 1;
        var trend = NextOddRounded(Math.Ceiling(1.5 * period / (1.0 - (1.5 / seasonal))));
        var lowPass = NextOddRounded(period);
        return new StlOptions
        {
            Seasonal = seasonal,
            SeasonalDegree = 0,
            Trend = trend,
            TrendDegree = 1,
            LowPass = lowPass,
            LowPassDegree = 1,
            SeasonalJump = CeilingTenth(seasonal),
            TrendJump = CeilingTenth(trend),
            LowPassJump = CeilingTenth(lowPass),
            Robust = robust,
            InnerIterations = robust ? 1 : 2,
            OuterIterations = robust ? 15 : 0,
        };

        static int NextOddRounded(double x)
        {
            var v = (int)Math.Round(x, MidpointRounding.ToEven);
            return v % 2 == 0 ? v + 1 : v;
        }

        static int CeilingTenth(int window) => (window + 9) / 10;
    }

    /// <summary>
    /// Decomposes <paramref name="y"/> with a strictly periodic seasonal component, as R's
    /// <c>stl(ts(y, frequency = period), s.window = "periodic", robust = robust)</c>.
    /// </summary>
    /// <param name="y">The series, equally spaced, more than two periods long.</param>
    /// <param name="period">The number of observations per cycle (≥ 2).</param>
    /// <param name="robust">Whether to run R's 15 robustness iterations.</param>
    /// <returns>
    /// Trend, periodic seasonal (the same value at every position of the cycle), remainder y − seasonal − trend, the
    /// robustness weights and the strengths; strengths are NaN when their variance is zero or rounding noise.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 2.</exception>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity, or has no more than two periods
    /// (R: "series is not periodic or has less than two periods").</exception>
    /// <remarks>
    /// <para>
    /// STL runs with <see cref="RPeriodicStlOptions"/> and then, as R does, the seasonal component is replaced at every
    /// point by its mean over all points at the same position of the cycle (position i mod p), and the remainder is
    /// recomputed. This is the decomposition Twitter's Seasonal Hybrid ESD (Hochenbaum, Vallis &amp; Kejariwal 2017) uses.
    /// </para>
    /// <para>
    /// Agreement with R 4.2: about 1e-12. One caveat for robust fits of even-length series: the netlib routine R runs
    /// finds the median absolute residual with a partial sort called with its two middle indices in descending order,
    /// which can yield a value other than the median; this library (like statsmodels) uses the true median, so after
    /// several robustness iterations the two can drift apart (on log AirPassengers, 144 values, by up to 1e-4 in the
    /// trend). Odd-length series are unaffected.
    /// </para>
    /// </remarks>
    public static StlResult StlPeriodic(ReadOnlySpan<double> y, int period, bool robust)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Guard.Finite(y, nameof(y));
        if (period > (y.Length - 1) / 2)
        {
            throw new ArgumentException(
                $"The series ({y.Length} values) must be longer than two periods of {period}.", nameof(y));
        }

        var n = y.Length;
        var fit = Stl(y, period, RPeriodicStlOptions(n, period, robust));
        var seasonal = fit.Seasonal;
        for (var j = 0; j < period; j++)
        {
            var sum = 0.0;
            var count = 0;
            for (var i = j; i < n; i += period)
            {
                sum += seasonal[i];
                count++;
            }

            var mean = sum / count;
            for (var i = j; i < n; i += period)
            {
                seasonal[i] = mean;
            }
        }

        var remainder = fit.Remainder;
        var scale = 0.0;
        for (var i = 0; i < n; i++)
        {
            remainder[i] = y[i] - seasonal[i] - fit.Trend[i];
            scale = Math.Max(scale, Math.Abs(y[i]));
        }

        return fit with
        {
            TrendStrength = StrengthCore(fit.Trend, remainder, scale),
            SeasonalStrength = StrengthCore(seasonal, remainder, scale),
        };
    }
}
