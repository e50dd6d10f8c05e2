namespace PerformanceAnalytics;

/// <summary>The denominator of a platform's engagement rate.</summary>
public enum EngagementRateBasis
{
    /// <summary>Interactions per view (YouTube, TikTok).</summary>
    Views,

    /// <summary>Interactions per account reached (Instagram).</summary>
    Reach,

    /// <summary>Interactions per impression (LinkedIn, X).</summary>
    Impressions,
}
