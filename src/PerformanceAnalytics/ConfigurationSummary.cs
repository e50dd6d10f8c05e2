namespace PerformanceAnalytics;

/// <summary>The settings in force, for status pages.</summary>
/// <param name="StoreType">The store's type name.</param>
/// <param name="TimeZone">The time zone of days and weeks.</param>
/// <param name="CacheTtl">How long results stay cached.</param>
/// <param name="MinimumDataPoints">The least data an analysis accepts.</param>
/// <param name="SignificanceLevel">The significance level α.</param>
/// <param name="RetentionDays">How long data is kept.</param>
/// <param name="MaxBatchSize">The largest batch.</param>
/// <param name="Platforms">The configured platform keys.</param>
public sealed record ConfigurationSummary(
    string StoreType,
    string TimeZone,
    TimeSpan CacheTtl,
    int MinimumDataPoints,
    double SignificanceLevel,
    int RetentionDays,
    int MaxBatchSize,
    IReadOnlyList<string> Platforms);
