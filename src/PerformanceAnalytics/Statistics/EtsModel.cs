using System.Globalization;

namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Specification of an exponential-smoothing state-space model ETS(error, trend, season)
/// (Hyndman, Koehler, Snyder and Grose 2002; Hyndman, Koehler, Ord and Snyder 2008, "Forecasting with
/// Exponential Smoothing", Springer), optionally with some smoothing parameters held fixed.
/// </summary>
/// <param name="Error">Additive or multiplicative errors.</param>
/// <param name="Trend">No trend, additive trend or damped additive trend.</param>
/// <param name="Seasonal">No, additive or multiplicative seasonality.</param>
/// <remarks>
/// <para>
/// Parameters follow R's <c>forecast::ets</c> parameterisation: level smoothing α, trend smoothing β
/// (error-correction form, β ≤ α), seasonal smoothing γ (γ ≤ 1 − α) and damping φ. A parameter left
/// <see langword="null"/> is estimated by maximum likelihood; a value fixes it.
/// </para>
/// <para>
/// The combinations R refuses under <c>restrict = TRUE</c> are rejected by the fitting methods:
/// additive errors with multiplicative seasonality (an unstable model whose likelihood is not defined
/// for all parameter values). Multiplicative trends are not offered.
/// </para>
/// </remarks>
public sealed record EtsModel(EtsError Error, EtsTrend Trend, EtsSeasonal Seasonal)
{
    /// <summary>Gets the fixed level smoothing parameter α, or <see langword="null"/> to estimate it.</summary>
    /// <value>Default <see langword="null"/>.</value>
    public double? Alpha { get; init; }

    /// <summary>Gets the fixed trend smoothing parameter β, or <see langword="null"/> to estimate it (ignored without a trend).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public double? Beta { get; init; }

    /// <summary>Gets the fixed seasonal smoothing parameter γ, or <see langword="null"/> to estimate it (ignored without seasonality).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public double? Gamma { get; init; }

    /// <summary>Gets the fixed damping parameter φ, or <see langword="null"/> to estimate it (used by damped trends only).</summary>
    /// <value>Default <see langword="null"/>.</value>
    public double? Phi { get; init; }

    /// <summary>Gets the model's name in the usual notation, e.g. <c>ETS(M,Ad,M)</c>.</summary>
    public string Name => string.Create(
        CultureInfo.InvariantCulture,
        $"ETS({(Error == EtsError.Additive ? "A" : "M")},{Trend switch { EtsTrend.None => "N", EtsTrend.Additive => "A", _ => "Ad" }},{Seasonal switch { EtsSeasonal.None => "N", EtsSeasonal.Additive => "A", _ => "M" }})");

    /// <summary>Parses a model code such as <c>"MAM"</c>, <c>"AAdN"</c> or <c>"ETS(A,Ad,A)"</c>.</summary>
    /// <param name="code">Error letter (A/M), trend (N/A/Ad) and season (N/A/M), optionally in the <c>ETS(…)</c> form.</param>
    /// <returns>The model with every parameter to be estimated.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="code"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="code"/> is not a valid model code.</exception>
    public static EtsModel Parse(string code)
    {
        ArgumentNullException.ThrowIfNull(code);
        var s = code.Replace("ETS(", string.Empty, StringComparison.OrdinalIgnoreCase)
            .Replace(")", string.Empty, StringComparison.Ordinal)
            .Replace(",", string.Empty, StringComparison.Ordinal)
            .Trim()
            .ToUpperInvariant();
        var damped = s.Length == 4 && s[2] == 'D';
        if (!(s.Length == 3 || damped))
        {
            throw new ArgumentException($"'{code}' is not a model code such as \"MAM\" or \"AAdN\".", nameof(code));
        }

        var error = s[0] switch
        {
            'A' => EtsError.Additive,
            'M' => EtsError.Multiplicative,
            _ => throw new ArgumentException($"Unknown error type in '{code}'.", nameof(code)),
        };
        var trend = s[1] switch
        {
            'N' when !damped => EtsTrend.None,
            'A' => damped ? EtsTrend.AdditiveDamped : EtsTrend.Additive,
            _ => throw new ArgumentException($"Unknown or unsupported trend type in '{code}'.", nameof(code)),
        };
        var seasonal = s[^1] switch
        {
            'N' => EtsSeasonal.None,
            'A' => EtsSeasonal.Additive,
            'M' => EtsSeasonal.Multiplicative,
            _ => throw new ArgumentException($"Unknown season type in '{code}'.", nameof(code)),
        };
        return new EtsModel(error, trend, seasonal);
    }
}
