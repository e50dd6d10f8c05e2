using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql.Internal;

namespace PerformanceAnalytics.Storage.PostgreSql;

/// <content>Snapshots: ingest, queries, series, aggregates and retention.</content>
public sealed partial class PostgreSqlEngagementStore
{
    /// <summary>The snapshot columns of engagement_snapshots besides tenant_id, in the order rows are read and written.</summary>
    internal const string SnapshotColumns =
        "snapshot_id, content_id, platform, observed_at, observed_tick, views, likes, comments, shares, saves, impressions, reach, clicks, "
        + "watch_time, average_view_duration, completion_rate, engagement_rate, followers_gained, metadata";

    private const string StagingTable = "pa_snapshot_staging";
    private const string AppendSavepoint = "pa_append";

    /// <inheritdoc/>
    /// <remarks>
    /// One transaction: binary COPY of the batch into a temporary staging table, then, per tenant in the batch, the
    /// tenant setting, registration of new content items (the batch's distinct content and platform pairs, sent as
    /// arrays; rejecting one whose platform differs from its earlier snapshots) and
    /// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> (preceded by an optimistic plain insert under a
    /// savepoint, which is cheaper when the whole batch is new).
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A snapshot is <see langword="null"/> or has a <see langword="null"/> id, or has an id or metadata entry with a
    /// lone surrogate or U+0000 (<see cref="EngagementStoreGuard"/>), or names a content item already tracked on another platform, or the batch
    /// holds one content item on two platforms; nothing is stored.
    /// </exception>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(snapshots, nameof(snapshots));
        cancellationToken.ThrowIfCancellationRequested();
        if (snapshots.Count == 0)
        {
            return new AppendResult(0, 0);
        }

