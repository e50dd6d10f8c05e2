using System.ComponentModel.DataAnnotations;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics;

/// <summary>
/// Settings of PerformanceAnalytics, bound from the configuration section <see cref="SectionName"/> and validated at start.
/// </summary>
public sealed class PerformanceAnalyticsOptions
{
    /// <summary>The configuration section the options bind from.</summary>
    public const string SectionName = "PerformanceAnalytics";

    /// <summary>Gets or sets how long computed results stay cached.</summary>
    /// <value>Five minutes by default. Zero turns caching off.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CacheTtl { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the number of data points below which an analysis reports insufficient data.</summary>
    /// <value>10 by default.</value>
    [Range(3, 10_000)]
    public int MinimumDataPoints { get; set; } = 10;

    /// <summary>Gets or sets the significance level α of tests and the complement of confidence levels.</summary>
    /// <value>0.05 by default.</value>
    [Range(1e-6, 0.5)]
    public double SignificanceLevel { get; set; } = 0.05;

    /// <summary>Gets or sets the performance score (0–10) below which content counts as under-performing.</summary>
    /// <value>3.0 by default.</value>
    [Range(0.0, 10.0)]
    public double LowPerformanceThreshold { get; set; } = 3.0;

    /// <summary>Gets or sets the performance score (0–10) above which content counts as high-performing.</summary>
    /// <value>7.0 by default. Must exceed <see cref="LowPerformanceThreshold"/>.</value>
    [Range(0.0, 10.0)]
    public double HighPerformanceThreshold { get; set; } = 7.0;

    /// <summary>Gets or sets how many days of snapshots and results cleanup keeps.</summary>
    /// <value>365 by default.</value>
    [Range(1, 36_500)]
    public int RetentionDays { get; set; } = 365;

    /// <summary>Gets or sets the largest batch a single call may track.</summary>
    /// <value>10,000 by default.</value>
    [Range(1, 1_000_000)]
    public int MaxBatchSize { get; set; } = 10_000;

    /// <summary>Gets or sets the most metadata entries one snapshot may carry.</summary>
    /// <value>32 by default.</value>
    [Range(0, 1_000)]
    public int MaxMetadataEntries { get; set; } = 32;

    /// <summary>Gets or sets the longest metadata key plus value, in characters.</summary>
    /// <value>2,048 by default.</value>
    [Range(16, 1_000_000)]
    public int MaxMetadataEntryLength { get; set; } = 2_048;

    /// <summary>Gets or sets how far in the future a snapshot's timestamp may lie (clock skew between hosts).</summary>
    /// <value>Five minutes by default.</value>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan MaxClockSkew { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>Gets or sets the IANA or Windows id of the time zone whose calendar defines days and weeks.</summary>
    /// <value><c>"UTC"</c> by default.</value>
    [Required]
    public string TimeZone { get; set; } = "UTC";

    /// <summary>Gets the per-platform settings, keyed by platform name (see <see cref="Platform.Parse(string)"/>).</summary>
    /// <value>The five built-in platforms with their engagement-rate bases. Add a key to support another platform.</value>
    public IDictionary<string, PlatformOptions> Platforms { get; } = DefaultPlatforms();

    /// <summary>Applies the defaults of an environment, as the original design's <c>get_config_for_environment</c> did.</summary>
    /// <param name="environmentName">
    /// <c>"Development"</c> (short cache, small minimum sample, short retention) or <c>"Production"</c> (longer cache,
    /// stricter minimum sample, a year's retention); case-insensitive.
    /// </param>
    /// <returns>This instance.</returns>
    /// <exception cref="ArgumentException"><paramref name="environmentName"/> is neither.</exception>
    public PerformanceAnalyticsOptions ApplyEnvironmentDefaults(string environmentName)
    {
        ArgumentNullException.ThrowIfNull(environmentName);
        if (environmentName.Equals("Development", StringComparison.OrdinalIgnoreCase))
        {
            CacheTtl = TimeSpan.FromSeconds(30);
            MinimumDataPoints = 5;
            RetentionDays = 30;
            MaxClockSkew = TimeSpan.FromMinutes(30);
        }
        else if (environmentName.Equals("Production", StringComparison.OrdinalIgnoreCase))
        {
            CacheTtl = TimeSpan.FromMinutes(10);
            MinimumDataPoints = 14;
            RetentionDays = 365;
            MaxClockSkew = TimeSpan.FromMinutes(5);
        }
        else
        {
            throw new ArgumentException($"Unknown environment '{environmentName}'; use \"Development\" or \"Production\".", nameof(environmentName));
        }

        return this;
    }

    /// <summary>Returns the settings of a platform, or <see langword="null"/> when it is not configured.</summary>
    /// <param name="platform">The platform.</param>
    /// <returns>The settings.</returns>
    public PlatformOptions? GetPlatformOptions(Platform platform)
    {
        foreach (var (key, value) in Platforms)
        {
            if (Platform.TryParse(key, out var configured) && configured == platform)
            {
                return value;
            }
        }

        return null;
    }

    private static Dictionary<string, PlatformOptions> DefaultPlatforms() => new(StringComparer.OrdinalIgnoreCase)
    {
        ["youtube"] = new() { EngagementRateBasis = EngagementRateBasis.Views, UpdateFrequency = TimeSpan.FromHours(1) },
        ["tiktok"] = new() { EngagementRateBasis = EngagementRateBasis.Views, UpdateFrequency = TimeSpan.FromMinutes(30) },
        ["instagram"] = new() { EngagementRateBasis = EngagementRateBasis.Reach, UpdateFrequency = TimeSpan.FromHours(1) },
        ["linkedin"] = new() { EngagementRateBasis = EngagementRateBasis.Impressions, UpdateFrequency = TimeSpan.FromHours(4) },
        ["x"] = new() { EngagementRateBasis = EngagementRateBasis.Impressions, UpdateFrequency = TimeSpan.FromMinutes(30) },
    };
}
