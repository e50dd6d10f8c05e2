using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql.Internal;

namespace PerformanceAnalytics.Storage.PostgreSql;

/// <content>Content items and analysis records.</content>
public sealed partial class PostgreSqlEngagementStore
{
    private const string ContentColumns =
        "content_id, platform, published_at, published_tick, title, numeric_feature_names, numeric_feature_values, categorical_features";

    /// <summary>The analysis tables, indexed by <see cref="AnalysisKind"/>.</summary>
    private static readonly string[] _analysisTables =
    [
        "content_performance_history", "content_feature_analysis", "correlation_analysis_results", "trend_analysis_results",
        "optimization_insights", "ab_test_performance", "performance_benchmarks",
    ];

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item is <see langword="null"/> or fails the checks of <see cref="EngagementStoreGuard"/>; nothing is stored.</exception>
    public async Task UpsertContentAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(items, nameof(items));
        cancellationToken.ThrowIfCancellationRequested();
        if (items.Count == 0)
        {
            return;
        }

        await InTenantBatchesAsync(items, static i => i.TenantId, (batch, tenant, group) =>
        {
            foreach (var item in group)
            {
                var (published, tick) = SqlValues.Split(item.PublishedAt);
                var command = new NpgsqlBatchCommand(
                    $"""
                    INSERT INTO {_s}.content_items (tenant_id, {ContentColumns})
                    VALUES (@tenant, @content, @platform, @published, @tick, @title, @names, @values, @categorical)
                    ON CONFLICT (tenant_id, content_id) DO UPDATE SET
                        platform = EXCLUDED.platform, published_at = EXCLUDED.published_at, published_tick = EXCLUDED.published_tick,
                        title = EXCLUDED.title, numeric_feature_names = EXCLUDED.numeric_feature_names,
                        numeric_feature_values = EXCLUDED.numeric_feature_values, categorical_features = EXCLUDED.categorical_features,
                        updated_at = now()
                    """);
                var features = item.NumericFeatures ?? new Dictionary<string, double>(0);
                command.Parameters.Add(Text("tenant", tenant));
                command.Parameters.Add(Text("content", item.ContentId));
                command.Parameters.Add(Text("platform", item.Platform.Key));
                command.Parameters.Add(new NpgsqlParameter<DateTime>("published", NpgsqlDbType.TimestampTz) { TypedValue = published });
                command.Parameters.Add(new NpgsqlParameter<short>("tick", NpgsqlDbType.Smallint) { TypedValue = tick });
                command.Parameters.Add(Text("title", item.Title ?? string.Empty));
                command.Parameters.Add(TextArray("names", features.Keys));
                command.Parameters.Add(new NpgsqlParameter<double[]>("values", NpgsqlDbType.Array | NpgsqlDbType.Double) { TypedValue = [.. features.Values] });
                command.Parameters.Add(new NpgsqlParameter("categorical", NpgsqlDbType.Jsonb) { Value = (object?)SqlValues.ToJson(item.CategoricalFeatures) ?? DBNull.Value });
                batch.BatchCommands.Add(command);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="contentId"/> is <see langword="null"/>.</exception>
    public async Task<ContentItem?> GetContentAsync(string tenantId, string contentId, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        EngagementStoreGuard.ThrowIfInvalidId(contentId, nameof(contentId));
        await foreach (var item in ReadContentAsync(tenantId, "c.content_id = @content", p => p.Add(Text("content", contentId)), cancellationToken).ConfigureAwait(false))
        {
            return item;
        }

        return null;
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    public IAsyncEnumerable<ContentItem> QueryContentAsync(string tenantId, Platform? platform = null, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        return platform is { } p
            ? ReadContentAsync(tenantId, "c.platform = @platform", parameters => parameters.Add(Text("platform", p.Key)), cancellationToken)
            : ReadContentAsync(tenantId, "true", static _ => { }, cancellationToken);
    }

    /// <inheritdoc/>
    /// <remarks>Each kind has its own table; saving a record removes any record with the same id from the other tables.</remarks>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/> or has an undefined kind; nothing is stored.</exception>
    public async Task SaveAnalysisAsync(IReadOnlyList<AnalysisRecord> records, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(records, nameof(records));
        cancellationToken.ThrowIfCancellationRequested();
        if (records.Count == 0)
        {
            return;
        }

        await InTenantBatchesAsync(records, static r => r.TenantId, (batch, tenant, group) =>
        {
            var register = new NpgsqlBatchCommand($"INSERT INTO {_s}.tenants (tenant_id) VALUES (@tenant) ON CONFLICT DO NOTHING");
            register.Parameters.Add(Text("tenant", tenant));
            batch.BatchCommands.Add(register);
            var ids = SqlValues.DistinctOrdinal(group.Select(static r => r.RecordId));
            foreach (var table in _analysisTables)
            {
                var delete = new NpgsqlBatchCommand($"DELETE FROM {_s}.{table} WHERE tenant_id = @tenant AND record_id = ANY(@ids)");
                delete.Parameters.Add(Text("tenant", tenant));
                delete.Parameters.Add(TextArray("ids", ids));
                batch.BatchCommands.Add(delete);
            }

            foreach (var record in group)
            {
                var (created, tick) = SqlValues.Split(record.CreatedAt);
                var insert = new NpgsqlBatchCommand(
                    $"""
                    INSERT INTO {_s}.{_analysisTables[(int)record.Kind]} (tenant_id, record_id, subject, created_at, created_tick, payload)
                    VALUES (@tenant, @id, @subject, @created, @tick, @payload)
                    ON CONFLICT (tenant_id, record_id) DO UPDATE SET
                        subject = EXCLUDED.subject, created_at = EXCLUDED.created_at, created_tick = EXCLUDED.created_tick, payload = EXCLUDED.payload
                    """);
                insert.Parameters.Add(Text("tenant", tenant));
                insert.Parameters.Add(Text("id", record.RecordId));
                insert.Parameters.Add(Text("subject", record.Subject ?? string.Empty));
                insert.Parameters.Add(new NpgsqlParameter<DateTime>("created", NpgsqlDbType.TimestampTz) { TypedValue = created });
                insert.Parameters.Add(new NpgsqlParameter<short>("tick", NpgsqlDbType.Smallint) { TypedValue = tick });
                insert.Parameters.Add(Text("payload", record.PayloadJson ?? string.Empty));
                batch.BatchCommands.Add(insert);
            }
        }, cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The query's kind is undefined.</exception>
    public async IAsyncEnumerable<AnalysisRecord> QueryAnalysisAsync(
        AnalysisQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));

        var (connection, transaction) = await BeginAsync(query.TenantId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, string.Empty);
            await using (command.ConfigureAwait(false))
            {
                var where = "a.tenant_id = @tenant";
                command.Parameters.Add(Text("tenant", query.TenantId));
                if (query.Subject is { } subject)
                {
                    where += " AND a.subject = @subject";
                    command.Parameters.Add(Text("subject", subject));
                }

                if (query.Since is { } since)
                {
                    where += " AND " + TimePredicate.AtOrAfter(command.Parameters, "a.created_at", "a.created_tick", since, "since");
                }

                var limit = string.Empty;
                if (query.Limit is { } n)
                {
                    limit = " LIMIT @limit";
                    command.Parameters.Add(new NpgsqlParameter<int>("limit", NpgsqlDbType.Integer) { TypedValue = Math.Max(0, n) });
                }

                command.CommandText =
                    $"SELECT a.record_id, a.subject, a.created_at, a.created_tick, a.payload FROM {_s}.{_analysisTables[(int)query.Kind]} a "
                    + $"WHERE {where} ORDER BY a.created_at DESC, a.created_tick DESC, a.record_id{limit}";
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        yield return new AnalysisRecord(
                            reader.GetString(0), query.Kind, reader.GetString(1), SqlValues.Join(reader.GetDateTime(2), reader.GetInt16(3)), reader.GetString(4))
                        {
                            TenantId = query.TenantId,
                        };
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private async IAsyncEnumerable<ContentItem> ReadContentAsync(
        string tenantId, string filter, Action<NpgsqlParameterCollection> addParameters, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var (connection, transaction) = await BeginAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(
                connection,
                transaction,
                $"SELECT {Prefixed("c", ContentColumns)} FROM {_s}.content_items c WHERE c.tenant_id = @tenant AND {filter} ORDER BY c.content_id");
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text("tenant", tenantId));
                addParameters(command.Parameters);
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
                    {
                        var names = reader.GetFieldValue<string[]>(5);
                        var values = reader.GetFieldValue<double[]>(6);
                        var numeric = new Dictionary<string, double>(names.Length, StringComparer.Ordinal);
                        for (var i = 0; i < names.Length; i++)
                        {
                            numeric[names[i]] = values[i];
                        }

                        yield return new ContentItem(
                            reader.GetString(0), SqlValues.ToPlatform(reader.GetString(1)), SqlValues.Join(reader.GetDateTime(2), reader.GetInt16(3)), reader.GetString(4))
                        {
                            TenantId = tenantId,
                            NumericFeatures = numeric,
                            CategoricalFeatures = SqlValues.FromJson(reader.IsDBNull(7) ? null : reader.GetString(7)),
                        };
                    }
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Runs one transaction with one batch per tenant (tenant setting first) built by <paramref name="fill"/>.</summary>
    private async Task InTenantBatchesAsync<T>(
        IReadOnlyList<T> items, Func<T, string> tenantOf, Action<NpgsqlBatch, string, IEnumerable<T>> fill, CancellationToken cancellationToken)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                foreach (var tenant in SqlValues.DistinctOrdinal(items.Select(tenantOf)))
                {
                    var batch = Batch(connection, transaction);
                    await using (batch.ConfigureAwait(false))
                    {
                        batch.BatchCommands.Add(TenantCommand(tenant));
                        fill(batch, tenant, items.Where(i => string.Equals(tenantOf(i), tenant, StringComparison.Ordinal)));
                        await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }
}
