namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Settings of the STL decomposition (<see cref="Seasonality.Stl(ReadOnlySpan{double}, int, StlOptions?)"/>).
/// The defaults are those of statsmodels 0.13 <c>STL(endog, period)</c> and <c>STL.fit()</c>.
/// </summary>
/// <remarks>
/// <para>
/// The settings are checked when <see cref="Seasonality.Stl(ReadOnlySpan{double}, int, StlOptions?)"/> runs:
/// window lengths must be odd and at least 3, degrees 0 or 1, jumps at least 1, inner iterations at least 1
/// and outer iterations at least 0. Unlike statsmodels, a trend or low-pass window that does not exceed the
/// period is accepted (the original Fortran accepts it too), so that R's defaults, e.g. a low-pass window
/// equal to an odd period, can be reproduced.
/// </para>
/// <para>
/// R's <c>stl(x, s.window = "periodic", robust = TRUE)</c> corresponds to <see cref="Seasonal"/> = 10·n + 1,
/// <see cref="SeasonalDegree"/> = 0, <see cref="Trend"/> = the next odd integer ≥ ⌈1.5·p / (1 − 1.5 / Seasonal)⌉,
/// <see cref="LowPass"/> = the next odd integer ≥ p, jumps ⌈window / 10⌉ for each smoother, <see cref="Robust"/> =
/// <see langword="true"/>, <see cref="InnerIterations"/> = 1 and <see cref="OuterIterations"/> = 15
/// (<see cref="Seasonality.RPeriodicStlOptions"/> builds them); R then replaces the seasonal component by its mean
/// over each position of the cycle (<see cref="Seasonality.StlPeriodic"/> does both).
/// </para>
/// </remarks>
public sealed class StlOptions
{
    /// <summary>Gets or sets the length of the seasonal smoother (odd, ≥ 3).</summary>
    /// <value>7 (statsmodels).</value>
    public int Seasonal { get; set; } = 7;

    /// <summary>Gets or sets the length of the trend smoother (odd, ≥ 3).</summary>
    /// <value>
    /// <see langword="null"/>: the smallest odd integer ≥ ⌈1.5·period / (1 − 1.5 / <see cref="Seasonal"/>)⌉
    /// (Cleveland et al. 1990, §3.5; statsmodels).
    /// </value>
    public int? Trend { get; set; }

    /// <summary>Gets or sets the length of the low-pass filter's LOESS smoother (odd, ≥ 3).</summary>
    /// <value><see langword="null"/>: the smallest odd integer greater than the period (statsmodels).</value>
    public int? LowPass { get; set; }

    /// <summary>Gets or sets the degree of the seasonal LOESS (0 constant, 1 linear).</summary>
    /// <value>1.</value>
    public int SeasonalDegree { get; set; } = 1;

    /// <summary>Gets or sets the degree of the trend LOESS (0 constant, 1 linear).</summary>
    /// <value>1.</value>
    public int TrendDegree { get; set; } = 1;

    /// <summary>Gets or sets the degree of the low-pass LOESS (0 constant, 1 linear).</summary>
    /// <value>1.</value>
    public int LowPassDegree { get; set; } = 1;

    /// <summary>Gets or sets the step of the seasonal smoother: it is evaluated every this many points of each
    /// cycle-subseries and interpolated linearly in between.</summary>
    /// <value>1 (evaluated everywhere).</value>
    public int SeasonalJump { get; set; } = 1;

    /// <summary>Gets or sets the step of the trend smoother.</summary>
    /// <value>1 (evaluated everywhere).</value>
    public int TrendJump { get; set; } = 1;

    /// <summary>Gets or sets the step of the low-pass smoother.</summary>
    /// <value>1 (evaluated everywhere).</value>
    public int LowPassJump { get; set; } = 1;

    /// <summary>Gets or sets a value indicating whether robustness weights (bisquare of the residual over six
    /// times its median absolute value) down-weight outliers in outer iterations.</summary>
    /// <value><see langword="false"/>.</value>
    public bool Robust { get; set; }

    /// <summary>Gets or sets the number of passes of the inner (seasonal–trend) loop per outer iteration (≥ 1).</summary>
    /// <value><see langword="null"/>: 5 when not robust, 2 when robust (statsmodels <c>STL.fit</c>).</value>
    public int? InnerIterations { get; set; }

    /// <summary>Gets or sets the number of robustness iterations (≥ 0).</summary>
    /// <value><see langword="null"/>: 0 when not robust, 15 when robust (statsmodels <c>STL.fit</c>).</value>
    public int? OuterIterations { get; set; }
}
