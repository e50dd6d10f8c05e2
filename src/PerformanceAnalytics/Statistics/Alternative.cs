namespace PerformanceAnalytics.Statistics;

/// <summary>The alternative hypothesis of a test, stated for treatment relative to control (or the estimate relative to zero).</summary>
public enum Alternative
{
    /// <summary>The effect differs from zero in either direction.</summary>
    TwoSided,

    /// <summary>The effect is greater than zero.</summary>
    Greater,

    /// <summary>The effect is less than zero.</summary>
    Less,
}
