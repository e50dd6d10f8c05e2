using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;
using PerformanceAnalytics.Storage.Sqlite;
using PerformanceAnalytics.Storage.Sqlite.Internal;

namespace PerformanceAnalytics.Benchmarks.Storage;

/// <summary>Shared data for the SQLite benchmarks.</summary>
internal static class SqliteBenchmarkData
{
    public static readonly DateTimeOffset End = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    /// <summary>
    /// <paramref name="items"/> content items × <paramref name="perItem"/> snapshots every 3 hours up to
    /// <see cref="End"/>, content-major, on the five built-in platforms; X and LinkedIn lack some metrics as they do
    /// in reality, and every tenth snapshot misses its gauges.
    /// </summary>
    public static IEnumerable<EngagementSnapshot> Generate(int items, int perItem)
    {
        var random = new Random(42);
        var dense = new double[Metric.Count];
        var first = End - TimeSpan.FromHours(3.0 * perItem);
        for (var c = 0; c < items; c++)
        {
            var platform = Platform.BuiltIn[c % Platform.BuiltIn.Count];
            var contentId = $"content-{c:D6}";
            var totals = new double[Metric.Count];
            for (var k = 0; k < perItem; k++)
            {
                foreach (var metric in Metric.Catalogue)
                {
                    var absent = (platform == Platform.X && (metric == Metric.WatchTime || metric == Metric.AverageViewDuration || metric == Metric.CompletionRate))
                        || (platform == Platform.LinkedIn && (metric == Metric.Saves || metric == Metric.WatchTime))
                        || (!metric.IsCounter && k % 10 == 9);
                    if (metric.IsCounter)
                    {
                        totals[metric.Id] += random.Next(0, 100);
                        dense[metric.Id] = absent ? double.NaN : totals[metric.Id];
                    }
                    else
                    {
                        dense[metric.Id] = absent ? double.NaN : random.NextDouble();
                    }
                }

                yield return new EngagementSnapshot($"s{c:D6}-{k:D5}", contentId, platform, first.AddHours(3.0 * k), MetricValues.FromDense(dense));
            }
        }
    }

    public static string NewDatabasePath(string name)
        => Path.Combine(Path.GetTempPath(), $"pa-bench-{name}-{Guid.NewGuid():N}.db");

    public static void Delete(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
        {
            File.Delete(file);
        }
    }
}

/// <summary>
/// Ingest of one 10,000-snapshot batch: the store (validation, series upsert, prepared insert, one transaction)
/// against a hand-written Microsoft.Data.Sqlite loop that writes the same rows into the same schema in one transaction.
/// </summary>
[MemoryDiagnoser]
public class SqliteIngestBenchmarks
{
    private EngagementSnapshot[] _batch = [];
    private string _path = string.Empty;
    private SqliteEngagementStore? _store;

    [GlobalSetup]
    public void CreateBatch() => _batch = [.. SqliteBenchmarkData.Generate(items: 100, perItem: 100)];

    [IterationSetup]
    public void CreateEmptyDatabase()
    {
        _path = SqliteBenchmarkData.NewDatabasePath("ingest");
        _store = new SqliteEngagementStore($"Data Source={_path}");
        _store.CheckHealthAsync().GetAwaiter().GetResult(); // creates the schema outside the measurement
    }

    [IterationCleanup]
    public void DeleteDatabase()
    {
        _store?.Dispose();
        SqliteBenchmarkData.Delete(_path);
    }