        var contents = IncomingContents(snapshots);
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var create = Command(
                    connection,
                    transaction,
                    $"""
                    CREATE TEMP TABLE {StagingTable} (
                        tenant_id text COLLATE "C" NOT NULL, snapshot_id text COLLATE "C" NOT NULL, content_id text COLLATE "C" NOT NULL,
                        platform text COLLATE "C" NOT NULL, observed_at timestamptz NOT NULL, observed_tick smallint NOT NULL,
                        views float8, likes float8, comments float8, shares float8, saves float8, impressions float8, reach float8,
                        clicks float8, watch_time float8, average_view_duration float8, completion_rate float8, engagement_rate float8,
                        followers_gained float8, metadata jsonb) ON COMMIT DROP
                    """);
                await using (create.ConfigureAwait(false))
                {
                    await create.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await CopyToStagingAsync(connection, snapshots, cancellationToken).ConfigureAwait(false);

                var inserted = 0;
                foreach (var (tenant, platformOf) in contents)
                {
                    var (moved, conflict) = await MoveStagedAsync(connection, transaction, tenant, platformOf, cancellationToken).ConfigureAwait(false);
                    if (conflict is not null)
                    {
                        throw new ArgumentException(conflict, nameof(snapshots));
                    }

                    inserted += moved;
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new AppendResult(inserted, snapshots.Count - inserted);
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public async IAsyncEnumerable<EngagementSnapshot> QueryAsync(
        SnapshotQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var (connection, transaction) = await BeginAsync(query.TenantId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, string.Empty);
            await using (command.ConfigureAwait(false))
            {
                var where = SnapshotFilter(command.Parameters, query, "e", includePlatform: true);
                command.CommandText =
                    $"SELECT {Prefixed("e", SnapshotColumns)} FROM {_s}.engagement_snapshots e WHERE {where} "
                    + "ORDER BY e.content_id, e.observed_at, e.observed_tick, e.snapshot_id";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return ReadSnapshot(reader, query.TenantId, query.Metrics);
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc/>
    /// <remarks>One backward index probe per content item (a LATERAL join over the tenant's content registry).</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<EngagementSnapshot>> GetLatestAsync(SnapshotQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var (connection, transaction) = await BeginAsync(query.TenantId, cancellationToken, withoutJit: true).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, string.Empty);
            await using (command.ConfigureAwait(false))
            {
                var series = new StringBuilder("c.tenant_id = @tenant");
                command.Parameters.Add(Text("tenant", query.TenantId));
                if (query.ContentIds is { } ids)
                {
                    series.Append(" AND c.content_id = ANY(@content_ids)");
                    command.Parameters.Add(TextArray("content_ids", ids));
                }

                if (query.Platforms is { } platforms)
                {
                    series.Append(" AND c.platform = ANY(@platforms)");
                    command.Parameters.Add(TextArray("platforms", platforms.Select(static p => p.Key)));
                }

                var range = query.Range is { } r
                    ? " AND " + TimePredicate.AtOrAfter(command.Parameters, "e.observed_at", "e.observed_tick", r.Start, "range_start")
                      + " AND " + TimePredicate.Before(command.Parameters, "e.observed_at", "e.observed_tick", r.End, "range_end")
                    : string.Empty;
                command.CommandText =
                    $"""
                    SELECT l.* FROM {_s}.content_series c
                    CROSS JOIN LATERAL (
                        SELECT {Prefixed("e", SnapshotColumns)} FROM {_s}.engagement_snapshots e
                        WHERE e.tenant_id = c.tenant_id AND e.content_id = c.content_id{range}
                        ORDER BY e.observed_at DESC, e.observed_tick DESC, e.snapshot_id DESC LIMIT 1) l
                    WHERE {series}
                    ORDER BY c.content_id
                    """;
                var result = new List<EngagementSnapshot>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        result.Add(ReadSnapshot(reader, query.TenantId, query.Metrics));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The query's metric is not a catalogue metric.</exception>
    public async Task<BucketedSeries> GetSeriesAsync(SeriesQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var column = SqlValues.ColumnOf(query.Metric);
        var boundaries = BucketedSeriesBuilder.Boundaries(query.Range, query.Bucket, query.TimeZone);
        var buckets = boundaries.Length - 1;
        var (connection, transaction) = await BeginAsync(query.TenantId, cancellationToken, withoutJit: true).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, string.Empty);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text("tenant", query.TenantId));
                command.Parameters.Add(Text("content", query.ContentId));
                command.Parameters.Add(new NpgsqlParameter<DateTime[]>("bounds", NpgsqlDbType.Array | NpgsqlDbType.TimestampTz)
                {
                    TypedValue = [.. boundaries.Select(static b => b.UtcDateTime)],
                });
                const string Content = "e.tenant_id = @tenant AND e.content_id = @content";
                const string InRange = "e.observed_at >= (@bounds)[1] AND e.observed_at < (@bounds)[array_length(@bounds, 1)]";
                const string Last = "e.observed_at DESC, e.observed_tick DESC, e.snapshot_id DESC";
                if (query.Metric.IsCounter)
                {
                    // Bucket 0 is the last observation before the range, bucket k + 1 the first one after it.
                    command.CommandText =
                        $"""
                        (SELECT DISTINCT ON (b) width_bucket(e.observed_at, @bounds) AS b, e.observed_at, e.observed_tick, e.{column}
                           FROM {_s}.engagement_snapshots e WHERE {Content} AND {InRange} AND e.{column} IS NOT NULL
                           ORDER BY b, {Last})
                        UNION ALL
                        (SELECT 0, e.observed_at, e.observed_tick, e.{column}
                           FROM {_s}.engagement_snapshots e WHERE {Content} AND e.observed_at < (@bounds)[1] AND e.{column} IS NOT NULL
                           ORDER BY {Last} LIMIT 1)
                        UNION ALL
                        (SELECT array_length(@bounds, 1), e.observed_at, e.observed_tick, e.{column}
                           FROM {_s}.engagement_snapshots e
                           WHERE {Content} AND e.observed_at >= (@bounds)[array_length(@bounds, 1)] AND e.{column} IS NOT NULL
                           ORDER BY e.observed_at, e.observed_tick, e.snapshot_id LIMIT 1)
                        """;
                    var last = new CounterObservation?[buckets];
                    CounterObservation? before = null;
                    CounterObservation? after = null;
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            var bucket = reader.GetInt32(0);
                            var observation = new CounterObservation(SqlValues.Join(reader.GetDateTime(1), reader.GetInt16(2)), reader.GetDouble(3));
                            if (bucket == 0)
                            {
                                before = observation;
                            }
                            else if (bucket > buckets)
                            {
                                after = observation;
                            }
                            else
                            {
                                last[bucket - 1] = observation;
                            }
                        }
                    }

                    await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                    return BucketedSeriesBuilder.Counter(query, boundaries, last, before, after);
                }

                command.CommandText = query.GaugeAggregation == GaugeAggregation.Last
                    ? $"""
                       SELECT DISTINCT ON (b) width_bucket(e.observed_at, @bounds) AS b, e.{column}
                       FROM {_s}.engagement_snapshots e WHERE {Content} AND {InRange} AND e.{column} IS NOT NULL
                       ORDER BY b, {Last}
                       """
                    : $"""
                       SELECT width_bucket(e.observed_at, @bounds) AS b, avg(e.{column})
                       FROM {_s}.engagement_snapshots e WHERE {Content} AND {InRange} AND e.{column} IS NOT NULL
                       GROUP BY b
                       """;
                var values = new double[buckets];
                values.AsSpan().Fill(double.NaN);
                var gaugeReader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (gaugeReader.ConfigureAwait(false))
                {
                    while (await gaugeReader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        values[gaugeReader.GetInt32(0) - 1] = gaugeReader.GetDouble(1);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return BucketedSeriesBuilder.Gauge(query, boundaries, values);
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One statement: per content item of the tenant (and platforms), its last value of each metric in the range, its
    /// last value before the range and its first value in the range (the counter baseline when nothing precedes the
    /// range) — one index probe each, with a per-metric probe only where that row lacks the metric — aggregated per
    /// platform, with the snapshot counts from one grouped scan of the range. JIT is off for it.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    public async Task<IReadOnlyList<PlatformAggregate>> GetPlatformAggregatesAsync(
        PlatformAggregateQuery query, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        var (connection, transaction) = await BeginAsync(query.TenantId, cancellationToken, withoutJit: true).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, string.Empty);
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text("tenant", query.TenantId));
                var platformFilter = string.Empty;
                if (query.Platforms is { } platforms)
                {
                    platformFilter = " AND {0}.platform = ANY(@platforms)";
                    command.Parameters.Add(TextArray("platforms", platforms.Select(static p => p.Key)));
                }

                command.CommandText = PlatformAggregateSql(command.Parameters, query.Range, platformFilter);
                var result = new List<PlatformAggregate>();
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    var dense = new double[Metric.Count];
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        for (var m = 0; m < dense.Length; m++)
                        {
                            dense[m] = reader.IsDBNull(3 + m) ? double.NaN : reader.GetDouble(3 + m);
                        }

                        result.Add(new PlatformAggregate(
                            SqlValues.ToPlatform(reader.GetString(0)), (int)reader.GetInt64(1), reader.GetInt64(2), MetricValues.FromDense(dense)));
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// With no tenant, visits every tenant in the registry in turn (each with its own tenant setting) in one
    /// transaction. Deletes from engagement_snapshots and the seven analysis tables.
    /// </remarks>
    public async Task<RetentionResult> DeleteOlderThanAsync(DateTimeOffset cutoff, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidTenantFilter(tenantId, nameof(tenantId));
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var tenants = new List<string>();
                if (tenantId is not null)
                {
                    tenants.Add(tenantId);
                }
                else
                {
                    var list = Command(connection, transaction, $"SELECT tenant_id FROM {_s}.tenants ORDER BY tenant_id");
                    await using (list.ConfigureAwait(false))
                    {
                        var reader = await list.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                        await using (reader.ConfigureAwait(false))
                        {
                            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                            {
                                tenants.Add(reader.GetString(0));
                            }
                        }
                    }
                }

                long snapshots = 0;
                long records = 0;
                foreach (var tenant in tenants)
                {
                    var batch = Batch(connection, transaction);
                    await using (batch.ConfigureAwait(false))
                    {
                        batch.BatchCommands.Add(TenantCommand(tenant));
                        var delete = new NpgsqlBatchCommand();
                        delete.Parameters.Add(Text("tenant", tenant));
                        delete.CommandText =
                            $"DELETE FROM {_s}.engagement_snapshots e WHERE e.tenant_id = @tenant AND "
                            + TimePredicate.Before(delete.Parameters, "e.observed_at", "e.observed_tick", cutoff, "cutoff");
                        batch.BatchCommands.Add(delete);
                        foreach (var table in _analysisTables)
                        {
                            var deleteRecords = new NpgsqlBatchCommand();
                            deleteRecords.Parameters.Add(Text("tenant", tenant));
                            deleteRecords.CommandText =
                                $"DELETE FROM {_s}.{table} a WHERE a.tenant_id = @tenant AND "
                                + TimePredicate.Before(deleteRecords.Parameters, "a.created_at", "a.created_tick", cutoff, "cutoff");
                            batch.BatchCommands.Add(deleteRecords);
                        }

                        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                        snapshots += batch.BatchCommands[1].RecordsAffected;
                        for (var i = 2; i < batch.BatchCommands.Count; i++)
                        {
                            records += batch.BatchCommands[i].RecordsAffected;
                        }
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return new RetentionResult(snapshots, records);
            }
        }
    }

    private static string Prefixed(string alias, string columns)
        => string.Join(", ", columns.Split(", ").Select(c => alias + "." + c));

    private static EngagementSnapshot ReadSnapshot(NpgsqlDataReader reader, string tenantId, IReadOnlyCollection<Metric>? metrics)
    {
        Span<double> dense = stackalloc double[Metric.Count];
        for (var m = 0; m < dense.Length; m++)
        {
            dense[m] = reader.IsDBNull(5 + m) || (metrics is not null && !metrics.Contains(Metric.FromId(m))) ? double.NaN : reader.GetDouble(5 + m);
        }

        var metadataOrdinal = 5 + Metric.Count;
        return new EngagementSnapshot(
            reader.GetString(0),
            reader.GetString(1),
            SqlValues.ToPlatform(reader.GetString(2)),
            SqlValues.Join(reader.GetDateTime(3), reader.GetInt16(4)),
            MetricValues.FromDense(dense))
        {
            TenantId = tenantId,
            Metadata = reader.IsDBNull(metadataOrdinal) ? SqlValues.FromJson(null) : SqlValues.FromJson(reader.GetString(metadataOrdinal)),
        };
    }

    private static NpgsqlBatchCommand TenantCommand(string tenantId)
    {
        var command = new NpgsqlBatchCommand($"SELECT set_config('{TenantSetting}', @tenant, true)");
        command.Parameters.Add(Text("tenant", tenantId));
        return command;
    }

    private static string SnapshotFilter(NpgsqlParameterCollection parameters, SnapshotQuery query, string alias, bool includePlatform)
    {
        var where = new StringBuilder($"{alias}.tenant_id = @tenant");
        parameters.Add(Text("tenant", query.TenantId));
        if (query.ContentIds is { } ids)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {alias}.content_id = ANY(@content_ids)");
            parameters.Add(TextArray("content_ids", ids));
        }

        if (includePlatform && query.Platforms is { } platforms)
        {
            where.Append(CultureInfo.InvariantCulture, $" AND {alias}.platform = ANY(@platforms)");
            parameters.Add(TextArray("platforms", platforms.Select(static p => p.Key)));
        }

        if (query.Range is { } range)
        {
            where.Append(" AND ").Append(TimePredicate.AtOrAfter(parameters, $"{alias}.observed_at", $"{alias}.observed_tick", range.Start, "range_start"));
            where.Append(" AND ").Append(TimePredicate.Before(parameters, $"{alias}.observed_at", $"{alias}.observed_tick", range.End, "range_end"));
        }

        return where.ToString();
    }

    private async Task CopyToStagingAsync(NpgsqlConnection connection, IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken)
    {
        var stream = await connection.BeginRawBinaryCopyAsync(
            $"COPY {StagingTable} ({SnapshotCopyWriter.Columns}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        await using (stream.ConfigureAwait(false))
        {
            stream.WriteTimeout = (int)_options.CommandTimeout.TotalMilliseconds;
            try
            {
                await SnapshotCopyWriter.WriteAsync(stream, snapshots, cancellationToken).ConfigureAwait(false);
            }
            catch
            {
                // Abort the copy (its rows are discarded) rather than end it with what was sent; the caller's
                // transaction is rolled back as the exception leaves AppendAsync.
                await stream.CancelAsync().ConfigureAwait(false);
                throw;
            }
        }
    }

    /// <summary>
    /// Returns, per tenant in batch order, each incoming content item's platform; a content item that arrives on two
    /// platforms in one batch rejects the batch before anything is sent.
    /// </summary>
    private static List<(string Tenant, Dictionary<string, string> PlatformOf)> IncomingContents(IReadOnlyList<EngagementSnapshot> snapshots)
    {
        var tenants = new List<(string Tenant, Dictionary<string, string> PlatformOf)>();
        Dictionary<string, string>? current = null;
        string? currentTenant = null;
        foreach (var snapshot in snapshots)
        {
            if (!string.Equals(snapshot.TenantId, currentTenant, StringComparison.Ordinal))
            {
                currentTenant = snapshot.TenantId;
                var index = tenants.FindIndex(t => string.Equals(t.Tenant, currentTenant, StringComparison.Ordinal));
                if (index < 0)
                {
                    tenants.Add((currentTenant, new Dictionary<string, string>(StringComparer.Ordinal)));
                    index = tenants.Count - 1;
                }

                current = tenants[index].PlatformOf;
            }

            var platform = snapshot.Platform.Key;
            if (!current!.TryAdd(snapshot.ContentId, platform) && !string.Equals(current[snapshot.ContentId], platform, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Content '{snapshot.ContentId}' arrives on both '{current[snapshot.ContentId]}' and '{platform}' in one batch.", nameof(snapshots));
            }
        }

        return tenants;
    }

    /// <summary>Moves one tenant's staged rows into the tables; returns how many snapshots were new, or a platform conflict.</summary>
    /// <remarks>
    /// A plain <c>INSERT … SELECT</c> runs first under a savepoint: when every staged id is new (the usual case) it
    /// costs about half of the speculative insertion that <c>ON CONFLICT</c> performs per row. When any id is already
    /// stored or repeats within the batch, the unique key rejects it; the savepoint is rolled back and
    /// <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> stores the new rows instead.
    /// </remarks>
    private async Task<(int Inserted, string? Conflict)> MoveStagedAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenant, Dictionary<string, string> platformOf, CancellationToken cancellationToken)
    {
        var insertSql =
            $"""
            INSERT INTO {_s}.engagement_snapshots (tenant_id, {SnapshotColumns})
            SELECT s.tenant_id, {Prefixed("s", SnapshotColumns)} FROM {StagingTable} s WHERE s.tenant_id = @tenant
            """;
        var batch = Batch(connection, transaction);
        await using (batch.ConfigureAwait(false))
        {
            batch.BatchCommands.Add(TenantCommand(tenant));
            // Registers the tenant and new content items (the distinct pairs, sent as two arrays), and reports a
            // content item that arrives on another platform than its stored snapshots (join with the rows visible
            // before this statement).
            var register = new NpgsqlBatchCommand(
                $"""
                WITH incoming AS (SELECT * FROM unnest(@content_ids, @platforms) AS i (content_id, platform)),
                tenant AS (INSERT INTO {_s}.tenants (tenant_id) VALUES (@tenant) ON CONFLICT DO NOTHING),
                registered AS (
                    INSERT INTO {_s}.content_series (tenant_id, content_id, platform)
                    SELECT @tenant, content_id, platform FROM incoming ON CONFLICT (tenant_id, content_id) DO NOTHING)
                SELECT i.content_id, i.platform, c.platform FROM incoming i
                JOIN {_s}.content_series c ON c.tenant_id = @tenant AND c.content_id = i.content_id
                WHERE c.platform <> i.platform LIMIT 1
                """);
            register.Parameters.Add(Text("tenant", tenant));
            register.Parameters.Add(TextArray("content_ids", platformOf.Keys));
            register.Parameters.Add(TextArray("platforms", platformOf.Values));
            batch.BatchCommands.Add(register);
            batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {AppendSavepoint}"));
            var insert = new NpgsqlBatchCommand(insertSql);
            insert.Parameters.Add(Text("tenant", tenant));
            batch.BatchCommands.Add(insert);

            try
            {
                var reader = await batch.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    // Row sets: set_config's (one column), then the platform conflicts (three columns).
                    do
                    {
                        if (reader.FieldCount == 3 && await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                        {
                            return (0, $"Content '{reader.GetString(0)}' is tracked on '{reader.GetString(2)}', not '{reader.GetString(1)}'.");
                        }
                    }
                    while (await reader.NextResultAsync(cancellationToken).ConfigureAwait(false));
                }

                return (batch.BatchCommands[3].RecordsAffected, null);
            }
            catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation
                && string.Equals(e.TableName, "engagement_snapshots", StringComparison.Ordinal))
            {
                // Some ids are stored already or repeat within the batch: insert the new ones only.
            }
        }

        var fallback = Command(connection, transaction, $"ROLLBACK TO SAVEPOINT {AppendSavepoint}; {insertSql} ON CONFLICT (tenant_id, snapshot_id) DO NOTHING");
        await using (fallback.ConfigureAwait(false))
        {
            fallback.Parameters.Add(Text("tenant", tenant));
            return (await fallback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false), null);
        }
    }

