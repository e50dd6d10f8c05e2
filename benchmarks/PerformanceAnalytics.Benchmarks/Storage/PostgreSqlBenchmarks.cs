using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;
using PerformanceAnalytics.Storage.PostgreSql;
using PerformanceAnalytics.Storage.PostgreSql.Internal;

namespace PerformanceAnalytics.Benchmarks.Storage;

/// <summary>
/// The PostgreSQL store against the server named by PA_POSTGRES_CONNECTION (the benchmarks do nothing without it).
/// Ingest: appending 10,000 snapshots through the store (binary COPY to staging, INSERT … ON CONFLICT DO NOTHING,
/// content registration, row-level security) against a raw binary COPY of the same rows into an equivalent table
/// (same columns, keys and indexes), encoded as the store encodes them, the fastest way this client sends them. Aggregate: per-platform aggregates over 30 days of 10^6 snapshots against a bare
/// per-platform count over the same rows (the scan floor).
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1)]
[GroupBenchmarksBy(BenchmarkLogicalGroupRule.ByCategory)]
[CategoriesColumn]
public class PostgreSqlBenchmarks
{
    private const int IngestRows = 10_000;
    private const int AggregateContents = 1_000;
    private const int SnapshotsPerContent = 1_000;
    private const string IngestSchema = "pa_bench_ingest";
    private const string AggregateSchema = "pa_bench_aggregate";
    private const string RawSchema = "pa_bench_raw";
    private static readonly DateTimeOffset _start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly Platform[] _platforms = [.. Platform.BuiltIn];

    private NpgsqlDataSource? _dataSource;
    private PostgreSqlEngagementStore? _ingestStore;
    private PostgreSqlEngagementStore? _aggregateStore;
    private List<EngagementSnapshot> _batch = [];

    [GlobalSetup(Targets = [nameof(RawBinaryCopy), nameof(StoreAppend)])]
    public async Task SetUpIngestAsync()
    {
        if (!Connect())
        {
            return;
        }

        _ingestStore = new PostgreSqlEngagementStore(_dataSource!, new PostgreSqlStoreOptions { Schema = IngestSchema });
        await _ingestStore.MigrateAsync();
        await ExecuteAsync(
            $"DROP SCHEMA IF EXISTS {RawSchema} CASCADE; CREATE SCHEMA {RawSchema}; "
            + $"CREATE TABLE {RawSchema}.engagement_snapshots (LIKE {IngestSchema}.engagement_snapshots INCLUDING ALL);");
        _batch = [.. Generate(0, IngestRows / 100, 100)];
    }

    [IterationSetup(Targets = [nameof(RawBinaryCopy), nameof(StoreAppend)])]
    public void EmptyIngestTables()
    {
        if (_dataSource is not null)
        {
            ExecuteAsync($"TRUNCATE {RawSchema}.engagement_snapshots, {IngestSchema}.engagement_snapshots, {IngestSchema}.content_series")
                .GetAwaiter().GetResult();
        }
    }

