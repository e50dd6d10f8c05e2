using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>How an engagement rate was computed, kept beside the number.</summary>
/// <param name="Interactions">The interaction metrics summed in the numerator.</param>
/// <param name="Basis">The denominator metric.</param>
/// <param name="Aggregation">How observations were combined, for example <c>"ratio of totals"</c>.</param>
public sealed record EngagementRateFormula(IReadOnlyList<Metric> Interactions, Metric Basis, string Aggregation)
{
    /// <summary>Gets the interaction metrics of the derived engagement rate: likes, comments, shares and saves.</summary>
    public static IReadOnlyList<Metric> DefaultInteractions { get; } = [Metric.Likes, Metric.Comments, Metric.Shares, Metric.Saves];

    /// <summary>Returns the formula as text, for example <c>(likes + comments) / views, ratio of totals</c>.</summary>
    /// <returns>The text.</returns>
    public override string ToString() => $"({string.Join(" + ", Interactions.Select(m => m.Name))}) / {Basis.Name}, {Aggregation}";

    /// <summary>Computes the rate from metric values, using the interaction metrics present.</summary>
    /// <param name="values">The values.</param>
    /// <param name="basis">The denominator metric.</param>
    /// <param name="aggregation">How <paramref name="values"/> were aggregated.</param>
    /// <returns>The rate and its formula, or <see langword="null"/> when the basis is absent or zero, or no interaction metric is present.</returns>
    public static EngagementRate? Compute(MetricValues values, Metric basis, string aggregation)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (!values.TryGetValue(basis, out var denominator) || denominator <= 0)
        {
            return null;
        }

        var used = new List<Metric>(4);
        var interactions = 0.0;
        foreach (var metric in DefaultInteractions)
        {
            if (values.TryGetValue(metric, out var v))
            {
                interactions += v;
                used.Add(metric);
            }
        }

        return used.Count == 0 ? null : new EngagementRate(interactions / denominator, new EngagementRateFormula(used, basis, aggregation));
    }
}
