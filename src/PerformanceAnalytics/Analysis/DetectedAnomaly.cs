namespace PerformanceAnalytics.Analysis;

/// <summary>An anomalous bucket of a series.</summary>
/// <param name="BucketStart">The start of the bucket (a day in the configured time zone).</param>
/// <param name="Value">The bucket's value.</param>
/// <param name="Score">Its score; positive above the centre, negative below.</param>
public sealed record DetectedAnomaly(DateTimeOffset BucketStart, double Value, double Score);
