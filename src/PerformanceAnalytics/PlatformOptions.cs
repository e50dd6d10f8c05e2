using System.ComponentModel.DataAnnotations;

namespace PerformanceAnalytics;

/// <summary>Settings of one platform.</summary>
public sealed class PlatformOptions
{
    /// <summary>Gets or sets the denominator of the derived engagement rate.</summary>
    /// <value>Views for YouTube and TikTok, reach for Instagram, impressions for LinkedIn and X; views for other platforms.</value>
    public EngagementRateBasis EngagementRateBasis { get; set; } = EngagementRateBasis.Views;

    /// <summary>Gets or sets how often the host polls the platform's API; used to judge whether data is stale.</summary>
    /// <value>One hour by default.</value>
    [Range(typeof(TimeSpan), "00:01:00", "7.00:00:00")]
    public TimeSpan UpdateFrequency { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Gets or sets a benchmark engagement rate (a ratio, 0.05 = 5 %) to compare content against.</summary>
    /// <value><see langword="null"/> by default: the library ships no benchmark figure of its own.</value>
    /// <remarks>Set <see cref="BenchmarkSource"/> too, so every comparison can say where the figure comes from.</remarks>
    [Range(0.0, 1.0)]
    public double? BenchmarkEngagementRate { get; set; }

    /// <summary>Gets or sets where <see cref="BenchmarkEngagementRate"/> comes from (a report, a year, a sample).</summary>
    /// <value><see langword="null"/> by default.</value>
    [MaxLength(512)]
    public string? BenchmarkSource { get; set; }
}
