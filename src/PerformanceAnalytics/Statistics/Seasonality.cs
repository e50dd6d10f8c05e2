using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Seasonality of a regularly spaced series: autocorrelation, STL decomposition, strength of trend and
/// seasonality, and detection of the seasonal period. Reference: statsmodels 0.13.
/// </summary>
/// <remarks>
/// Every function is pure and thread-safe; arrays returned are fresh copies the caller owns. Series must
/// be complete (no NaN or infinity): fill gaps before calling, as statsmodels and R require.
/// </remarks>
public static partial class Seasonality
{
    /// <summary>
    /// Decomposes <paramref name="y"/> into trend, seasonal and remainder with STL (Cleveland, Cleveland,
    /// McRae &amp; Terpenning 1990), as statsmodels 0.13 <c>STL(y, period, ...).fit()</c>.
    /// </summary>
    /// <param name="y">The series, equally spaced, at least two periods long.</param>
    /// <param name="period">The number of observations per seasonal cycle (≥ 2, at most half the length).</param>
    /// <param name="options">The settings; <see langword="null"/> for the statsmodels defaults (see <see cref="StlOptions"/>).</param>
    /// <returns>
    /// The components, the robustness weights and the strengths of trend and seasonality. Strengths are NaN
    /// when the variance in their denominator is zero, or only rounding noise (below (1e-13·max|y|)²), as for a
    /// constant series.
    /// </returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="period"/> is less than 2.</exception>
    /// <exception cref="ArgumentException">
    /// <paramref name="y"/> contains NaN or an infinity; <paramref name="period"/> exceeds half the length of
    /// <paramref name="y"/>; or <paramref name="options"/> has an even or too short window, a degree other than
    /// 0 or 1, a jump below 1 or an iteration count out of range.
    /// </exception>
    /// <remarks>
    /// <para>
    /// The algorithm is the authors' (netlib <c>stl.f</c>, which statsmodels and R wrap): an inner loop of
    /// cycle-subseries LOESS smoothing, low-pass filtering and trend LOESS, and an optional outer loop of
    /// bisquare robustness weights. Agreement with statsmodels is checked to 1e-6 (about 1e-11 or better on the test fixtures).
    /// </para>
    /// <para>
    /// Cost: O(n·(seasonal + trend + low-pass window)) per inner iteration; interior points use a precomputed
    /// kernel and vectorised inner products. When the seasonal window exceeds the length of the cycle-subseries
    /// (for example R's periodic setting with <see cref="StlOptions.SeasonalJump"/> = 1) each subseries costs
    /// O(k²) for k points; use a large seasonal jump, as R does, in that case.
    /// </para>
    /// </remarks>
    public static StlResult Stl(ReadOnlySpan<double> y, int period, StlOptions? options = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(period, 2);
        Guard.Finite(y, nameof(y));
        if (period > y.Length / 2)
        {
            throw new ArgumentException(
                $"The period {period} is longer than half the series ({y.Length} values); STL needs at least two full cycles.",
                nameof(period));
        }

        var settings = Resolve(period, options ?? new StlOptions());
        var decomposer = new StlDecomposer(y, settings);
        decomposer.Fit();
        var trend = decomposer.Trend;
        var seasonal = decomposer.Season;
        var remainder = new double[y.Length];
        for (var i = 0; i < y.Length; i++)
        {
            remainder[i] = y[i] - seasonal[i] - trend[i];
        }

        var scale = 0.0;
        foreach (var v in y)
        {
            scale = Math.Max(scale, Math.Abs(v));
        }

        return new StlResult(
            trend, seasonal, remainder, decomposer.Weights,
            StrengthCore(trend, remainder, scale), StrengthCore(seasonal, remainder, scale));
    }

    /// <summary>
    /// Returns the strength of trend of a decomposition, max(0, 1 − Var(R) / Var(T + R))
    /// (Wang, Smith &amp; Hyndman 2006, "Characteristic-based clustering for time series data").
    /// </summary>
    /// <param name="trend">The trend component T.</param>
    /// <param name="remainder">The remainder R, aligned with <paramref name="trend"/>.</param>
    /// <returns>The strength in [0, 1]; NaN when fewer than two values are given or Var(T + R) is zero.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    /// <remarks>Near 1 when the remainder is small beside the trend; the same formula with the seasonal component
    /// gives <see cref="SeasonalStrength"/>.</remarks>
    public static double TrendStrength(ReadOnlySpan<double> trend, ReadOnlySpan<double> remainder)
    {
        Guard.SameLength(trend, remainder, nameof(remainder));
        Guard.Finite(trend, nameof(trend));
        Guard.Finite(remainder, nameof(remainder));
        return StrengthCore(trend, remainder, 0.0);
    }

