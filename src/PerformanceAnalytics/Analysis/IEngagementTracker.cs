namespace PerformanceAnalytics.Analysis;

/// <summary>Tracks engagement snapshots and reads what they say about content and platforms.</summary>
public interface IEngagementTracker
{
    /// <summary>Validates and stores one snapshot.</summary>
    /// <param name="request">The observation.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The stored snapshot, or the note that its id was already stored.</returns>
    /// <exception cref="ArgumentException">The request is invalid; the message names the field and the problem.</exception>
    ValueTask<TrackingResult> TrackAsync(TrackingRequest request, CancellationToken cancellationToken = default);

    /// <summary>Validates and stores a batch.</summary>
    /// <param name="requests">The observations.</param>
    /// <param name="mode">Whether valid items are stored when others are invalid.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>Counts, ids and the errors of the rejected items.</returns>
    /// <exception cref="ArgumentException">The batch is larger than <see cref="PerformanceAnalyticsOptions.MaxBatchSize"/>.</exception>
    ValueTask<BatchTrackingResult> TrackBatchAsync(IReadOnlyList<TrackingRequest> requests, BatchMode mode, CancellationToken cancellationToken = default);

    /// <summary>Summarises a content item: latest totals, activity per day, growth against the previous period.</summary>
    /// <param name="query">The content item and period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The summary, or <see langword="null"/> when the content item has never been observed.</returns>
    ValueTask<EngagementSummary?> GetSummaryAsync(ContentSummaryQuery query, CancellationToken cancellationToken = default);

    /// <summary>Aggregates a platform's content over a period, with the previous period and the percent change.</summary>
    /// <param name="query">The platform and period.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The aggregates.</returns>
    ValueTask<PlatformMetrics> GetPlatformMetricsAsync(PlatformMetricsQuery query, CancellationToken cancellationToken = default);

    /// <summary>Finds anomalous days in a content item's daily series of one metric.</summary>
    /// <param name="query">The content item, metric, period and method.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>The anomalies, or an insufficient-data status.</returns>
    ValueTask<AnomalyReport> DetectAnomaliesAsync(AnomalyQuery query, CancellationToken cancellationToken = default);
}
