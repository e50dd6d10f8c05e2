using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Univariate forecasting: automatic exponential smoothing (ETS) in the state-space framework of
/// Hyndman, Koehler, Ord and Snyder (2008, "Forecasting with Exponential Smoothing"), specific ETS models,
/// the Theta method and naive benchmarks, with prediction intervals.
/// </summary>
/// <remarks>
/// The estimation follows R's <c>forecast</c> 8.20 (<c>ets</c>, <c>thetaf</c>, <c>snaive</c>) step by step so
/// results can be checked against it. All methods are pure and thread-safe.
/// </remarks>
public static class Forecasting
{
    /// <summary>Automatic forecast: the ETS family fitted by maximum likelihood and averaged with AICc (Akaike) weights.</summary>
    /// <param name="y">Observations in time order, equally spaced, no gaps (interpolate missing values first).</param>
    /// <param name="seasonalPeriod">Observations per seasonal cycle: 1 = non-seasonal, 4 quarterly, 7 daily with a weekly cycle, 12 monthly.</param>
    /// <param name="horizon">Number of steps to forecast (≥ 1).</param>
    /// <param name="level">Coverage of the prediction interval, in (0, 1).</param>
    /// <returns>
    /// The forecast. <see cref="ForecastResult.Model"/> is the best model's name (e.g. <c>ETS(M,N,M)</c>) when it carries
    /// more than 99 % of the weight, otherwise <c>AICc-weighted ETS: ETS(M,N,M) 0.71, ETS(A,N,A) 0.29</c>
    /// (models with weight ≥ 0.01, best first); <c>Naive</c> for the short-series fallback.
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonalPeriod"/> &lt; 1, <paramref name="horizon"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    /// <remarks>
    /// <para>
    /// Candidates are those of R's <c>ets(y)</c>: additive or multiplicative errors, no/additive/damped trend,
    /// no/additive/multiplicative seasonality, without the forbidden combinations (additive error with
    /// multiplicative season) and without multiplicative components for data that are not strictly positive.
    /// Each is fitted by Nelder–Mead on the likelihood exactly as <c>forecast::ets</c> does (same starting values,
    /// bounds, admissibility test and stopping rule; the fits agree with R to 1e-6).
    /// </para>
    /// <para>
    /// Combination rule: instead of keeping only the smallest-AICc model (R's choice), the forecasts and interval
    /// bounds of all candidates are averaged with Akaike weights wᵢ ∝ exp(−ΔAICcᵢ / 2) (Burnham and Anderson 2002;
    /// Kolassa 2011, "Combining exponential smoothing forecasts using Akaike weights", IJF 27). On the project's
    /// out-of-sample evaluation (15 classic R series with a two-season holdout; two Wikipedia page-view series,
    /// log scale, 8 origins × 28 days) this lowered mean MASE on both sets relative to the selected model
    /// (1.3891 vs 1.3949 and 1.0724 vs 1.0735) with 95 % coverage of 93.0 % and 97.3 %; combining with the Theta
    /// method (equal weights) was better on the daily series (1.0378) but much worse on the classic ones (1.6495), so
    /// Theta is not part of it.
    /// Averaging bounds is an approximation of the mixture's quantiles; every candidate's interval is analytic
    /// (Hyndman et al.'s classes 1–3), so no simulation is involved and the result is deterministic.
    /// </para>
    /// <para>
    /// Cost: each likelihood evaluation is one allocation-free pass over the data, specialised per model
    /// structure; the up to 15 candidates are independent and are fitted in parallel on the thread
    /// pool (about 50 ms of CPU in all for two years of daily data with a weekly period). The result does not depend
    /// on the number of threads.
    /// </para>
    /// <para>
    /// Seasonal periods above 24 are not modelled seasonally (as R's <c>ets</c>, whose state space would need
    /// one state per season); such series get non-seasonal ETS models. A series of fewer than 7 points, or a
    /// constant one, gets the naive forecast (last value; interval from the root mean square of the first
    /// differences; NaN bounds for a single point).
    /// </para>
    /// </remarks>
    public static ForecastResult Auto(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, double level = 0.95)
    {
        Validate(y, seasonalPeriod, horizon, level);
        return AutoCore(y, seasonalPeriod, horizon, level, EtsAutoRule.AkaikeWeights);
    }