    /// <summary>
    /// Returns the strength of seasonality of a decomposition, max(0, 1 − Var(R) / Var(S + R))
    /// (Wang, Smith &amp; Hyndman 2006).
    /// </summary>
    /// <param name="seasonal">The seasonal component S.</param>
    /// <param name="remainder">The remainder R, aligned with <paramref name="seasonal"/>.</param>
    /// <returns>The strength in [0, 1]; NaN when fewer than two values are given or Var(S + R) is zero.</returns>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    /// <remarks>Hyndman's rule of thumb (R forecast <c>nsdiffs(test = "seas")</c>) calls a series seasonal when the
    /// strength exceeds 0.64.</remarks>
    public static double SeasonalStrength(ReadOnlySpan<double> seasonal, ReadOnlySpan<double> remainder)
    {
        Guard.SameLength(seasonal, remainder, nameof(remainder));
        Guard.Finite(seasonal, nameof(seasonal));
        Guard.Finite(remainder, nameof(remainder));
        return StrengthCore(seasonal, remainder, 0.0);
    }

    /// <summary>max(0, 1 − Var(R)/Var(C + R)); NaN when Var(C + R) is zero or, relative to <paramref name="scale"/>
    /// (the largest |y|), at rounding level (a constant series leaves only rounding noise in S and R).</summary>
    private static double StrengthCore(ReadOnlySpan<double> component, ReadOnlySpan<double> remainder, double scale)
    {
        var n = component.Length;
        if (n < 2)
        {
            return double.NaN;
        }

        // Two-pass variances (the divisor cancels in the ratio).
        double meanR = 0, meanSum = 0;
        for (var i = 0; i < n; i++)
        {
            meanR += remainder[i];
            meanSum += component[i] + remainder[i];
        }

        meanR /= n;
        meanSum /= n;
        double ssR = 0, ssSum = 0;
        for (var i = 0; i < n; i++)
        {
            var dr = remainder[i] - meanR;
            var ds = component[i] + remainder[i] - meanSum;
            ssR += dr * dr;
            ssSum += ds * ds;
        }

        var roundingLevel = 1e-13 * scale;
        return ssSum == 0 || ssSum / n <= roundingLevel * roundingLevel
            ? double.NaN
            : Math.Max(0.0, 1.0 - (ssR / ssSum));
    }

    private static StlSettings Resolve(int period, StlOptions options)
    {
        var seasonal = options.Seasonal;
        CheckWindow(seasonal, nameof(StlOptions.Seasonal), nameof(options));
        var trend = options.Trend ?? NextOdd((int)Math.Ceiling(1.5 * period / (1.0 - (1.5 / seasonal))));
        CheckWindow(trend, nameof(StlOptions.Trend), nameof(options));
        var lowPass = options.LowPass ?? NextOdd(period + 1);
        CheckWindow(lowPass, nameof(StlOptions.LowPass), nameof(options));
        CheckDegree(options.SeasonalDegree, nameof(StlOptions.SeasonalDegree), nameof(options));
        CheckDegree(options.TrendDegree, nameof(StlOptions.TrendDegree), nameof(options));
        CheckDegree(options.LowPassDegree, nameof(StlOptions.LowPassDegree), nameof(options));
        CheckAtLeast(options.SeasonalJump, 1, nameof(StlOptions.SeasonalJump), nameof(options));
        CheckAtLeast(options.TrendJump, 1, nameof(StlOptions.TrendJump), nameof(options));
        CheckAtLeast(options.LowPassJump, 1, nameof(StlOptions.LowPassJump), nameof(options));
        var inner = options.InnerIterations ?? (options.Robust ? 2 : 5);
        var outer = options.OuterIterations ?? (options.Robust ? 15 : 0);
        CheckAtLeast(inner, 1, nameof(StlOptions.InnerIterations), nameof(options));
        CheckAtLeast(outer, 0, nameof(StlOptions.OuterIterations), nameof(options));
        return new StlSettings(
            period, seasonal, trend, lowPass,
            options.SeasonalDegree, options.TrendDegree, options.LowPassDegree,
            options.SeasonalJump, options.TrendJump, options.LowPassJump,
            inner, outer);

        static int NextOdd(int value) => value % 2 == 0 ? value + 1 : value;
    }

    private static void CheckWindow(int value, string property, string paramName)
    {
        if (value < 3 || value % 2 == 0)
        {
            throw new ArgumentException(
                $"StlOptions.{property} must be an odd integer of at least 3, but is {value}.", paramName);
        }
    }

    private static void CheckDegree(int value, string property, string paramName)
    {
        if (value is not (0 or 1))
        {
            throw new ArgumentException($"StlOptions.{property} must be 0 or 1, but is {value}.", paramName);
        }
    }

    private static void CheckAtLeast(int value, int minimum, string property, string paramName)
    {
        if (value < minimum)
        {
            throw new ArgumentException($"StlOptions.{property} must be at least {minimum}, but is {value}.", paramName);
        }
    }
}
