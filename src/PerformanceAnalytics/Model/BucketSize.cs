namespace PerformanceAnalytics.Model;

/// <summary>The width of the regular buckets a series is resampled to.</summary>
public enum BucketSize
{
    /// <summary>One hour.</summary>
    Hour,

    /// <summary>One calendar day in the configured time zone.</summary>
    Day,

    /// <summary>One calendar week (Monday to Sunday) in the configured time zone.</summary>
    Week,
}
