using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Caching;
using PerformanceAnalytics.Diagnostics;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics;

/// <summary>The facade: validates, routes to the analyzers, caches. No statistics here.</summary>
internal sealed class PerformanceAnalyticsManager(
    IEngagementTracker tracker,
    IEngagementStore store,
    AnalyticsCache cache,
    IOptions<PerformanceAnalyticsOptions> options,
    TimeProvider timeProvider,
    ILogger<PerformanceAnalyticsManager>? logger = null) : IPerformanceAnalyticsManager
{
    private readonly ILogger _logger = logger ?? NullLogger<PerformanceAnalyticsManager>.Instance;

    public ValueTask<TrackingResult> TrackContentPerformanceAsync(TrackingRequest request, CancellationToken cancellationToken = default)
        => tracker.TrackAsync(request, cancellationToken);

    public ValueTask<BatchTrackingResult> TrackBatchAsync(IReadOnlyList<TrackingRequest> requests, BatchMode mode = BatchMode.BestEffort, CancellationToken cancellationToken = default)
        => tracker.TrackBatchAsync(requests, mode, cancellationToken);

    public ValueTask<EngagementSummary?> GetEngagementSummaryAsync(ContentSummaryQuery query, CancellationToken cancellationToken = default)
        => tracker.GetSummaryAsync(query, cancellationToken);

    public ValueTask<PlatformMetrics> GetPlatformMetricsAsync(PlatformMetricsQuery query, CancellationToken cancellationToken = default)
        => tracker.GetPlatformMetricsAsync(query, cancellationToken);

    public ValueTask<AnomalyReport> DetectAnomaliesAsync(AnomalyQuery query, CancellationToken cancellationToken = default)
        => tracker.DetectAnomaliesAsync(query, cancellationToken);

    public async ValueTask<ContentComparison> CompareContentPerformanceAsync(ContentComparisonQuery query, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (query.ContentIds is null || query.ContentIds.Count < 2)
        {
            throw new ArgumentException("ContentIds: a comparison needs at least two content ids.", nameof(query));
        }

        if (query.ContentIds.Any(string.IsNullOrWhiteSpace))
        {
            throw new ArgumentException("ContentIds: an id is empty.", nameof(query));
        }

        if (query.Metrics is null || query.Metrics.Count == 0)
        {
            throw new ArgumentException("Metrics: at least one metric is required.", nameof(query));
        }

        var ids = query.ContentIds.Distinct(StringComparer.Ordinal).ToArray();
        var summaries = new List<EngagementSummary>();
        var notFound = new List<string>();
        foreach (var id in ids)
        {
            var summary = await tracker.GetSummaryAsync(
                new ContentSummaryQuery(id) { Timeframe = query.Timeframe, TenantId = query.TenantId }, cancellationToken).ConfigureAwait(false);
            if (summary is null)
            {
                notFound.Add(id);
            }
            else
            {
                summaries.Add(summary);
            }
        }

        var periodValues = summaries.Select(s => query.Metrics.Select(m => s.Activity.FirstOrDefault(a => a.Metric == m)?.Current ?? double.NaN).ToArray()).ToArray();
        var rows = new List<ContentComparisonRow>(summaries.Count);
        for (var r = 0; r < summaries.Count; r++)
        {
            var compared = new List<ComparedMetric>(query.Metrics.Count);
            for (var m = 0; m < query.Metrics.Count; m++)
            {
                var value = periodValues[r][m];
                var rank = 1 + periodValues.Count(other => Better(other[m], value));
                compared.Add(new ComparedMetric(query.Metrics[m], summaries[r].Latest[query.Metrics[m]], value, rank));
            }

            rows.Add(new ContentComparisonRow(summaries[r].ContentId, summaries[r].Platform, compared, summaries[r].EngagementRate));
        }

        var range = summaries.Count > 0 ? summaries[0].Range : query.Timeframe.Resolve(timeProvider.GetUtcNow());
        return new ContentComparison(range, rows, notFound);
    }

    public async ValueTask<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken = default)
    {
        var health = await store.CheckHealthAsync(cancellationToken).ConfigureAwait(false);
        var o = options.Value;
        var configuration = new ConfigurationSummary(
            store.GetType().Name,
            o.TimeZone,
            o.CacheTtl,
            o.MinimumDataPoints,
            o.SignificanceLevel,
            o.RetentionDays,
            o.MaxBatchSize,
            [.. o.Platforms.Keys.Select(k => Platform.TryParse(k, out var p) ? p.Key : k).Order(StringComparer.Ordinal)]);
        return new SystemStatus(timeProvider.GetUtcNow(), health, cache.GetStatistics(), configuration);
    }

    public ValueTask<RetentionResult> CleanupOldDataAsync(CancellationToken cancellationToken = default)
        => DeleteDataOlderThanAsync(TimeSpan.FromDays(options.Value.RetentionDays), null, cancellationToken);

    public async ValueTask<RetentionResult> DeleteDataOlderThanAsync(TimeSpan retention, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(retention, TimeSpan.Zero);
        var cutoff = timeProvider.GetUtcNow() - retention;
        var result = await store.DeleteOlderThanAsync(cutoff, tenantId, cancellationToken).ConfigureAwait(false);
        cache.InvalidateTenant(tenantId);
        Log.Cleanup(_logger, cutoff, result.SnapshotsDeleted, result.AnalysisRecordsDeleted);
        return result;
    }

    private static bool Better(double other, double value)
        => !double.IsNaN(other) && (double.IsNaN(value) || other > value);
}
