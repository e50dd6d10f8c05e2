namespace PerformanceAnalytics.Statistics;

/// <summary>Adjusts p-values for multiple comparisons (reference: statsmodels <c>multipletests</c>).</summary>
public static class MultipleTesting
{
    /// <summary>Adjusts a family of p-values.</summary>
    /// <param name="pValues">The raw p-values, each in [0, 1].</param>
    /// <param name="method">The adjustment.</param>
    /// <returns>A new array of adjusted p-values in the input order, each in [0, 1]; empty for empty input.</returns>
    /// <remarks>
    /// With p₍₁₎ ≤ … ≤ p₍ₘ₎ the sorted p-values: Holm gives p̃₍ᵢ₎ = min(1, max_{j≤i} (m − j + 1) p₍ⱼ₎) (Holm 1979);
    /// Benjamini–Hochberg gives p̃₍ᵢ₎ = min(1, min_{j≥i} m p₍ⱼ₎ / j) (Benjamini &amp; Hochberg 1995). Both equal
    /// statsmodels' <c>multipletests(p, method="holm" | "fdr_bh")[1]</c>. Ties are ordered stably.
    /// </remarks>
    /// <exception cref="ArgumentOutOfRangeException">A p-value is NaN or outside [0, 1], or <paramref name="method"/> is undefined.</exception>
    public static double[] Adjust(ReadOnlySpan<double> pValues, PValueAdjustment method)
    {
        if (method is not (PValueAdjustment.Holm or PValueAdjustment.BenjaminiHochberg))
        {
            throw new ArgumentOutOfRangeException(nameof(method), method, "Unknown adjustment.");
        }

        var m = pValues.Length;
        var keys = new double[m];
        var order = new int[m];
        for (var i = 0; i < m; i++)
        {
            var p = pValues[i];
            if (!(p >= 0 && p <= 1))
            {
                throw new ArgumentOutOfRangeException(nameof(pValues), p, $"p-value {i} must lie in [0, 1].");
            }

            keys[i] = p;
            order[i] = i;
        }

        // Ascending order with the index as tie-breaker; tied p-values receive equal adjustments either way.
        Array.Sort(order, (a, b) => keys[a] != keys[b] ? keys[a].CompareTo(keys[b]) : a.CompareTo(b));
        var adjusted = new double[m];
        if (method == PValueAdjustment.Holm)
        {
            var running = 0.0;
            for (var i = 0; i < m; i++)
            {
                running = Math.Max(running, Math.Min(1.0, (m - i) * keys[order[i]]));
                adjusted[order[i]] = running;
            }
        }
        else
        {
            var running = 1.0;
            for (var i = m - 1; i >= 0; i--)
            {
                // p / ((i + 1)/m) as statsmodels: the divisor is at most 1, so the result never rounds below p.
                running = Math.Min(running, keys[order[i]] / ((i + 1.0) / m));
                adjusted[order[i]] = running;
            }
        }

        return adjusted;
    }
}