    [BenchmarkCategory("Ingest 10,000"), Benchmark(Baseline = true)]
    public async Task<ulong> RawBinaryCopy()
    {
        if (_dataSource is null)
        {
            return 0;
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using (var stream = await connection.BeginRawBinaryCopyAsync($"COPY {RawSchema}.engagement_snapshots ({SnapshotCopyWriter.Columns}) FROM STDIN (FORMAT BINARY)"))
        {
            await SnapshotCopyWriter.WriteAsync(stream, _batch, CancellationToken.None);
        }

        return (ulong)_batch.Count;
    }

    [BenchmarkCategory("Ingest 10,000"), Benchmark]
    public async Task<int> StoreAppend()
        => _ingestStore is null ? 0 : (await _ingestStore.AppendAsync(_batch)).Inserted;

    [GlobalSetup(Targets = [nameof(CountPerPlatform), nameof(PlatformAggregates)])]
    public async Task SetUpAggregateAsync()
    {
        if (!Connect())
        {
            return;
        }

        _aggregateStore = new PostgreSqlEngagementStore(_dataSource!, new PostgreSqlStoreOptions { Schema = AggregateSchema });
        await _aggregateStore.MigrateAsync();
        const long expected = (long)AggregateContents * SnapshotsPerContent;
        if (await CountAsync() == expected)
        {
            Console.WriteLine($"// Reusing the {expected:N0} snapshots already loaded in schema {AggregateSchema}.");
            return;
        }

        // Generated on the server (the same rows Generate would give) so that a fresh machine loads in seconds.
        var counters = string.Join(", ", Metric.Catalogue.Select(m => m.IsCounter
            ? $"(k + 1) * {(m.Id + 1) * 10}.0"
            : "0.01 * ((c + k) % 50)"));
        await ExecuteAsync(
            $"""
            BEGIN;
            SELECT set_config('pa.tenant_id', 'default', true);
            TRUNCATE {AggregateSchema}.engagement_snapshots, {AggregateSchema}.content_series;
            INSERT INTO {AggregateSchema}.tenants (tenant_id) VALUES ('default') ON CONFLICT DO NOTHING;
            INSERT INTO {AggregateSchema}.content_series (tenant_id, content_id, platform)
                SELECT 'default', 'content-' || lpad(c::text, 4, '0'), (ARRAY['youtube', 'tiktok', 'instagram', 'linkedin', 'x'])[c % 5 + 1]
                FROM generate_series(0, {AggregateContents - 1}) c;
            INSERT INTO {AggregateSchema}.engagement_snapshots (tenant_id, snapshot_id, content_id, platform, observed_at, observed_tick, {string.Join(", ", Metric.Catalogue.Select(m => m.Name))})
                SELECT 'default', 'c' || lpad(c::text, 4, '0') || '-' || lpad(k::text, 4, '0'), 'content-' || lpad(c::text, 4, '0'),
                    (ARRAY['youtube', 'tiktok', 'instagram', 'linkedin', 'x'])[c % 5 + 1],
                    '{_start.UtcDateTime:yyyy-MM-dd}T00:00:00Z'::timestamptz + k * interval '{(int)(TimeSpan.FromDays(30) / SnapshotsPerContent).TotalSeconds} seconds', 0,
                    {counters}
                FROM generate_series(0, {SnapshotsPerContent - 1}) k, generate_series(0, {AggregateContents - 1}) c
                ORDER BY k, c;
            COMMIT;
            """);
        await ExecuteAsync($"VACUUM ANALYZE {AggregateSchema}.engagement_snapshots");
        await ExecuteAsync($"VACUUM ANALYZE {AggregateSchema}.content_series");
    }

    [BenchmarkCategory("Aggregate 30 d of 10^6"), Benchmark(Baseline = true)]
    public async Task<long> CountPerPlatform()
    {
        if (_dataSource is null)
        {
            return 0;
        }

        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('pa.tenant_id', 'default', true); "
            + $"SELECT platform, count(*) FROM {AggregateSchema}.engagement_snapshots "
            + "WHERE tenant_id = 'default' AND observed_at >= @s AND observed_at < @e GROUP BY platform ORDER BY platform",
            connection,
            transaction);
        command.Parameters.AddWithValue("s", _start.UtcDateTime);
        command.Parameters.AddWithValue("e", _start.AddDays(30).UtcDateTime);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        long total = 0;
        while (await reader.ReadAsync())
        {
            total += reader.GetInt64(1);
        }

        return total;
    }

    [BenchmarkCategory("Aggregate 30 d of 10^6"), Benchmark]
    public async Task<long> PlatformAggregates()
    {
        if (_aggregateStore is null)
        {
            return 0;
        }

        var aggregates = await _aggregateStore.GetPlatformAggregatesAsync(new PlatformAggregateQuery("default", new TimeRange(_start, _start.AddDays(30))));
        return aggregates.Sum(a => a.SnapshotCount);
    }

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        if (_ingestStore is not null)
        {
            await ExecuteAsync($"DROP SCHEMA IF EXISTS {RawSchema} CASCADE; DROP SCHEMA IF EXISTS {IngestSchema} CASCADE");
            await _ingestStore.DisposeAsync();
        }

        // The loaded aggregate schema is kept so that later runs reuse it.
        if (_aggregateStore is not null)
        {
            await _aggregateStore.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await _dataSource.DisposeAsync();
        }
    }

    /// <summary>Snapshots of <paramref name="contents"/> items, each observed <paramref name="perContent"/> times evenly over 30 days.</summary>
    private static IEnumerable<EngagementSnapshot> Generate(int firstContent, int contents, int perContent)
    {
        var step = TimeSpan.FromDays(30) / perContent;
        var dense = new double[Metric.Count];
        for (var c = firstContent; c < firstContent + contents; c++)
        {
            var platform = _platforms[c % _platforms.Length];
            for (var k = 0; k < perContent; k++)
            {
                foreach (var metric in Metric.Catalogue)
                {
                    dense[metric.Id] = metric.IsCounter ? (k + 1) * (metric.Id + 1) * 10.0 : 0.01 * ((c + k) % 50);
                }

                yield return new EngagementSnapshot($"c{c:0000}-{k:0000}", $"content-{c:0000}", platform, _start + (step * k), MetricValues.FromDense(dense));
            }
        }
    }

    private bool Connect()
    {
        if (_dataSource is not null)
        {
            return true;
        }

        var connectionString = Environment.GetEnvironmentVariable("PA_POSTGRES_CONNECTION");
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            Console.WriteLine("// PA_POSTGRES_CONNECTION is not set: the PostgreSQL benchmarks measure nothing.");
            return false;
        }

        _dataSource = NpgsqlDataSource.Create(connectionString);
        return true;
    }

    private async Task<long> CountAsync()
    {
        await using var connection = await _dataSource!.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var command = new NpgsqlCommand(
            $"SELECT set_config('pa.tenant_id', 'default', true); SELECT count(*) FROM {AggregateSchema}.engagement_snapshots", connection, transaction);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.NextResultAsync();
        await reader.ReadAsync();
        return reader.GetInt64(0);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var command = _dataSource!.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
