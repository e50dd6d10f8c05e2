using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// Where snapshots, content items and analysis results live. Every store passes the same conformance suite.
/// </summary>
/// <remarks>
/// <para>
/// Every query is scoped to one tenant. Time ranges are half-open [start, end). Stores may push aggregation
/// down (GROUP BY, time buckets); this contract says what each query returns, not how.
/// </para>
/// <para>
/// Implementations are thread-safe. They store what they are given: validation (finite values, known metrics,
/// sizes) is the tracker's job, and a store never interprets ids, metadata or names as code.
/// </para>
/// <para>
/// Every method first makes the checks of <see cref="EngagementStoreGuard"/>: <see langword="null"/>s, and ids or
/// text holding a lone surrogate (not valid UTF-16, so no UTF-8 store could keep it unchanged) or U+0000 (which
/// PostgreSQL cannot hold). A write that fails them stores nothing; a read or delete that fails them touches nothing.
/// </para>
/// </remarks>
public interface IEngagementStore
{
    /// <summary>Appends snapshots atomically and idempotently.</summary>
    /// <param name="snapshots">The batch. Either all of its new snapshots become visible or none does.</param>
    /// <param name="cancellationToken">Cancels the append; a cancelled append stores nothing.</param>
    /// <returns>How many snapshots were new and how many were already stored (same tenant and snapshot id).</returns>
    /// <remarks>A snapshot id that occurs twice within the batch is stored once and counted once as a duplicate.</remarks>
    Task<AppendResult> AppendAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken = default);

    /// <summary>Streams snapshots that match a filter, ordered by content id, then timestamp, then snapshot id.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching snapshots; when <see cref="SnapshotQuery.Metrics"/> is set, other metrics are omitted.</returns>
    IAsyncEnumerable<EngagementSnapshot> QueryAsync(SnapshotQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns the latest snapshot of each content item that matches the filter.</summary>
    /// <param name="query">The filter; its time range, when set, bounds which snapshots count.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One snapshot per content item (the greatest timestamp; ties broken by the greatest snapshot id), ordered by content id.</returns>
    Task<IReadOnlyList<EngagementSnapshot>> GetLatestAsync(SnapshotQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns one content item's series for one metric, resampled to regular buckets.</summary>
    /// <param name="query">The series to read.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>
    /// Counter deltas or gauge values per bucket, with the semantics of <see cref="BucketedSeriesBuilder"/>,
    /// which every store uses to assemble the result.
    /// </returns>
    Task<BucketedSeries> GetSeriesAsync(SeriesQuery query, CancellationToken cancellationToken = default);

    /// <summary>Returns per-platform aggregates over a time range.</summary>
    /// <param name="query">The tenant, range and platforms.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>One aggregate per platform that has snapshots in the range, ordered by platform key.</returns>
    Task<IReadOnlyList<PlatformAggregate>> GetPlatformAggregatesAsync(PlatformAggregateQuery query, CancellationToken cancellationToken = default);

    /// <summary>Inserts or replaces content items (keyed by tenant and content id).</summary>
    /// <param name="items">The items.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the items are stored.</returns>
    Task UpsertContentAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default);

    /// <summary>Returns a content item.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contentId">The content id.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The item, or <see langword="null"/> when the tenant has none with that id.</returns>
    Task<ContentItem?> GetContentAsync(string tenantId, string contentId, CancellationToken cancellationToken = default);

    /// <summary>Streams a tenant's content items, ordered by content id.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="platform">Only items on this platform, or all when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The items.</returns>
    IAsyncEnumerable<ContentItem> QueryContentAsync(string tenantId, Platform? platform = null, CancellationToken cancellationToken = default);

    /// <summary>Stores analysis results (correlations, trends, insights, A/B tests, benchmarks …), replacing any with the same id.</summary>
    /// <param name="records">The records.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>A task that completes when the records are stored.</returns>
    Task SaveAnalysisAsync(IReadOnlyList<AnalysisRecord> records, CancellationToken cancellationToken = default);

    /// <summary>Streams stored analysis results, newest first.</summary>
    /// <param name="query">The filter.</param>
    /// <param name="cancellationToken">Cancels the enumeration.</param>
    /// <returns>The matching records.</returns>
    IAsyncEnumerable<AnalysisRecord> QueryAnalysisAsync(AnalysisQuery query, CancellationToken cancellationToken = default);

    /// <summary>Deletes snapshots and analysis records older than a cutoff (retention).</summary>
    /// <param name="cutoff">Rows strictly before this instant are deleted.</param>
    /// <param name="tenantId">Only this tenant's rows, or every tenant's when <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the operation.</param>
    /// <returns>How many rows were deleted.</returns>
    Task<RetentionResult> DeleteOlderThanAsync(DateTimeOffset cutoff, string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>Probes the store.</summary>
    /// <param name="cancellationToken">Cancels the probe.</param>
    /// <returns>Whether the store answers, with a short description and figures.</returns>
    Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
