using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Data.Sqlite;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace PerformanceAnalytics.Storage.Sqlite;

/// <content>Snapshot reads: filters, latest per item, bucketed series and per-platform aggregates.</content>
public sealed partial class SqliteEngagementStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public async IAsyncEnumerable<EngagementSnapshot> QueryAsync(
        SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var keep = KeptMetrics(query.Metrics);
        using var connection = Open();
        using var command = SnapshotCommand(connection, query, SqliteSql.Query(query.ContentIds is not null, query.Platforms is not null, query.Range is not null));
        using var reader = command.ExecuteReader();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadSnapshot(reader, query.TenantId, keep);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public Task<IReadOnlyList<EngagementSnapshot>> GetLatestAsync(SnapshotQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var keep = KeptMetrics(query.Metrics);
        var result = new List<EngagementSnapshot>();
        using var connection = Open();
        using var command = SnapshotCommand(connection, query, SqliteSql.Latest(query.ContentIds is not null, query.Platforms is not null, query.Range is not null));
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            if (result.Count % CancellationCheckInterval == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            result.Add(ReadSnapshot(reader, query.TenantId, keep));
        }

        return Task.FromResult<IReadOnlyList<EngagementSnapshot>>(result);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The query's bucket size is not defined.</exception>
    /// <remarks>
    /// SQL picks, per bucket, the last observation of a counter (or the mean or last of a gauge), plus the
    /// observations just before and after the buckets; <see cref="BucketedSeriesBuilder"/> turns them into the series.
    /// Bucket boundaries travel to SQL as a JSON array of ticks.
    /// </remarks>
    public Task<BucketedSeries> GetSeriesAsync(SeriesQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var boundaries = BucketedSeriesBuilder.Boundaries(query.Range, query.Bucket, query.TimeZone);
        var buckets = boundaries.Length - 1;
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        command.Parameters.AddWithValue("$content", query.ContentId);
        command.Parameters.AddWithValue("$bounds", BoundsJson(boundaries));

        if (query.Metric.IsCounter || query.GaugeAggregation == GaugeAggregation.Last)
        {
            command.CommandText = SqliteSql.CounterSeriesSql(query.Metric);
            command.Parameters.AddWithValue("$first", boundaries[0].UtcTicks);
            command.Parameters.AddWithValue("$last", boundaries[^1].UtcTicks);
            var last = new CounterObservation?[buckets];
            CounterObservation? before = null;
            CounterObservation? after = null;
            using (var reader = command.ExecuteReader())
            {
                while (reader.Read())
                {
                    last[reader.GetInt32(0)] = new CounterObservation(Instant(reader.GetInt64(1)), reader.GetDouble(2));
                }

                cancellationToken.ThrowIfCancellationRequested();
                if (reader.NextResult() && reader.Read())
                {
                    before = new CounterObservation(Instant(reader.GetInt64(0)), reader.GetDouble(1));
                }

                if (reader.NextResult() && reader.Read())
                {
                    after = new CounterObservation(Instant(reader.GetInt64(0)), reader.GetDouble(1));
                }
            }

            if (query.Metric.IsCounter)
            {
                return Task.FromResult(BucketedSeriesBuilder.Counter(query, boundaries, last, before, after));
            }

            var lastValues = new double[buckets];
            for (var i = 0; i < buckets; i++)
            {
                lastValues[i] = last[i] is { } observation ? observation.Value : double.NaN;
            }

            return Task.FromResult(BucketedSeriesBuilder.Gauge(query, boundaries, lastValues));
        }

        command.CommandText = SqliteSql.GaugeMeanSeriesSql(query.Metric);
        var values = new double[buckets];
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                values[reader.GetInt32(0)] = reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1);
            }
        }

        return Task.FromResult(BucketedSeriesBuilder.Gauge(query, boundaries, values));
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <remarks>
    /// One SQL statement: per content item the last row in the range, the last row before it and the first row in
    /// it (index seeks on (tenant, content, ts, id)) and the row count in the range; then counters as
    /// <c>SUM(MAX(0, last − baseline))</c>, the baseline being the last total before the range or else the first
    /// total in it, and gauges as <c>AVG(last)</c>, grouped by platform.
    /// Sums and means use SQLite's floating-point summation, so they can differ from another store's in the last
    /// bits.
    /// </remarks>
    public Task<IReadOnlyList<PlatformAggregate>> GetPlatformAggregatesAsync(
        PlatformAggregateQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSql.Aggregates(query.Platforms is not null);
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        command.Parameters.AddWithValue("$start", query.Range.Start.UtcTicks);
        command.Parameters.AddWithValue("$end", query.Range.End.UtcTicks);
        if (query.Platforms is { } platforms)
        {
            command.Parameters.AddWithValue("$platforms", JsonArray(platforms.Select(static p => p.Key)));
        }

        var result = new List<PlatformAggregate>();
        Span<double> dense = stackalloc double[Metric.Count];
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            cancellationToken.ThrowIfCancellationRequested();
            for (var m = 0; m < dense.Length; m++)
            {
                dense[m] = reader.IsDBNull(3 + m) ? double.NaN : reader.GetDouble(3 + m);
            }

            result.Add(new PlatformAggregate(ReadPlatform(reader.GetString(0)), reader.GetInt32(1), reader.GetInt64(2), MetricValues.FromDense(dense)));
        }

        return Task.FromResult<IReadOnlyList<PlatformAggregate>>(result);
    }

    private static SqliteCommand SnapshotCommand(SqliteConnection connection, SnapshotQuery query, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        if (query.ContentIds is { } ids)
        {
            command.Parameters.AddWithValue("$contentIds", JsonArray(ids));
        }

        if (query.Platforms is { } platforms)
        {
            command.Parameters.AddWithValue("$platforms", JsonArray(platforms.Select(static p => p.Key)));
        }

        if (query.Range is { } range)
        {
            command.Parameters.AddWithValue("$start", range.Start.UtcTicks);
            command.Parameters.AddWithValue("$end", range.End.UtcTicks);
        }

        return command;
    }

    private static bool[]? KeptMetrics(IReadOnlyCollection<Metric>? metrics)
    {
        if (metrics is null)
        {
            return null;
        }

        var keep = new bool[Metric.Count];
        foreach (var metric in metrics)
        {
            keep[metric.Id] = true;
        }

        return keep;
    }

    private static EngagementSnapshot ReadSnapshot(SqliteDataReader reader, string tenantId, bool[]? keep)
    {
        Span<double> dense = stackalloc double[Metric.Count];
        for (var m = 0; m < dense.Length; m++)
        {
            var ordinal = SqliteSql.FirstMetricOrdinal + m;
            dense[m] = (keep is null || keep[m]) && !reader.IsDBNull(ordinal) ? reader.GetDouble(ordinal) : double.NaN;
        }

        var metadata = reader.IsDBNull(SqliteSql.MetadataOrdinal) ? _noMetadata : SqliteJson.ReadStrings(reader.GetString(SqliteSql.MetadataOrdinal));
        return new EngagementSnapshot(
            reader.GetString(0),
            reader.GetString(1),
            ReadPlatform(reader.GetString(2)),
            Instant(reader.GetInt64(3)),
            MetricValues.FromDense(dense))
        {
            TenantId = tenantId,
            Metadata = metadata,
        };
    }

    private static DateTimeOffset Instant(long utcTicks) => new(utcTicks, TimeSpan.Zero);

    private static string BoundsJson(DateTimeOffset[] boundaries)
    {
        var json = new StringBuilder(boundaries.Length * 20);
        json.Append('[');
        for (var i = 0; i < boundaries.Length; i++)
        {
            if (i > 0)
            {
                json.Append(',');
            }

            json.Append(boundaries[i].UtcTicks.ToString(CultureInfo.InvariantCulture));
        }

        return json.Append(']').ToString();
    }

    private static string JsonArray(IEnumerable<string> values)
        => System.Text.Json.JsonSerializer.Serialize(values.ToArray(), SqliteJsonContext.Default.StringArray);
}
