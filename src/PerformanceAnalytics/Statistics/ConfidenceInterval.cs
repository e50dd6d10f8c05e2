namespace PerformanceAnalytics.Statistics;

/// <summary>A two-sided interval estimate; either bound may be infinite for a one-sided interval.</summary>
/// <param name="Lower">The lower bound (may be <see cref="double.NegativeInfinity"/>).</param>
/// <param name="Upper">The upper bound (may be <see cref="double.PositiveInfinity"/>).</param>
public readonly record struct ConfidenceInterval(double Lower, double Upper)
{
    /// <summary>Gets an interval whose bounds are both <see cref="double.NaN"/>, for results that are undefined.</summary>
    public static ConfidenceInterval Undefined => new(double.NaN, double.NaN);

    /// <summary>Gets a value indicating whether the interval excludes zero, the library's single significance rule.</summary>
    /// <value><see langword="true"/> when both bounds are strictly on the same side of zero; <see langword="false"/> when either is NaN.</value>
    public bool ExcludesZero => Lower > 0 || Upper < 0;

    /// <summary>Returns whether <paramref name="value"/> lies inside the closed interval.</summary>
    /// <param name="value">The value to test.</param>
    /// <returns><see langword="true"/> when <c>Lower ≤ value ≤ Upper</c>.</returns>
    public bool Contains(double value) => value >= Lower && value <= Upper;
}