    private string PlatformAggregateSql(NpgsqlParameterCollection parameters, TimeRange range, string platformFilter)
    {
        var inRange = TimePredicate.AtOrAfter(parameters, "e.observed_at", "e.observed_tick", range.Start, "range_start")
            + " AND " + TimePredicate.Before(parameters, "e.observed_at", "e.observed_tick", range.End, "range_end");
        var beforeRange = TimePredicate.Before(parameters, "e.observed_at", "e.observed_tick", range.Start, "before_start");
        const string Last = "ORDER BY e.observed_at DESC, e.observed_tick DESC, e.snapshot_id DESC LIMIT 1";
        const string First = "ORDER BY e.observed_at, e.observed_tick, e.snapshot_id LIMIT 1";
        const string Content = "e.tenant_id = c.tenant_id AND e.content_id = c.content_id";
        var perContent = new StringBuilder();
        var perPlatform = new StringBuilder();
        foreach (var metric in Metric.Catalogue)
        {
            var col = SqlValues.ColumnOf(metric);
            perContent.Append(
                CultureInfo.InvariantCulture,
                $",\n    coalesce(l.{col}, (SELECT e.{col} FROM {_s}.engagement_snapshots e WHERE {Content} AND {inRange} AND e.{col} IS NOT NULL {Last})) AS {col}");
            if (metric.IsCounter)
            {
                perContent.Append(
                    CultureInfo.InvariantCulture,
                    $",\n    coalesce(CASE WHEN p.snapshot_id IS NULL THEN NULL ELSE coalesce(p.{col}, (SELECT e.{col} FROM {_s}.engagement_snapshots e WHERE {Content} AND {beforeRange} AND e.{col} IS NOT NULL {Last})) END, f.{col}, (SELECT e.{col} FROM {_s}.engagement_snapshots e WHERE {Content} AND {inRange} AND e.{col} IS NOT NULL {First})) AS {col}_before");
                perPlatform.Append(CultureInfo.InvariantCulture, $",\n    sum(greatest(x.{col} - coalesce(x.{col}_before, 0), 0)) FILTER (WHERE x.{col} IS NOT NULL)");
            }
            else
            {
                perPlatform.Append(CultureInfo.InvariantCulture, $",\n    avg(x.{col})");
            }
        }

        // Snapshot counts come from one grouped scan of the range; everything else from per-content index probes.
        return $"""
            WITH counts AS (
                SELECT e.platform, count(*) AS n FROM {_s}.engagement_snapshots e
                WHERE e.tenant_id = @tenant{string.Format(CultureInfo.InvariantCulture, platformFilter, "e")} AND {inRange}
                GROUP BY e.platform)
            SELECT x.platform, count(*), min(k.n){perPlatform}
            FROM (
                SELECT c.platform{perContent}
                FROM {_s}.content_series c
                CROSS JOIN LATERAL (SELECT e.* FROM {_s}.engagement_snapshots e WHERE {Content} AND {inRange} {Last}) l
                LEFT JOIN LATERAL (SELECT e.* FROM {_s}.engagement_snapshots e WHERE {Content} AND {beforeRange} {Last}) p ON true
                CROSS JOIN LATERAL (SELECT e.* FROM {_s}.engagement_snapshots e WHERE {Content} AND {inRange} {First}) f
                WHERE c.tenant_id = @tenant{string.Format(CultureInfo.InvariantCulture, platformFilter, "c")}
            ) x
            JOIN counts k ON k.platform = x.platform
            GROUP BY x.platform
            ORDER BY x.platform
            """;
    }
}
