using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql.Internal;

namespace PerformanceAnalytics.Storage.PostgreSql;

/// <summary>
/// An <see cref="IEngagementStore"/> on PostgreSQL 13 or later (and Citus): binary COPY ingest, aggregation in SQL,
/// row-level security by tenant, versioned migrations.
/// </summary>
/// <remarks>
/// <para>
/// <b>Tenancy.</b> Every operation runs in a transaction that first calls
/// <c>set_config('pa.tenant_id', tenant, true)</c>; the tables' row-level security policies
/// (<c>tenant_id = current_setting('pa.tenant_id', true)</c>, forced for the table owner too) then hide and reject
/// other tenants' rows, so a missing tenant filter in a query cannot leak data.
/// </para>
/// <para>
/// <b>Ingest.</b> <see cref="AppendAsync"/> copies the batch with binary COPY into a temporary staging table, then
/// moves it with <c>INSERT … SELECT … ON CONFLICT DO NOTHING</c> in the same transaction: a batch is atomic and
/// re-delivered snapshot ids are counted as duplicates.
/// </para>
/// <para>
/// <b>Queries.</b> Series reads fetch only the last observation of each bucket (bucket boundaries from
/// <see cref="BucketedSeriesBuilder.Boundaries"/> sent as a <c>timestamptz[]</c> and matched with
/// <c>width_bucket</c>), the observations just before and after, or the gauge mean or last per bucket, and assemble
/// the series with <see cref="BucketedSeriesBuilder"/>. Platform aggregates are computed in one statement from one
/// index probe per content item. These analytical reads run with PostgreSQL's JIT compilation off: their statements
/// are cheap but carry many sub-plans, whose compilation would cost more than it saves.
/// </para>
/// <para>
/// <b>Limits.</b> PostgreSQL text cannot hold the character U+0000, nor UTF-8 a lone surrogate: arguments whose ids
/// or text hold either are rejected before anything is sent (<see cref="ArgumentException"/>, <see cref="EngagementStoreGuard"/>). Ids sort by code point (collation "C"), which matches
/// ordinal .NET ordering except for characters outside the Basic Multilingual Plane relative to U+E000–U+FFFF.
/// </para>
/// <para>The store is thread-safe; create one per process (it pools connections through its data source).</para>
/// </remarks>
public sealed partial class PostgreSqlEngagementStore : IEngagementStore, IAsyncDisposable, IDisposable
{
    private const string TenantSetting = "pa.tenant_id";

    private readonly NpgsqlDataSource _dataSource;
    private readonly bool _ownsDataSource;
    private readonly PostgreSqlStoreOptions _options;
    private readonly string _s;
    private readonly int _timeoutSeconds;
    private readonly SemaphoreSlim _migrationGate = new(1, 1);
    private volatile bool _migrated;

    /// <summary>Creates a store with default options on a data source the caller owns.</summary>
    /// <param name="dataSource">The data source; the caller disposes it after the store.</param>
    /// <exception cref="ArgumentNullException"><paramref name="dataSource"/> is <see langword="null"/>.</exception>
    public PostgreSqlEngagementStore(NpgsqlDataSource dataSource)
        : this(dataSource, new PostgreSqlStoreOptions())
    {
    }

