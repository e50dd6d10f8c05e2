using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics;

/// <summary>
/// The single entry point of PerformanceAnalytics: tracking, summaries, platform metrics, anomalies, comparisons,
/// system status and cleanup.
/// </summary>
/// <remarks>
/// Register it with <c>services.AddPerformanceAnalytics()</c>. It is a thread-safe singleton; it validates input,
/// routes to the analyzers and caches results. Every failure of input names the field and the problem.
/// </remarks>
public interface IPerformanceAnalyticsManager
{
    /// <summary>Tracks one observation of a content item.</summary>
    /// <param name="request">The observation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot, or the note that its id was already stored.</returns>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field and the problem.</exception>
    ValueTask<TrackingResult> TrackContentPerformanceAsync(TrackingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Tracks a batch of observations.</summary>
    /// <param name="requests">The observations.</param>
    /// <param name="mode">Whether valid items are stored when others are invalid.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Counts, ids and per-item errors.</returns>
    /// <exception cref="ArgumentException">The batch exceeds <see cref="PerformanceAnalyticsOptions.MaxBatchSize"/>.</exception>
    ValueTask<BatchTrackingResult> TrackBatchAsync(IReadOnlyList<TrackingRequest> requests, BatchMode mode = BatchMode.BestEffort, CancellationToken cancellationToken = default);

    /// <summary>Summarises a content item (the original design's real-time metrics).</summary>
    /// <param name="query">The content item and period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The summary, or <see langword="null"/> when the item has never been observed.</returns>
    ValueTask<EngagementSummary?> GetEngagementSummaryAsync(ContentSummaryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Aggregates a platform over a period against the previous one.</summary>
    /// <param name="query">The platform and period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The metrics with percent changes.</returns>
    ValueTask<PlatformMetrics> GetPlatformMetricsAsync(PlatformMetricsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Finds anomalous days in a content item's series.</summary>
    /// <param name="query">The content item, metric, period and method.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The anomalies.</returns>
    ValueTask<AnomalyReport> DetectAnomaliesAsync(AnomalyQuery query, CancellationToken cancellationToken = default);

    /// <summary>Compares content items on tracked metrics.</summary>
    /// <param name="query">The items, metrics and period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>One row per item with ranks per metric.</returns>
    /// <exception cref="ArgumentException">Fewer than two ids, no metric, or an empty id.</exception>
    ValueTask<ContentComparison> CompareContentPerformanceAsync(ContentComparisonQuery query, CancellationToken cancellationToken = default);

    /// <summary>Reports the store's health, the cache statistics and the configuration.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The status.</returns>
    ValueTask<SystemStatus> GetSystemStatusAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes data older than <see cref="PerformanceAnalyticsOptions.RetentionDays"/>, for every tenant.</summary>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was deleted.</returns>
    ValueTask<RetentionResult> CleanupOldDataAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes data older than a retention period.</summary>
    /// <param name="retention">How much history to keep; positive.</param>
    /// <param name="tenantId">Only this tenant's data, or every tenant's when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>What was deleted.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="retention"/> is not positive.</exception>
    ValueTask<RetentionResult> DeleteDataOlderThanAsync(TimeSpan retention, string? tenantId = null, CancellationToken cancellationToken = default);
}
