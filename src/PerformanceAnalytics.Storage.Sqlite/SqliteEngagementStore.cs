using System.Globalization;
using Microsoft.Data.Sqlite;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace PerformanceAnalytics.Storage.Sqlite;

/// <summary>
/// An <see cref="IEngagementStore"/> in a SQLite database file: WAL journal, versioned schema, one transaction per
/// batch, aggregation in SQL.
/// </summary>
/// <remarks>
/// <para>
/// <b>Schema.</b> Created and migrated on first use; <c>schema_version</c> records each applied migration. Snapshots
/// keep one REAL column per catalogue metric (NULL = not observed), the UTC instant as ticks and the metadata as
/// JSON text. See the package README for the tables and indexes.
/// </para>
/// <para>
/// <b>Durability and atomicity.</b> Each <see cref="AppendAsync"/> batch is one <c>BEGIN IMMEDIATE</c> transaction
/// with <c>INSERT OR IGNORE</c> on the (tenant, snapshot id) unique index, so it is stored entirely or not at all and
/// a redelivered snapshot is counted as a duplicate. The journal is WAL with <c>synchronous = FULL</c>: once the
/// task completes the batch survives a killed process and a power loss.
/// </para>
/// <para>
/// <b>Concurrency.</b> Every operation opens its own pooled connection, so the store is thread-safe. Writers of
/// one store instance queue on an in-process gate; writers in other processes (or other instances) queue on SQLite's
/// lock for up to <see cref="SqliteStoreOptions.BusyTimeout"/>. Readers never block writers (WAL).
/// </para>
/// <para>
/// <b>Synchronous I/O.</b> Microsoft.Data.Sqlite executes synchronously; so does this store, on the calling thread,
/// before it returns a completed task. Streaming queries hold a read snapshot until the enumeration ends.
/// </para>
/// <para>
/// <b>Cancellation.</b> The token is checked before each statement and every 256 rows; a cancelled append rolls
/// back. A single running statement is not interrupted.
/// </para>
/// <para>
/// <b>Ordering.</b> Ids sort by SQLite's BINARY collation (UTF-8 bytes), which equals ordinal UTF-16 order except
/// between supplementary-plane characters and U+E000–U+FFFF.
/// </para>
/// </remarks>
public sealed partial class SqliteEngagementStore : IEngagementStore, IDisposable
{
    private const int CancellationCheckInterval = 256;
    private static readonly IReadOnlyDictionary<string, string> _noMetadata = new Dictionary<string, string>(0, StringComparer.Ordinal);

    private readonly string _connectionString;
    private readonly string _connectionPragmas;
    private readonly SemaphoreSlim _writeGate = new(1, 1);
    private readonly Lock _initLock = new();
    private volatile bool _initialized;
    private volatile bool _disposed;

    /// <summary>Creates a store on the database a connection string names.</summary>
    /// <param name="connectionString">A Microsoft.Data.Sqlite connection string, for example <c>"Data Source=analytics.db"</c>.</param>
    /// <exception cref="ArgumentException"><paramref name="connectionString"/> is empty, malformed, in-memory or read-only.</exception>
    /// <remarks>Nothing is opened until the first operation, which creates or migrates the schema.</remarks>
    public SqliteEngagementStore(string connectionString)
        : this(new SqliteStoreOptions { ConnectionString = connectionString ?? string.Empty }, nameof(connectionString))
    {
    }

    /// <summary>Creates a store from options.</summary>
    /// <param name="options">The options; copied.</param>
    /// <exception cref="ArgumentNullException"><paramref name="options"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <remarks>Nothing is opened until the first operation, which creates or migrates the schema.</remarks>
    public SqliteEngagementStore(SqliteStoreOptions options)
        : this(options, nameof(options))
    {
    }