    /// <summary>Creates a store on a data source the caller owns.</summary>
    /// <param name="dataSource">The data source; the caller disposes it after the store.</param>
    /// <param name="options">The options; copied.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="options"/> are invalid; the message says which.</exception>
    public PostgreSqlEngagementStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options)
        : this(dataSource, options, ownsDataSource: false)
    {
    }

    internal PostgreSqlEngagementStore(NpgsqlDataSource dataSource, PostgreSqlStoreOptions options, bool ownsDataSource)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        _options = PostgreSqlStoreOptionsValidator.ValidateOrThrow(options, nameof(options));
        _dataSource = dataSource;
        _ownsDataSource = ownsDataSource;
        _s = SchemaMigrator.Quote(_options.Schema);
        _timeoutSeconds = (int)Math.Ceiling(_options.CommandTimeout.TotalSeconds);
    }

    /// <summary>Gets the schema that holds the store's objects.</summary>
    public string Schema => _options.Schema;

    /// <summary>Applies pending schema migrations.</summary>
    /// <param name="cancellationToken">Cancels the migration; a cancelled migration changes nothing.</param>
    /// <returns>How many migrations this call applied (0 when the schema is current).</returns>
    /// <remarks>
    /// Migrations are embedded SQL scripts, each applied once and recorded in <c>schema_version</c>. The whole run
    /// holds <c>pg_advisory_xact_lock</c> on a key derived from the schema name and is one transaction, so instances
    /// that start together apply each migration exactly once and never see a half-applied one. Needs a role that may
    /// create the schema (or owns it). Called automatically before the first command when
    /// <see cref="PostgreSqlStoreOptions.ApplyMigrations"/> is set.
    /// </remarks>
    /// <exception cref="NpgsqlException">The server failed or refused (for example, missing privileges).</exception>
    public async Task<int> MigrateAsync(CancellationToken cancellationToken = default)
    {
        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var applied = await SchemaMigrator.MigrateAsync(_dataSource, _options.Schema, _timeoutSeconds, cancellationToken).ConfigureAwait(false);
            _migrated = true;
            return applied;
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Recomputes the daily materialized views (per content item and per platform) for every tenant.</summary>
    /// <param name="cancellationToken">Cancels the refresh; the previous contents then remain.</param>
    /// <returns>A task that completes when both views are refreshed.</returns>
    /// <remarks>
    /// Applications read the views through <c>daily_content_performance</c> and <c>daily_platform_performance</c>,
    /// which show the rows of the tenant set in <c>pa.tenant_id</c>. The refresh reads each registered tenant's
    /// snapshots with that tenant set (row-level security holds) and must run as the owner of the views.
    /// </remarks>
    /// <exception cref="NpgsqlException">The server failed or refused (for example, the role does not own the views).</exception>
    public async Task RefreshMaterializedViewsAsync(CancellationToken cancellationToken = default)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await using (transaction.ConfigureAwait(false))
            {
                var command = Command(
                    connection,
                    transaction,
                    $"REFRESH MATERIALIZED VIEW {_s}.daily_content_metrics_mv; REFRESH MATERIALIZED VIEW {_s}.daily_platform_metrics_mv;");
                await using (command.ConfigureAwait(false))
                {
                    await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }

                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Fits a least-squares line to one content item's daily values of a metric, in SQL.</summary>
    /// <param name="tenantId">The tenant.</param>
    /// <param name="contentId">The content item.</param>
    /// <param name="metric">The metric.</param>
    /// <param name="range">The half-open range; days are UTC days, counted from the day of its start.</param>
    /// <param name="cancellationToken">Cancels the query.</param>
    /// <returns>The fit; slope, intercept and R² are NaN with fewer than two days.</returns>
    /// <remarks>
    /// Calls the schema's <c>daily_metric_trend</c> function: per UTC day with an observation, y is the day's last
    /// observed value (for a counter, its lifetime total, so the slope is the mean activity per day) and x the day
    /// number; slope, intercept and R² are PostgreSQL's <c>regr_slope</c>, <c>regr_intercept</c> and <c>regr_r2</c>
    /// (ordinary least squares). The range bounds are used at microsecond precision.
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="tenantId"/> or <paramref name="contentId"/> is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException"><paramref name="metric"/> is not a catalogue metric.</exception>
    public async Task<PostgreSqlDailyTrend> GetDailyTrendAsync(
        string tenantId, string contentId, Metric metric, TimeRange range, CancellationToken cancellationToken = default)
    {
        EngagementStoreGuard.ThrowIfInvalidId(tenantId, nameof(tenantId));
        EngagementStoreGuard.ThrowIfInvalidId(contentId, nameof(contentId));
        var column = SqlValues.ColumnOf(metric);
        var (connection, transaction) = await BeginAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection.ConfigureAwait(false))
        await using (transaction.ConfigureAwait(false))
        {
            var command = Command(connection, transaction, $"SELECT days, slope, intercept, r_squared FROM {_s}.daily_metric_trend(@content, @metric, @from, @to)");
            await using (command.ConfigureAwait(false))
            {
                command.Parameters.Add(Text("content", contentId));
                command.Parameters.Add(Text("metric", column));
                command.Parameters.Add(new NpgsqlParameter<DateTime>("from", NpgsqlDbType.TimestampTz) { TypedValue = range.Start.UtcDateTime });
                command.Parameters.Add(new NpgsqlParameter<DateTime>("to", NpgsqlDbType.TimestampTz) { TypedValue = range.End.UtcDateTime });
                var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                await using (reader.ConfigureAwait(false))
                {
                    await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                    return new PostgreSqlDailyTrend(
                        reader.GetInt64(0),
                        reader.IsDBNull(1) ? double.NaN : reader.GetDouble(1),
                        reader.IsDBNull(2) ? double.NaN : reader.GetDouble(2),
                        reader.IsDBNull(3) ? double.NaN : reader.GetDouble(3));
                }
            }
        }
    }

    /// <inheritdoc/>
    /// <remarks>Reports the server version, the schema version and the number of registered tenants.</remarks>
    public async Task<StoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        try
        {
            await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
            var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using (connection.ConfigureAwait(false))
            {
                var command = Command(
                    connection,
                    null,
                    $"SELECT current_setting('server_version'), (SELECT coalesce(max(version), 0) FROM {_s}.schema_version), (SELECT count(*) FROM {_s}.tenants)");
                await using (command.ConfigureAwait(false))
                {
                    var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
                    await using (reader.ConfigureAwait(false))
                    {
                        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
                        var schemaVersion = reader.GetInt32(1);
                        var data = new Dictionary<string, string>(StringComparer.Ordinal)
                        {
                            ["server_version"] = reader.GetString(0),
                            ["schema"] = _options.Schema,
                            ["schema_version"] = schemaVersion.ToString(CultureInfo.InvariantCulture),
                            ["tenants"] = reader.GetInt64(2).ToString(CultureInfo.InvariantCulture),
                        };
                        var current = schemaVersion == SchemaMigrator.LatestVersion;
                        var description = current
                            ? $"PostgreSQL {data["server_version"]}, schema {_options.Schema} at version {schemaVersion}"
                            : $"PostgreSQL {data["server_version"]}, schema {_options.Schema} at version {schemaVersion}, expected {SchemaMigrator.LatestVersion}";
                        return new StoreHealth(current, description) { Data = data };
                    }
                }
            }
        }
        catch (NpgsqlException exception)
        {
            return new StoreHealth(false, "PostgreSQL store unavailable: " + exception.Message);
        }
        catch (TimeoutException exception)
        {
            return new StoreHealth(false, "PostgreSQL store unavailable: " + exception.Message);
        }
    }

    /// <summary>Releases the data source when the store created it.</summary>
    public void Dispose()
    {
        _migrationGate.Dispose();
        if (_ownsDataSource)
        {
            _dataSource.Dispose();
        }
    }

    /// <summary>Releases the data source when the store created it.</summary>
    /// <returns>A task that completes when the data source is released.</returns>
    public async ValueTask DisposeAsync()
    {
        _migrationGate.Dispose();
        if (_ownsDataSource)
        {
            await _dataSource.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static NpgsqlParameter<string> Text(string name, string value) => new(name, NpgsqlDbType.Text) { TypedValue = value };

    private static NpgsqlParameter<string[]> TextArray(string name, IEnumerable<string> values)
        => new(name, NpgsqlDbType.Array | NpgsqlDbType.Text) { TypedValue = [.. values] };

    private async ValueTask EnsureMigratedAsync(CancellationToken cancellationToken)
    {
        if (_migrated || !_options.ApplyMigrations)
        {
            return;
        }

        await _migrationGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (!_migrated)
            {
                await SchemaMigrator.MigrateAsync(_dataSource, _options.Schema, _timeoutSeconds, cancellationToken).ConfigureAwait(false);
                _migrated = true;
            }
        }
        finally
        {
            _migrationGate.Release();
        }
    }

    /// <summary>Opens a connection, begins a transaction and sets the tenant for it.</summary>
    private async Task<(NpgsqlConnection Connection, NpgsqlTransaction Transaction)> BeginAsync(
        string tenantId, CancellationToken cancellationToken, bool withoutJit = false)
    {
        await EnsureMigratedAsync(cancellationToken).ConfigureAwait(false);
        var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            await SetTenantAsync(connection, transaction, tenantId, withoutJit, cancellationToken).ConfigureAwait(false);
            return (connection, transaction);
        }
        catch
        {
            await connection.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task SetTenantAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, string tenantId, bool withoutJit, CancellationToken cancellationToken)
    {
        // JIT compilation of a statement with many cheap sub-plans costs far more than it saves (seconds for the
        // platform aggregates, whose cost estimate assumes every fallback probe runs).
        var command = Command(
            connection,
            transaction,
            withoutJit ? $"SELECT set_config('{TenantSetting}', @tenant, true), set_config('jit', 'off', true)" : $"SELECT set_config('{TenantSetting}', @tenant, true)");
        await using (command.ConfigureAwait(false))
        {
            command.Parameters.Add(Text("tenant", tenantId));
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private NpgsqlCommand Command(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql)
        => new(sql, connection, transaction) { CommandTimeout = _timeoutSeconds };

    private NpgsqlBatch Batch(NpgsqlConnection connection, NpgsqlTransaction transaction)
        => new(connection, transaction) { Timeout = _timeoutSeconds };
}
