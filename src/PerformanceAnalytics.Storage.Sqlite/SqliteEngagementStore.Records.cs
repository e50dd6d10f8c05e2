using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace PerformanceAnalytics.Storage.Sqlite;

/// <content>Content items, analysis records, retention and the health probe.</content>
public sealed partial class SqliteEngagementStore
{
    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="items"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">An item is <see langword="null"/> or fails the checks of <see cref="EngagementStoreGuard"/>; nothing is stored.</exception>
    /// <remarks>All items are written in one transaction. Features are stored as JSON text.</remarks>
    public Task UpsertContentAsync(IReadOnlyList<ContentItem> items, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(items, nameof(items));
        return WriteRowsAsync(
            items,
            SqliteSql.UpsertContent,
            ["$tenant", "$content", "$platform", "$published", "$offset", "$title", "$numeric", "$categorical"],
            static (item, p) =>
            {
                p[0].Value = item.TenantId;
                p[1].Value = item.ContentId;
                p[2].Value = item.Platform.Key;
                p[3].Value = item.PublishedAt.UtcTicks;
                p[4].Value = (long)item.PublishedAt.Offset.TotalMinutes;
                p[5].Value = item.Title ?? string.Empty;
                p[6].Value = SqliteJson.Write(item.NumericFeatures);
                p[7].Value = SqliteJson.Write(item.CategoricalFeatures);
            },
            cancellationToken);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="contentId"/> is <see langword="null"/>.</exception>
    public Task<ContentItem?> GetContentAsync(string tenantId, string contentId, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        EngagementStoreGuard.ThrowIfInvalidId(contentId, nameof(contentId));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {SqliteSql.ContentColumns} FROM content_items WHERE tenant_id = $tenant AND content_id = $content;";
        command.Parameters.AddWithValue("$tenant", tenantId);
        command.Parameters.AddWithValue("$content", contentId);
        using var reader = command.ExecuteReader();
        return Task.FromResult(reader.Read() ? ReadContent(reader, tenantId) : null);
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> is <see langword="null"/>.</exception>
    public async IAsyncEnumerable<ContentItem> QueryContentAsync(
        string tenantId, Platform? platform = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = platform is null
            ? $"SELECT {SqliteSql.ContentColumns} FROM content_items WHERE tenant_id = $tenant ORDER BY content_id;"
            : $"SELECT {SqliteSql.ContentColumns} FROM content_items WHERE tenant_id = $tenant AND platform = $platform ORDER BY content_id;";
        command.Parameters.AddWithValue("$tenant", tenantId);
        if (platform is { } p)
        {
            command.Parameters.AddWithValue("$platform", p.Key);
        }

        using var reader = command.ExecuteReader();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReadContent(reader, tenantId);
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="records"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">A record is <see langword="null"/> or fails the checks of <see cref="EngagementStoreGuard"/>; nothing is stored.</exception>
    /// <remarks>All records are written in one transaction; the payload is stored verbatim.</remarks>
    public Task SaveAnalysisAsync(IReadOnlyList<AnalysisRecord> records, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(records, nameof(records));
        return WriteRowsAsync(
            records,
            SqliteSql.UpsertAnalysis,
            ["$tenant", "$record", "$kind", "$subject", "$created", "$offset", "$payload"],
            static (record, p) =>
            {
                p[0].Value = record.TenantId;
                p[1].Value = record.RecordId;
                p[2].Value = record.Kind.ToString();
                p[3].Value = record.Subject;
                p[4].Value = record.CreatedAt.UtcTicks;
                p[5].Value = (long)record.CreatedAt.Offset.TotalMinutes;
                p[6].Value = record.PayloadJson;
            },
            cancellationToken);
    }

    /// <summary>
    /// Writes rows with one prepared statement in one transaction, under the writer gate: all of them or, on
    /// cancellation or failure, none.
    /// </summary>
    private async Task WriteRowsAsync<T>(
        IReadOnlyList<T> rows,
        string sql,
        string[] parameterNames,
        Action<T, SqliteParameter[]> bind,
        CancellationToken cancellationToken)
        where T : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (rows.Count == 0)
        {
            return;
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = sql;
            var parameters = parameterNames.Select(name => AddParameter(command, name)).ToArray();
            command.Prepare();
            for (var i = 0; i < rows.Count; i++)
            {
                if (i % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                bind(rows[i], parameters);
                command.ExecuteNonQuery();
            }

            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="query"/> is <see langword="null"/>.</exception>
    /// <remarks>Ordered by creation instant, newest first, then by record id; a limit of zero or less returns nothing.</remarks>
    public async IAsyncEnumerable<AnalysisRecord> QueryAnalysisAsync(
        AnalysisQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(query, nameof(query));
        cancellationToken.ThrowIfCancellationRequested();
        if (query.Limit is <= 0)
        {
            yield break;
        }

        using var connection = Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT record_id, kind, subject, created_at, created_offset_minutes, payload FROM analysis_records"
            + " WHERE tenant_id = $tenant AND kind = $kind"
            + (query.Subject is null ? string.Empty : " AND subject = $subject")
            + (query.Since is null ? string.Empty : " AND created_at >= $since")
            + " ORDER BY created_at DESC, record_id"
            + (query.Limit is null ? ";" : " LIMIT $limit;");
        command.Parameters.AddWithValue("$tenant", query.TenantId);
        command.Parameters.AddWithValue("$kind", query.Kind.ToString());
        if (query.Subject is { } subject)
        {
            command.Parameters.AddWithValue("$subject", subject);
        }

        if (query.Since is { } since)
        {
            command.Parameters.AddWithValue("$since", since.UtcTicks);
        }

        if (query.Limit is { } limit)
        {
            command.Parameters.AddWithValue("$limit", limit);
        }

        using var reader = command.ExecuteReader();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new AnalysisRecord(
                reader.GetString(0),
                Enum.Parse<AnalysisKind>(reader.GetString(1)),
                reader.GetString(2),
                Instant(reader.GetInt64(3), reader.GetInt64(4)),
                reader.GetString(5))
            {
                TenantId = query.TenantId,
            };
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Snapshots and analysis records are deleted in one transaction. Content items and the content-to-platform
    /// mapping are kept. Deleting every tenant's rows scans the snapshots table.
    /// </remarks>
    public async Task<RetentionResult> DeleteOlderThanAsync(DateTimeOffset cutoff, string? tenantId = null, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidTenantFilter(tenantId, nameof(tenantId));
        cancellationToken.ThrowIfCancellationRequested();
        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var connection = Open();
            using var transaction = connection.BeginTransaction(deferred: false);
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            var tenantFilter = tenantId is null ? string.Empty : " AND tenant_id = $tenant";
            command.Parameters.AddWithValue("$cutoff", cutoff.UtcTicks);
            if (tenantId is not null)
            {
                command.Parameters.AddWithValue("$tenant", tenantId);
            }

            command.CommandText = $"DELETE FROM engagement_snapshots WHERE ts < $cutoff{tenantFilter};";
            long snapshots = command.ExecuteNonQuery();
            cancellationToken.ThrowIfCancellationRequested();
            command.CommandText = $"DELETE FROM analysis_records WHERE created_at < $cutoff{tenantFilter};";
            long records = command.ExecuteNonQuery();
            cancellationToken.ThrowIfCancellationRequested();
            transaction.Commit();
            return new RetentionResult(snapshots, records);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Runs <c>SELECT sqlite_version()</c> and counts rows. Reports unhealthy (instead of throwing) when SQLite
    /// fails or the schema cannot be brought up to date. <see cref="StoreHealth.Data"/> holds
    /// <c>sqlite_version</c>, <c>schema_version</c>, <c>journal_mode</c>, <c>tenants</c>, <c>content_items</c>
    /// (items with snapshots), <c>snapshots</c> and <c>analysis_records</c>.
    /// </remarks>
    public Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        try
        {
            using var connection = Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                SELECT sqlite_version(),
                    (SELECT MAX(version) FROM schema_version),
                    (SELECT COUNT(*) FROM (SELECT tenant_id FROM content_series UNION SELECT tenant_id FROM content_items UNION SELECT tenant_id FROM analysis_records)),
                    (SELECT COUNT(*) FROM content_series),
                    (SELECT COUNT(*) FROM engagement_snapshots),
                    (SELECT COUNT(*) FROM analysis_records);
                PRAGMA journal_mode;
                """;
            using var reader = command.ExecuteReader();
            reader.Read();
            var version = reader.GetString(0);
            var data = new Dictionary<string, string>(StringComparer.Ordinal)
            {
                ["sqlite_version"] = version,
                ["schema_version"] = Text(reader.GetInt64(1)),
                ["tenants"] = Text(reader.GetInt64(2)),
                ["content_items"] = Text(reader.GetInt64(3)),
                ["snapshots"] = Text(reader.GetInt64(4)),
                ["analysis_records"] = Text(reader.GetInt64(5)),
            };
            if (reader.NextResult() && reader.Read())
            {
                data["journal_mode"] = reader.GetString(0);
            }

            return Task.FromResult(new StoreHealth(true, $"SQLite {version}") { Data = data });
        }
        catch (SqliteException e)
        {
            return Task.FromResult(new StoreHealth(false, $"SQLite error {e.SqliteErrorCode}: {e.Message}"));
        }
        catch (InvalidOperationException e) when (!_initialized)
        {
            return Task.FromResult(new StoreHealth(false, e.Message));
        }
    }

    private static ContentItem ReadContent(SqliteDataReader reader, string tenantId)
        => new(reader.GetString(0), ReadPlatform(reader.GetString(1)), Instant(reader.GetInt64(2), reader.GetInt64(3)), reader.GetString(4))
        {
            TenantId = tenantId,
            NumericFeatures = SqliteJson.ReadNumbers(reader.GetString(5)),
            CategoricalFeatures = SqliteJson.ReadStrings(reader.GetString(6)),
        };

    private static DateTimeOffset Instant(long utcTicks, long offsetMinutes)
        => new DateTimeOffset(utcTicks, TimeSpan.Zero).ToOffset(TimeSpan.FromMinutes(offsetMinutes));

    private static string Text(long value) => value.ToString(CultureInfo.InvariantCulture);
}
