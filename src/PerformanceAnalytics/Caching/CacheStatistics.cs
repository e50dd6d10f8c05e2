namespace PerformanceAnalytics.Caching;

/// <summary>Hit and miss counts of the library's result cache since start.</summary>
/// <param name="Hits">Lookups answered from the cache.</param>
/// <param name="Misses">Lookups that had to compute.</param>
/// <param name="Entries">Entries held now.</param>
/// <param name="TimeToLive">How long an entry lives at most.</param>
public sealed record CacheStatistics(long Hits, long Misses, long Entries, TimeSpan TimeToLive)
{
    /// <summary>Gets the share of lookups answered from the cache, or <see cref="double.NaN"/> before the first lookup.</summary>
    public double HitRatio => Hits + Misses == 0 ? double.NaN : (double)Hits / (Hits + Misses);
}
