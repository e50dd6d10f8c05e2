using System.Runtime.CompilerServices;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>
/// A thread-safe store that keeps everything in process memory, for tests, samples and hosts that persist elsewhere.
/// </summary>
/// <remarks>
/// <para>
/// Each content item's snapshots are kept as sorted columns (timestamps, ids, one array per metric present), so
/// a series read is a binary search plus a scan of the rows it needs, independent of how many other items exist.
/// </para>
/// <para>
/// A reader–writer lock makes every batch atomic: readers see a batch entirely or not at all. Reads copy rows
/// out under the read lock and never hold it while the caller consumes results.
/// </para>
/// </remarks>
public sealed class InMemoryEngagementStore : IEngagementStore, IDisposable
{
    private readonly ReaderWriterLockSlim _lock = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, TenantData> _tenants = new(StringComparer.Ordinal);

    /// <inheritdoc/>
    public Task<AppendResult> AppendAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(snapshots, nameof(snapshots));
        cancellationToken.ThrowIfCancellationRequested();
        if (snapshots.Count == 0)
        {
            return Task.FromResult(new AppendResult(0, 0));
        }

        var series = new InMemorySeries?[snapshots.Count];
        _lock.EnterWriteLock();
        try
        {
            // Pass 1: check everything that could fail, so that a failing batch changes nothing.
            TenantData? tenant = null;
            for (var i = 0; i < snapshots.Count; i++)
            {
                var snapshot = snapshots[i];
                if (tenant is null || !string.Equals(tenant.Id, snapshot.TenantId, StringComparison.Ordinal))
                {
                    tenant = GetTenant(snapshot.TenantId, create: false);
                }

                if (tenant is not null && tenant.Series.TryGetValue(snapshot.ContentId, out var existing))
                {
                    if (existing.Platform != snapshot.Platform)
                    {
                        throw new ArgumentException(
                            $"Snapshot {i}: content '{snapshot.ContentId}' is tracked on '{existing.Platform}', not '{snapshot.Platform}'.",
                            nameof(snapshots));
                    }

                    series[i] = existing;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();

            // Pass 2: apply. Nothing below throws for valid input.
            var inserted = 0;
            tenant = null;
            for (var i = 0; i < snapshots.Count; i++)
            {
                var snapshot = snapshots[i];
                if (tenant is null || !string.Equals(tenant.Id, snapshot.TenantId, StringComparison.Ordinal))
                {
                    tenant = GetTenant(snapshot.TenantId, create: true)!;
                }

                if (!tenant.SnapshotIds.Add(snapshot.SnapshotId))
                {
                    continue;
                }

                var target = series[i];
                if (target is null && !tenant.Series.TryGetValue(snapshot.ContentId, out target))
                {
                    target = new InMemorySeries(snapshot.ContentId, snapshot.Platform);
                    tenant.Series.Add(snapshot.ContentId, target);
                }

                target.Add(snapshot);
                inserted++;
            }

            return Task.FromResult(new AppendResult(inserted, snapshots.Count - inserted));
        }
        finally
        {
            _lock.ExitWriteLock();
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<EngagementSnapshot> QueryAsync(
        SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        foreach (var contentId in MatchingContentIds(query))
        {
            cancellationToken.ThrowIfCancellationRequested();
            List<EngagementSnapshot> rows;
            _lock.EnterReadLock();
            try
            {
                if (GetTenant(query.TenantId, create: false)?.Series.GetValueOrDefault(contentId) is not { } series)
                {
                    continue;
                }

                var (from, to) = RowRange(series, query.Range);
                rows = new List<EngagementSnapshot>(to - from);
                for (var row = from; row < to; row++)
                {
                    rows.Add(series.ToSnapshot(row, query.TenantId, query.Metrics));
                }
            }
            finally
            {
                _lock.ExitReadLock();
            }

            foreach (var snapshot in rows)
            {
                yield return snapshot;
            }

            await Task.Yield();
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<EngagementSnapshot>> GetLatestAsync(SnapshotQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var result = new List<EngagementSnapshot>();
        _lock.EnterReadLock();
        try
        {
            if (GetTenant(query.TenantId, create: false) is { } tenant)
            {
                foreach (var series in Matching(tenant, query))
                {
                    var (from, to) = RowRange(series, query.Range);
                    if (to > from)
                    {
                        result.Add(series.ToSnapshot(to - 1, query.TenantId, query.Metrics));
                    }
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        result.Sort(static (a, b) => string.CompareOrdinal(a.ContentId, b.ContentId));
        return Task.FromResult<IReadOnlyList<EngagementSnapshot>>(result);
    }

    /// <inheritdoc/>
    public Task<BucketedSeries> GetSeriesAsync(SeriesQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var boundaries = BucketedSeriesBuilder.Boundaries(query.Range, query.Bucket, query.TimeZone);
        var buckets = boundaries.Length - 1;
        _lock.EnterReadLock();
        try
        {
            var series = GetTenant(query.TenantId, create: false)?.Series.GetValueOrDefault(query.ContentId);
            if (query.Metric.IsCounter)
            {
                var last = new CounterObservation?[buckets];
                CounterObservation? before = null;
                CounterObservation? after = null;
                if (series is not null && series.HasColumn(query.Metric))
                {
                    var start = series.LowerBound(boundaries[0].UtcTicks);
                    for (var b = 0; b < buckets; b++)
                    {
                        var end = series.LowerBound(boundaries[b + 1].UtcTicks);
                        var row = series.LastWithValue(query.Metric, start, end);
                        last[b] = row < 0 ? null : Observation(series, query.Metric, row);
                        start = end;
                    }

                    var first = series.LowerBound(boundaries[0].UtcTicks);
                    var beforeRow = series.LastWithValue(query.Metric, 0, first);
                    before = beforeRow < 0 ? null : Observation(series, query.Metric, beforeRow);
                    var afterRow = series.FirstWithValue(query.Metric, start, series.Count);
                    after = afterRow < 0 ? null : Observation(series, query.Metric, afterRow);
                }

                return Task.FromResult(BucketedSeriesBuilder.Counter(query, boundaries, last, before, after));
            }

            var values = new double[buckets];
            values.AsSpan().Fill(double.NaN);
            if (series is not null && series.HasColumn(query.Metric))
            {
                var start = series.LowerBound(boundaries[0].UtcTicks);
                for (var b = 0; b < buckets; b++)
                {
                    var end = series.LowerBound(boundaries[b + 1].UtcTicks);
                    values[b] = GaugeValue(series, query.Metric, start, end, query.GaugeAggregation);
                    start = end;
                }
            }

            return Task.FromResult(BucketedSeriesBuilder.Gauge(query, boundaries, values));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc/>
    public Task<IReadOnlyList<PlatformAggregate>> GetPlatformAggregatesAsync(
        PlatformAggregateQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var accumulators = new SortedDictionary<string, PlatformAccumulator>(StringComparer.Ordinal);
        _lock.EnterReadLock();
        try
        {
            if (GetTenant(query.TenantId, create: false) is { } tenant)
            {
                var startTicks = query.Range.Start.UtcTicks;
                var endTicks = query.Range.End.UtcTicks;
                foreach (var series in tenant.Series.Values)
                {
                    if (query.Platforms is not null && !query.Platforms.Contains(series.Platform))
                    {
                        continue;
                    }

                    var from = series.LowerBound(startTicks);
                    var to = series.LowerBound(endTicks);
                    if (to <= from)
                    {
                        continue;
                    }

                    if (!accumulators.TryGetValue(series.Platform.Key, out var accumulator))
                    {
                        accumulator = new PlatformAccumulator(series.Platform);
                        accumulators.Add(series.Platform.Key, accumulator);
                    }

                    accumulator.Add(series, from, to);
                }
            }
        }
        finally
        {
            _lock.ExitReadLock();
        }

        return Task.FromResult<IReadOnlyList<PlatformAggregate>>([.. accumulators.Values.Select(static a => a.ToAggregate())]);
    }

    /// <inheritdoc/>
    public Task UpsertContentAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(items, nameof(items));
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterWriteLock();
        try
        {
            foreach (var item in items)
            {
                GetTenant(item.TenantId, create: true)!.Content[item.ContentId] = item;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public Task<ContentItem?> GetContentAsync(string tenantId, string contentId, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        EngagementStoreGuard.ThrowIfInvalidId(contentId, nameof(contentId));
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterReadLock();
        try
        {
            return Task.FromResult(GetTenant(tenantId, create: false)?.Content.GetValueOrDefault(contentId));
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<ContentItem> QueryContentAsync(
        string tenantId, Platform? platform = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        cancellationToken.ThrowIfCancellationRequested();
        ContentItem[] items;
        _lock.EnterReadLock();
        try
        {
            items = GetTenant(tenantId, create: false)?.Content.Values
                .Where(i => platform is null || i.Platform == platform.Value)
                .OrderBy(static i => i.ContentId, StringComparer.Ordinal)
                .ToArray() ?? [];
        }
        finally
        {
            _lock.ExitReadLock();
        }

        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return item;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task SaveAnalysisAsync(IReadOnlyList<AnalysisRecord> records, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(records, nameof(records));
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterWriteLock();
        try
        {
            foreach (var record in records)
            {
                GetTenant(record.TenantId, create: true)!.Analysis[record.RecordId] = record;
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public async IAsyncEnumerable<AnalysisRecord> QueryAnalysisAsync(
        AnalysisQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        AnalysisRecord[] records;
        _lock.EnterReadLock();
        try
        {
            IEnumerable<AnalysisRecord> matching = GetTenant(query.TenantId, create: false)?.Analysis.Values
                .Where(r => r.Kind == query.Kind
                    && (query.Subject is null || string.Equals(r.Subject, query.Subject, StringComparison.Ordinal))
                    && (query.Since is null || r.CreatedAt >= query.Since.Value))
                .OrderByDescending(static r => r.CreatedAt)
                .ThenBy(static r => r.RecordId, StringComparer.Ordinal) ?? Enumerable.Empty<AnalysisRecord>();
            records = (query.Limit is { } limit ? matching.Take(limit) : matching).ToArray();
        }
        finally
        {
            _lock.ExitReadLock();
        }

        foreach (var record in records)
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return record;
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    /// <inheritdoc/>
    public Task<RetentionResult> DeleteOlderThanAsync(DateTimeOffset cutoff, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidTenantFilter(tenantId, nameof(tenantId));
        cancellationToken.ThrowIfCancellationRequested();
        long snapshots = 0;
        long records = 0;
        _lock.EnterWriteLock();
        try
        {
            foreach (var tenant in _tenants.Values)
            {
                if (tenantId is not null && !string.Equals(tenant.Id, tenantId, StringComparison.Ordinal))
                {
                    continue;
                }

                foreach (var series in tenant.Series.Values)
                {
                    foreach (var id in series.RemoveBefore(cutoff.UtcTicks))
                    {
                        tenant.SnapshotIds.Remove(id);
                        snapshots++;
                    }
                }

                foreach (var record in tenant.Analysis.Values.Where(r => r.CreatedAt < cutoff).ToArray())
                {
                    tenant.Analysis.Remove(record.RecordId);
                    records++;
                }
            }
        }
        finally
        {
            _lock.ExitWriteLock();
        }

        return Task.FromResult(new RetentionResult(snapshots, records));
    }

    /// <inheritdoc/>
    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        _lock.EnterReadLock();
        try
        {
            var snapshots = _tenants.Values.Sum(static t => (long)t.SnapshotIds.Count);
            var series = _tenants.Values.Sum(static t => (long)t.Series.Count);
            var data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["tenants"] = _tenants.Count.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["content_items"] = series.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["snapshots"] = snapshots.ToString(System.Globalization.CultureInfo.InvariantCulture),
            };
            return Task.FromResult(new StoreHealth(true, "in-memory store") { Data = data });
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => _lock.Dispose();

    private static CounterObservation Observation(InMemorySeries series, Metric metric, int row)
        => new(new DateTimeOffset(series.Ticks[row], TimeSpan.Zero), series.Value(metric, row));

    private static double GaugeValue(InMemorySeries series, Metric metric, int from, int to, GaugeAggregation aggregation)
    {
        if (aggregation == GaugeAggregation.Last)
        {
            var row = series.LastWithValue(metric, from, to);
            return row < 0 ? double.NaN : series.Value(metric, row);
        }

        var sum = 0.0;
        var count = 0;
        for (var row = from; row < to; row++)
        {
            var value = series.Value(metric, row);
            if (!double.IsNaN(value))
            {
                sum += value;
                count++;
            }
        }

        return count == 0 ? double.NaN : sum / count;
    }

    private static (int From, int To) RowRange(InMemorySeries series, TimeRange? range)
        => range is { } r ? (series.LowerBound(r.Start.UtcTicks), series.LowerBound(r.End.UtcTicks)) : (0, series.Count);

    private static IEnumerable<InMemorySeries> Matching(TenantData tenant, SnapshotQuery query)
    {
        IEnumerable<InMemorySeries> candidates = query.ContentIds is { } ids
            ? ids.Distinct(StringComparer.Ordinal).Select(id => tenant.Series.GetValueOrDefault(id)).OfType<InMemorySeries>()
            : tenant.Series.Values;
        return query.Platforms is { } platforms ? candidates.Where(s => platforms.Contains(s.Platform)) : candidates;
    }

    private string[] MatchingContentIds(SnapshotQuery query)
    {
        _lock.EnterReadLock();
        try
        {
            return GetTenant(query.TenantId, create: false) is { } tenant
                ? [.. Matching(tenant, query).Select(static s => s.ContentId).Order(StringComparer.Ordinal)]
                : [];
        }
        finally
        {
            _lock.ExitReadLock();
        }
    }

    private TenantData? GetTenant(string tenantId, bool create)
    {
        if (_tenants.TryGetValue(tenantId, out var tenant) || !create)
        {
            return tenant;
        }

        tenant = new TenantData(tenantId);
        _tenants.Add(tenantId, tenant);
        return tenant;
    }

    private sealed class TenantData(string id)
    {
        public string Id { get; } = id;

        public HashSet<string> SnapshotIds { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, InMemorySeries> Series { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, ContentItem> Content { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, AnalysisRecord> Analysis { get; } = new(StringComparer.Ordinal);
    }

    private sealed class PlatformAccumulator(Platform platform)
    {
        private readonly double[] _totals = new double[Metric.Count];
        private readonly int[] _counts = new int[Metric.Count];
        private int _content;
        private long _snapshots;

        public void Add(InMemorySeries series, int from, int to)
        {
            _content++;
            _snapshots += to - from;
            foreach (var metric in Metric.Catalogue)
            {
                var last = series.LastWithValue(metric, from, to);
                if (last < 0)
                {
                    continue;
                }

                var value = series.Value(metric, last);
                if (metric.IsCounter)
                {
                    var beforeRow = series.LastWithValue(metric, 0, from);
                    var baselineRow = beforeRow >= 0 ? beforeRow : series.FirstWithValue(metric, from, to);
                    var baseline = series.Value(metric, baselineRow);
                    value = Math.Max(0, value - baseline);
                }

                _totals[metric.Id] += value;
                _counts[metric.Id]++;
            }
        }

        public PlatformAggregate ToAggregate()
        {
            Span<double> values = stackalloc double[Metric.Count];
            foreach (var metric in Metric.Catalogue)
            {
                var count = _counts[metric.Id];
                values[metric.Id] = count == 0 ? double.NaN : metric.IsCounter ? _totals[metric.Id] : _totals[metric.Id] / count;
            }

            return new PlatformAggregate(platform, _content, _snapshots, MetricValues.FromDense(values));
        }
    }
}