    /// <summary>Forecast from one ETS model, fitted by maximum likelihood with any fixed parameters held.</summary>
    /// <param name="y">Observations in time order.</param>
    /// <param name="seasonalPeriod">Observations per seasonal cycle (used only by seasonal models; 2 … 24).</param>
    /// <param name="horizon">Number of steps to forecast (≥ 1).</param>
    /// <param name="model">The model, e.g. <c>EtsModel.Parse("MAM")</c> or <c>new EtsModel(...) { Alpha = 0.3 }</c>.</param>
    /// <param name="level">Coverage of the prediction interval, in (0, 1).</param>
    /// <returns>The forecast with the analytic prediction interval of the model's class.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">Bad data, a forbidden model, a multiplicative model for non-positive data, a seasonal model with a period outside 2 … 24, fixed parameters outside their bounds, or a series too short for the model.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonalPeriod"/> &lt; 1, <paramref name="horizon"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    public static ForecastResult Ets(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, EtsModel model, double level = 0.95)
    {
        Validate(y, seasonalPeriod, horizon, level);
        var fit = FitChecked(y, seasonalPeriod, model);
        return FromEts(fit, horizon, level);
    }

    /// <summary>Fits one ETS model and returns its parameters, initial states and information criteria.</summary>
    /// <param name="y">Observations in time order.</param>
    /// <param name="seasonalPeriod">Observations per seasonal cycle (used only by seasonal models; 2 … 24).</param>
    /// <param name="model">The model and any fixed parameters.</param>
    /// <returns>The fit, with the definitions of R's <c>forecast::ets</c>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="model"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">As for <see cref="Ets"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonalPeriod"/> &lt; 1.</exception>
    public static EtsFit FitEts(ReadOnlySpan<double> y, int seasonalPeriod, EtsModel model)
    {
        Validate(y, seasonalPeriod, 1, 0.95);
        return FitChecked(y, seasonalPeriod, model).ToPublic();
    }

    /// <summary>The Theta method of Assimakopoulos and Nikolopoulos (2000) as R's <c>forecast::thetaf</c>.</summary>
    /// <param name="y">Observations in time order.</param>
    /// <param name="seasonalPeriod">Observations per seasonal cycle; 1 = non-seasonal.</param>
    /// <param name="horizon">Number of steps to forecast (≥ 1).</param>
    /// <param name="level">Coverage of the prediction interval, in (0, 1).</param>
    /// <returns>The forecast, model name <c>Theta</c> (or <c>Naive</c> for fewer than 7 points).</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonalPeriod"/> &lt; 1, <paramref name="horizon"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    /// <remarks>
    /// Hyndman and Billah (2003) showed the method is simple exponential smoothing with drift equal to half the
    /// least-squares slope. When the lag-m autocorrelation is significant (90 %, one-sided, Bartlett variance) and
    /// n &gt; 2m, the series is first divided by a classical multiplicative decomposition's seasonal indices and
    /// the forecast multiplied back. The interval is SES's, σ √(1 + (h − 1)α²), on the adjusted scale (as R).
    /// </remarks>
    public static ForecastResult Theta(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, double level = 0.95)
    {
        Validate(y, seasonalPeriod, horizon, level);
        if (y.Length < EtsSelection.MinimumLength)
        {
            return ForecastBaselines.SeasonalNaive(y, 1, horizon, level, "Naive");
        }

        return ForecastBaselines.Theta(y, seasonalPeriod, horizon, level) ?? ForecastBaselines.SeasonalNaive(y, 1, horizon, level, "Naive");
    }

    /// <summary>Seasonal naive forecast: each step repeats the value one season earlier (R's <c>snaive</c>).</summary>
    /// <param name="y">Observations in time order.</param>
    /// <param name="seasonalPeriod">Observations per seasonal cycle; 1 gives the naive (random walk) forecast.</param>
    /// <param name="horizon">Number of steps to forecast (≥ 1).</param>
    /// <param name="level">Coverage of the prediction interval, in (0, 1).</param>
    /// <returns>The forecast, model name <c>SeasonalNaive</c> (or <c>Naive</c> when the period is 1).</returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> is empty or holds NaN or ±∞.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="seasonalPeriod"/> &lt; 1, <paramref name="horizon"/> &lt; 1 or <paramref name="level"/> outside (0, 1).</exception>
    /// <remarks>
    /// σ² is the mean of the squared lag-m differences; the standard error at step h is σ √(⌊(h − 1)/m⌋ + 1).
    /// With fewer than m + 1 points the lag shrinks to n; the bounds are NaN when no difference exists.
    /// </remarks>
    public static ForecastResult SeasonalNaive(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, double level = 0.95)
    {
        Validate(y, seasonalPeriod, horizon, level);
        return ForecastBaselines.SeasonalNaive(y, seasonalPeriod, horizon, level, seasonalPeriod == 1 ? "Naive" : "SeasonalNaive");
    }

