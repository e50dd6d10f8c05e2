using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;
using PerformanceAnalytics.Diagnostics;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Caching;

/// <summary>
/// The library's own <see cref="MemoryCache"/> (statistics on), with entries tied to the content and platform whose
/// data they were computed from, so that new data for either evicts them at once.
/// </summary>
internal sealed class AnalyticsCache : IDisposable
{
    private readonly MemoryCache _cache;
    private readonly ConcurrentDictionary<Scope, CancellationTokenSource> _scopes = new();
    private readonly TimeSpan _ttl;
    private readonly TimeProvider _timeProvider;
    private readonly PerformanceAnalyticsMetrics _metrics;
    private readonly ILogger _logger;

    public AnalyticsCache(
        IOptions<PerformanceAnalyticsOptions> options,
        TimeProvider timeProvider,
        PerformanceAnalyticsMetrics metrics,
        ILogger<AnalyticsCache>? logger = null)
    {
        _ttl = options.Value.CacheTtl;
        _timeProvider = timeProvider;
        _metrics = metrics;
        _logger = logger ?? NullLogger<AnalyticsCache>.Instance;
        _cache = new MemoryCache(new MemoryCacheOptions { TrackStatistics = true, Clock = new TimeProviderClock(timeProvider) });
    }

    public bool IsEnabled => _ttl > TimeSpan.Zero;

    /// <summary>Returns the cached value, or computes and caches it, tied to the given scopes.</summary>
    public async ValueTask<T> GetOrCreateAsync<T>(object key, IReadOnlyList<Scope> scopes, Func<CancellationToken, Task<T>> factory, CancellationToken cancellationToken)
    {
        if (!IsEnabled)
        {
            return await factory(cancellationToken).ConfigureAwait(false);
        }

        if (_cache.TryGetValue(key, out var cached) && cached is T hit)
        {
            _metrics.CacheLookups.Add(1, new KeyValuePair<string, object?>("result", "hit"));
            return hit;
        }

        _metrics.CacheLookups.Add(1, new KeyValuePair<string, object?>("result", "miss"));

        // Take the scope tokens before computing: data arriving during the computation evicts the result.
        var tokens = scopes.Select(s => new CancellationChangeToken(_scopes.GetOrAdd(s, static _ => new CancellationTokenSource()).Token)).ToArray();
        var value = await factory(cancellationToken).ConfigureAwait(false);
        using var entry = _cache.CreateEntry(key);
        entry.Value = value;
        entry.AbsoluteExpirationRelativeToNow = _ttl;
        foreach (var token in tokens)
        {
            entry.ExpirationTokens.Add(token);
        }

        return value;
    }

    /// <summary>Evicts every entry computed from data of this content or platform.</summary>
    public void Invalidate(string tenantId, string contentId, Platform platform)
    {
        Invalidate(Scope.ForContent(tenantId, contentId));
        Invalidate(Scope.ForPlatform(tenantId, platform));
    }

    /// <summary>Evicts every entry of a tenant (after retention deletes, for example).</summary>
    public void InvalidateTenant(string? tenantId)
    {
        foreach (var scope in _scopes.Keys)
        {
            if (tenantId is null || scope.TenantId == tenantId)
            {
                Invalidate(scope);
            }
        }
    }

    public CacheStatistics GetStatistics()
    {
        var statistics = _cache.GetCurrentStatistics();
        return new CacheStatistics(
            statistics?.TotalHits ?? 0,
            statistics?.TotalMisses ?? 0,
            statistics?.CurrentEntryCount ?? 0,
            _ttl);
    }

    public void Dispose()
    {
        _cache.Dispose();
        foreach (var source in _scopes.Values)
        {
            source.Dispose();
        }
    }

    private void Invalidate(Scope scope)
    {
        if (_scopes.TryRemove(scope, out var source))
        {
            source.Cancel();
            source.Dispose();
            if (_logger.IsEnabled(LogLevel.Trace))
            {
                Log.CacheInvalidated(_logger, scope.ToString());
            }
        }
    }

    /// <summary>What a cache entry depends on: one content item or one platform of a tenant.</summary>
    internal readonly record struct Scope(string TenantId, string Kind, string Key)
    {
        public static Scope ForContent(string tenantId, string contentId) => new(tenantId, "content", contentId);

        public static Scope ForPlatform(string tenantId, Platform platform) => new(tenantId, "platform", platform.Key);

        public static Scope ForTenant(string tenantId) => new(tenantId, "tenant", string.Empty);
    }

    private sealed class TimeProviderClock(TimeProvider timeProvider) : Microsoft.Extensions.Internal.ISystemClock
    {
        public DateTimeOffset UtcNow => timeProvider.GetUtcNow();
    }
}
