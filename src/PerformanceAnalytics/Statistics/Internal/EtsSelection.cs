namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>How the automatic forecast turns the fitted ETS candidates into one forecast.</summary>
internal enum EtsAutoRule
{
    /// <summary>The candidate with the smallest AICc (R's <c>ets()</c>).</summary>
    Selection,

    /// <summary>Akaike-weight average of all candidates (weights ∝ exp(−ΔAICc/2); Kolassa 2011).</summary>
    AkaikeWeights,
}

/// <summary>Candidate enumeration and fitting for the automatic ETS forecast.</summary>
internal static class EtsSelection
{
    /// <summary>Seasonal periods above this are not modelled seasonally (as R's <c>ets</c>).</summary>
    public const int MaximumSeasonalPeriod = 24;

    /// <summary>Shortest series for which models are fitted; shorter ones get the naive forecast.</summary>
    public const int MinimumLength = 7;

    /// <summary>
    /// The models R's <c>ets(y)</c> considers with its defaults: errors A and M (M only for positive data),
    /// trends N, A, Ad, seasons N, A, M (seasonal only for 2 ≤ m ≤ 24 and n > m; M only for positive data),
    /// without the combinations R forbids under <c>restrict = TRUE</c> (A error with M season).
    /// </summary>
    public static List<EtsModel> Candidates(ReadOnlySpan<double> y, int period)
    {
        var positive = true;
        foreach (var v in y)
        {
            if (!(v > 0))
            {
                positive = false;
                break;
            }
        }

        var seasonal = period > 1 && period <= MaximumSeasonalPeriod && y.Length > period;
        var list = new List<EtsModel>(15);
        foreach (var error in new[] { EtsError.Additive, EtsError.Multiplicative })
        {
            if (error == EtsError.Multiplicative && !positive)
            {
                continue;
            }

            foreach (var trend in new[] { EtsTrend.None, EtsTrend.Additive, EtsTrend.AdditiveDamped })
            {
                foreach (var season in new[] { EtsSeasonal.None, EtsSeasonal.Additive, EtsSeasonal.Multiplicative })
                {
                    if (season != EtsSeasonal.None && !seasonal)
                    {
                        continue;
                    }

                    if (season == EtsSeasonal.Multiplicative && (error == EtsError.Additive || !positive))
                    {
                        continue;
                    }

                    list.Add(new EtsModel(error, trend, season));
                }
            }
        }

        return list;
    }

    /// <summary>
    /// Fits every candidate; returns the successful fits (possibly none) in candidate order.
    /// </summary>
    /// <remarks>
    /// The candidates are independent, so they are fitted in parallel on the thread pool (two cores halve the time
    /// of a two-year daily series). Each fit is deterministic and the results keep the
    /// candidate order, so the outcome does not depend on scheduling.
    /// </remarks>
    public static List<EtsEstimate> FitAll(ReadOnlySpan<double> y, int period)
    {
        var candidates = Candidates(y, period);
        var results = new EtsEstimate?[candidates.Count];
        if (candidates.Count < 2)
        {
            for (var i = 0; i < candidates.Count; i++)
            {
                results[i] = EtsEstimation.Fit(y, period, candidates[i]);
            }
        }
        else
        {
            var series = y.ToArray();
            Parallel.For(0, candidates.Count, i => results[i] = EtsEstimation.Fit(series, period, candidates[i]));
        }

        var fits = new List<EtsEstimate>(candidates.Count);
        foreach (var fit in results)
        {
            if (fit is not null && !double.IsNaN(fit.Aicc) && fit.Aicc < double.PositiveInfinity)
            {
                fits.Add(fit);
            }
        }

        return fits;
    }
}