    internal static ForecastResult AutoCore(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, double level, EtsAutoRule rule)
    {
        if (y.Length < EtsSelection.MinimumLength || ForecastBaselines.IsConstant(y))
        {
            return ForecastBaselines.SeasonalNaive(y, 1, horizon, level, "Naive");
        }

        var fits = EtsSelection.FitAll(y, seasonalPeriod);
        if (fits.Count == 0)
        {
            return ForecastBaselines.SeasonalNaive(y, 1, horizon, level, "Naive");
        }

        var best = fits[0];
        foreach (var fit in fits)
        {
            if (fit.Aicc < best.Aicc)
            {
                best = fit;
            }
        }

        if (rule == EtsAutoRule.Selection)
        {
            return FromEts(best, horizon, level);
        }

        var mean = new double[horizon];
        var lower = new double[horizon];
        var upper = new double[horizon];
        fits.Sort((a, b) => a.Aicc.CompareTo(b.Aicc));
        var total = 0.0;
        foreach (var fit in fits)
        {
            total += Math.Exp(-0.5 * (fit.Aicc - best.Aicc));
        }

        var name = new System.Text.StringBuilder("AICc-weighted ETS:");
        var bestWeight = 1 / total;
        foreach (var fit in fits)
        {
            var w = Math.Exp(-0.5 * (fit.Aicc - best.Aicc)) / total;
            if (w < 1e-6)
            {
                continue;
            }

            if (w >= 0.01)
            {
                name.Append(System.Globalization.CultureInfo.InvariantCulture, $" {fit.Model.Name} {w:F2},");
            }

            var f = FromEts(fit, horizon, level);
            for (var h = 0; h < horizon; h++)
            {
                mean[h] += w * f.Mean[h];
                lower[h] += w * f.Lower[h];
                upper[h] += w * f.Upper[h];
            }
        }

        return new ForecastResult(bestWeight > 0.99 ? best.Model.Name : name.ToString().TrimEnd(','), mean, lower, upper, level);
    }

    internal static ForecastResult FromEts(EtsEstimate fit, int horizon, double level)
    {
        var mean = new double[horizon];
        var variance = new double[horizon];
        EtsPrediction.MeanAndVariance(fit, mean, variance);
        var z = ForecastBaselines.NormalQuantile(level);
        var lower = new double[horizon];
        var upper = new double[horizon];
        for (var h = 0; h < horizon; h++)
        {
            var half = z * Math.Sqrt(variance[h]);
            lower[h] = mean[h] - half;
            upper[h] = mean[h] + half;
        }

        return new ForecastResult(fit.Model.Name, mean, lower, upper, level);
    }

    internal static EtsEstimate FitChecked(ReadOnlySpan<double> y, int seasonalPeriod, EtsModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        if (model.Error == EtsError.Additive && model.Seasonal == EtsSeasonal.Multiplicative)
        {
            throw new ArgumentException($"{model.Name} is a forbidden combination (additive error with multiplicative seasonality).", nameof(model));
        }

        if (model.Seasonal != EtsSeasonal.None && (seasonalPeriod < 2 || seasonalPeriod > EtsSelection.MaximumSeasonalPeriod))
        {
            throw new ArgumentException($"A seasonal model needs a seasonal period between 2 and {EtsSelection.MaximumSeasonalPeriod}; got {seasonalPeriod}.", nameof(seasonalPeriod));
        }

        if (model.Error == EtsError.Multiplicative || model.Seasonal == EtsSeasonal.Multiplicative)
        {
            foreach (var v in y)
            {
                if (!(v > 0))
                {
                    throw new ArgumentException($"{model.Name} needs strictly positive data.", nameof(y));
                }
            }
        }

        CheckFixed(model.Alpha, 1e-4, 0.9999, nameof(model));
        CheckFixed(model.Beta, 1e-4, model.Alpha ?? 0.9999, nameof(model));
        CheckFixed(model.Gamma, 1e-4, 1 - (model.Alpha ?? 1e-4), nameof(model));
        CheckFixed(model.Phi, 0.8, 0.98, nameof(model));
        if (model.Seasonal != EtsSeasonal.None && y.Length <= seasonalPeriod)
        {
            throw new ArgumentException($"A seasonal model needs more than one season of data ({y.Length} ≤ {seasonalPeriod}).", nameof(y));
        }

        return EtsEstimation.Fit(y, seasonalPeriod, model)
            ?? throw new ArgumentException($"{model.Name} cannot be fitted to {y.Length} observations (too many parameters or no admissible starting point).", nameof(y));
    }

    private static void CheckFixed(double? value, double lower, double upper, string paramName)
    {
        if (value is { } v && !(v >= lower && v <= upper))
        {
            throw new ArgumentOutOfRangeException(paramName, v, $"A fixed smoothing parameter must lie in [{lower}, {upper}].");
        }
    }

    private static void Validate(ReadOnlySpan<double> y, int seasonalPeriod, int horizon, double level)
    {
        if (y.IsEmpty)
        {
            throw new ArgumentException("The series is empty.", nameof(y));
        }

        Guard.Finite(y, nameof(y));
        ArgumentOutOfRangeException.ThrowIfLessThan(seasonalPeriod, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(horizon, 1);
        Guard.OpenUnitInterval(level, nameof(level));
    }
}