    [Benchmark(Baseline = true)]
    public int RawMicrosoftDataSqliteLoop()
    {
        using var connection = new SqliteConnection($"Data Source={_path}");
        connection.Open();
        using (var pragma = connection.CreateCommand())
        {
            pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA synchronous = FULL;";
            pragma.ExecuteNonQuery();
        }

        using var transaction = connection.BeginTransaction(deferred: false);
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = SqliteSql.InsertSnapshot;
        var tenant = insert.Parameters.Add("$tenant", SqliteType.Text);
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        var content = insert.Parameters.Add("$content", SqliteType.Text);
        var platform = insert.Parameters.Add("$platform", SqliteType.Text);
        var ts = insert.Parameters.Add("$ts", SqliteType.Integer);
        var metrics = new SqliteParameter[Metric.Count];
        for (var m = 0; m < metrics.Length; m++)
        {
            metrics[m] = insert.Parameters.Add($"$m{m}", SqliteType.Real);
        }

        var metadata = insert.Parameters.Add("$metadata", SqliteType.Text);
        metadata.Value = DBNull.Value;
        insert.Prepare();
        var inserted = 0;
        foreach (var snapshot in _batch)
        {
            tenant.Value = snapshot.TenantId;
            id.Value = snapshot.SnapshotId;
            content.Value = snapshot.ContentId;
            platform.Value = snapshot.Platform.Key;
            ts.Value = snapshot.Timestamp.UtcTicks;
            foreach (var metric in Metric.Catalogue)
            {
                var value = snapshot.Metrics[metric];
                metrics[metric.Id].Value = double.IsNaN(value) ? DBNull.Value : value;
            }

            inserted += insert.ExecuteNonQuery();
        }

        transaction.Commit();
        return inserted;
    }

    [Benchmark]
    public async Task<int> StoreAppend() => (await _store!.AppendAsync(_batch)).Inserted;
}

/// <summary>
/// A 30-day per-platform aggregate over 10^6 snapshots (1,000 items × 1,000 snapshots every 3 hours, 240 of
/// them per item in the range): SQLite against the in-memory reference store on the same data.
/// </summary>
[MemoryDiagnoser]
public class SqliteAggregateBenchmarks
{
    private const int Items = 1_000;
    private const int PerItem = 1_000;

    // Built once and kept between runs: building 10^6 rows takes seconds; the name carries the data version.
    private static readonly string _sharedPath = Path.Combine(Path.GetTempPath(), "pa-bench-aggregate-1e6-v1.db");
    private static readonly PlatformAggregateQuery _query = new("default", new TimeRange(SqliteBenchmarkData.End.AddDays(-30), SqliteBenchmarkData.End));

    private SqliteEngagementStore? _sqlite;
    private InMemoryEngagementStore? _memory;

    [GlobalSetup(Target = nameof(Sqlite))]
    public void OpenSqlite()
    {
        _sqlite = new SqliteEngagementStore($"Data Source={_sharedPath}");
        var health = _sqlite.CheckHealthAsync().GetAwaiter().GetResult();
        if (health.Data.GetValueOrDefault("snapshots") != (Items * PerItem).ToString(System.Globalization.CultureInfo.InvariantCulture))
        {
            _sqlite.Dispose();
            SqliteBenchmarkData.Delete(_sharedPath);
            _sqlite = new SqliteEngagementStore($"Data Source={_sharedPath}");
            foreach (var batch in SqliteBenchmarkData.Generate(Items, PerItem).Chunk(50_000))
            {
                _sqlite.AppendAsync(batch).GetAwaiter().GetResult();
            }
        }
    }

    [GlobalSetup(Target = nameof(InMemory))]
    public void LoadInMemory()
    {
        _memory = new InMemoryEngagementStore();
        foreach (var batch in SqliteBenchmarkData.Generate(Items, PerItem).Chunk(50_000))
        {
            _memory.AppendAsync(batch).GetAwaiter().GetResult();
        }
    }

    [GlobalCleanup]
    public void Release()
    {
        _sqlite?.Dispose();
        _memory?.Dispose();
    }

    [Benchmark(Baseline = true)]
    public Task<IReadOnlyList<PlatformAggregate>> InMemory() => _memory!.GetPlatformAggregatesAsync(_query);

    [Benchmark]
    public Task<IReadOnlyList<PlatformAggregate>> Sqlite() => _sqlite!.GetPlatformAggregatesAsync(_query);
}
