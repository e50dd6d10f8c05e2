using PerformanceAnalytics.Caching;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics;

/// <summary>The health of the store, the cache statistics and the configuration in force.</summary>
/// <param name="CheckedAt">When the status was taken.</param>
/// <param name="Store">The store's health probe.</param>
/// <param name="Cache">The result cache's hit and miss counts.</param>
/// <param name="Configuration">The settings in force.</param>
public sealed record SystemStatus(DateTimeOffset CheckedAt, StoreHealth Store, CacheStatistics Cache, ConfigurationSummary Configuration)
{
    /// <summary>Gets a value indicating whether everything is healthy.</summary>
    public bool IsHealthy => Store.IsHealthy;
}