    private SqliteEngagementStore(SqliteStoreOptions options, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(options, parameterName);
        var failures = SqliteStoreOptionsValidator.Failures(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), parameterName);
        }

        var builder = new SqliteConnectionStringBuilder(options.ConnectionString)
        {
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        _connectionString = builder.ToString();
        _connectionPragmas = string.Create(
            CultureInfo.InvariantCulture,
            $"PRAGMA busy_timeout = {(long)options.BusyTimeout.TotalMilliseconds}; PRAGMA synchronous = FULL;");
        DataSource = builder.DataSource;
    }

    /// <summary>Gets the database file the store uses.</summary>
    public string DataSource { get; }

    /// <inheritdoc/>
    /// <exception cref="ArgumentNullException"><paramref name="snapshots"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">
    /// A snapshot is <see langword="null"/> or has a <see langword="null"/> id, or has an id or metadata entry with a
    /// lone surrogate or U+0000 (<see cref="EngagementStoreGuard"/>), or names a content item the tenant
    /// tracks on another platform (in the store or earlier in the batch); nothing is stored.
    /// </exception>
    /// <exception cref="SqliteException">The database failed, or stayed locked longer than the busy timeout; nothing is stored.</exception>
    public async Task<AppendResult> AppendAsync(IReadOnlyList<EngagementSnapshot> snapshots, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalid(snapshots, nameof(snapshots));
        cancellationToken.ThrowIfCancellationRequested();
        var series = GroupSeries(snapshots);
        if (snapshots.Count == 0)
        {
            return new AppendResult(0, 0);
        }

        await _writeGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return AppendCore(snapshots, series, cancellationToken);
        }
        finally
        {
            _writeGate.Release();
        }
    }

    /// <summary>Clears the connection pool of the store's database, closing idle connections (and so the file).</summary>
    /// <remarks>
    /// Operations started afterwards throw <see cref="ObjectDisposedException"/>; the database file stays as it is.
    /// Disposing twice does nothing.
    /// </remarks>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    /// <summary>Opens a pooled connection, creating or migrating the schema on first use.</summary>
    private SqliteConnection Open()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_initialized)
        {
            Initialize();
        }

        return OpenConnection();
    }

    private SqliteConnection OpenConnection()
    {
        var connection = new SqliteConnection(_connectionString);
        var opened = false;
        try
        {
            connection.Open();
            using (var command = connection.CreateCommand())
            {
                command.CommandText = _connectionPragmas;
                command.ExecuteNonQuery();
            }

            opened = true;
            return connection;
        }
        finally
        {
            if (!opened)
            {
                connection.Dispose();
            }
        }
    }

    private void Initialize()
    {
        lock (_initLock)
        {
            if (_initialized)
            {
                return;
            }

            using var connection = OpenConnection();
            SqliteMigrator.Migrate(connection, SqliteMigrations.All);
            _initialized = true;
        }
    }

    /// <summary>Groups a batch by (tenant, content), checking nulls and platform consistency within the batch.</summary>
    private static SeriesBatch GroupSeries(IReadOnlyList<EngagementSnapshot> snapshots)
    {
        var index = new Dictionary<(string Tenant, string Content), int>();
        var series = new List<SeriesKey>();
        var rowSeries = new int[snapshots.Count];
        for (var i = 0; i < snapshots.Count; i++)
        {
            var snapshot = snapshots[i];
            if (index.TryGetValue((snapshot.TenantId, snapshot.ContentId), out var s))
            {
                if (series[s].Platform != snapshot.Platform)
                {
                    throw new ArgumentException(
                        $"Snapshot {i}: content '{snapshot.ContentId}' is on '{series[s].Platform}' earlier in the batch, not '{snapshot.Platform}'.",
                        nameof(snapshots));
                }
            }
            else
            {
                s = series.Count;
                index.Add((snapshot.TenantId, snapshot.ContentId), s);
                series.Add(new SeriesKey(snapshot.TenantId, snapshot.ContentId, snapshot.Platform, i));
            }

            rowSeries[i] = s;
        }

        return new SeriesBatch([.. series], rowSeries);
    }

    private AppendResult AppendCore(IReadOnlyList<EngagementSnapshot> snapshots, SeriesBatch batch, CancellationToken cancellationToken)
    {
        using var connection = Open();
        using var transaction = connection.BeginTransaction(deferred: false);

        // Rows first: INSERT OR IGNORE tells which are new, so that only items that gained rows get (or update)
        // their series entry. A failure below rolls the rows back with everything else.
        var inserted = 0;
        var masks = new long[batch.Series.Length];
        var gained = new bool[batch.Series.Length];
        using (var insert = connection.CreateCommand())
        {
            insert.Transaction = transaction;
            insert.CommandText = SqliteSql.InsertSnapshot;
            var tenant = AddParameter(insert, "$tenant");
            var id = AddParameter(insert, "$id");
            var content = AddParameter(insert, "$content");
            var platform = AddParameter(insert, "$platform");
            var ticks = AddParameter(insert, "$ts");
            var metrics = new SqliteParameter[SqliteSchema.MetricCount];
            for (var m = 0; m < metrics.Length; m++)
            {
                metrics[m] = AddParameter(insert, string.Create(CultureInfo.InvariantCulture, $"$m{m}"));
            }

            var metadata = AddParameter(insert, "$metadata");
            insert.Prepare();
            Span<double> dense = stackalloc double[Metric.Count];
            for (var i = 0; i < snapshots.Count; i++)
            {
                if (i % CancellationCheckInterval == 0)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                }

                var snapshot = snapshots[i];
                tenant.Value = snapshot.TenantId;
                id.Value = snapshot.SnapshotId;
                content.Value = snapshot.ContentId;
                platform.Value = snapshot.Platform.Key;
                ticks.Value = snapshot.Timestamp.UtcTicks;
                snapshot.Metrics.CopyTo(dense);
                var mask = 0L;
                for (var m = 0; m < metrics.Length; m++)
                {
                    if (double.IsNaN(dense[m]))
                    {
                        metrics[m].Value = DBNull.Value;
                    }
                    else
                    {
                        metrics[m].Value = dense[m];
                        mask |= 1L << m;
                    }
                }

                metadata.Value = snapshot.Metadata is { Count: > 0 } map ? SqliteJson.Write(map) : DBNull.Value;
                if (insert.ExecuteNonQuery() == 1)
                {
                    inserted++;
                    var s = batch.RowSeries[i];
                    gained[s] = true;
                    masks[s] |= mask;
                }
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        CheckAndRecordSeries(connection, transaction, batch.Series, gained, masks, nameof(snapshots));
        cancellationToken.ThrowIfCancellationRequested();
        transaction.Commit();
        return new AppendResult(inserted, snapshots.Count - inserted);
    }

    /// <summary>
    /// Records each item that gained rows in <c>content_series</c> (OR-ing in the metrics it reported) and checks
    /// that no item of the batch is tracked on another platform; throws (rolling back the batch) when one is.
    /// </summary>
    private static void CheckAndRecordSeries(
        SqliteConnection connection, SqliteTransaction transaction, SeriesKey[] series, bool[] gained, long[] masks, string parameterName)
    {
        using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = SqliteSql.UpsertSeries;
        var tenant = AddParameter(upsert, "$tenant");
        var content = AddParameter(upsert, "$content");
        var platform = AddParameter(upsert, "$platform");
        var mask = AddParameter(upsert, "$mask");

        using var check = connection.CreateCommand();
        check.Transaction = transaction;
        check.CommandText = "SELECT platform FROM content_series WHERE tenant_id = $tenant AND content_id = $content;";
        var checkTenant = AddParameter(check, "$tenant");
        var checkContent = AddParameter(check, "$content");

        for (var s = 0; s < series.Length; s++)
        {
            var key = series[s];
            string? stored;
            if (gained[s])
            {
                tenant.Value = key.Tenant;
                content.Value = key.Content;
                platform.Value = key.Platform.Key;
                mask.Value = masks[s];
                stored = upsert.ExecuteScalar() as string;
            }
            else
            {
                // Only duplicates: nothing to record, but the platform must still agree.
                checkTenant.Value = key.Tenant;
                checkContent.Value = key.Content;
                stored = check.ExecuteScalar() as string ?? key.Platform.Key;
            }

            if (!string.Equals(stored, key.Platform.Key, StringComparison.Ordinal))
            {
                throw new ArgumentException(
                    $"Snapshot {key.FirstIndex}: content '{key.Content}' is tracked on '{stored}', not '{key.Platform}'.",
                    parameterName);
            }
        }
    }

    private static SqliteParameter AddParameter(SqliteCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        parameter.Value = DBNull.Value;
        command.Parameters.Add(parameter);
        return parameter;
    }

    private static Platform ReadPlatform(string key) => key.Length == 0 ? default : Platform.Parse(key);

    private readonly record struct SeriesKey(string Tenant, string Content, Platform Platform, int FirstIndex);

    private sealed record SeriesBatch(SeriesKey[] Series, int[] RowSeries);
}
