using Npgsql;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

public sealed class PostgreSqlMigrationTests
{
    private static readonly string[] _designTables =
    [
        "engagement_snapshots", "content_performance_history", "content_feature_analysis", "correlation_analysis_results",
        "trend_analysis_results", "optimization_insights", "ab_test_performance", "performance_benchmarks", "content_items",
    ];

    private NpgsqlDataSource _dataSource = null!;
    private string _schema = null!;

    [SetUp]
    public void SetUp()
    {
        _dataSource = NpgsqlDataSource.Create(PostgreSqlTestEnvironment.RequireConnectionString());
        _schema = PostgreSqlTestEnvironment.NewSchemaName("pa_mig");
    }

    [TearDown]
    public async Task TearDownAsync()
    {
        if (_dataSource is not null)
        {
            await PostgreSqlTestEnvironment.DropSchemaAsync(_dataSource, _schema);
            await _dataSource.DisposeAsync();
        }
    }

    [Test]
    public async Task Migrate_ConcurrentInstancesOnAFreshSchema_ApplyEachMigrationOnce()
    {
        const int instances = 8;
        var stores = Enumerable.Range(0, instances).Select(_ => PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema)).ToList();

        var applied = await Task.WhenAll(stores.Select(s => Task.Run(() => s.MigrateAsync())));
        var versions = await VersionsAsync();

        applied.Sum().Should().Be(versions.Count, "each migration is applied by exactly one instance");
        applied.Count(a => a > 0).Should().Be(1, "the first instance to take the advisory lock applies everything");
        versions.Should().Equal(Enumerable.Range(1, versions.Count), "versions are applied once each, in order");
        foreach (var store in stores)
        {
            await store.DisposeAsync();
        }
    }

    [Test]
    public async Task Migrate_SecondTime_AppliesNothing()
    {
        await using var store = PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema);

        var first = await store.MigrateAsync();
        var second = await store.MigrateAsync();

        first.Should().BeGreaterThan(0);
        second.Should().Be(0);
    }

    [Test]
    public async Task Migrate_CreatesTheDesignTablesViewsAndFunctions()
    {
        await using var store = PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema);
        await store.MigrateAsync();

        var relations = await NamesAsync("SELECT c.relname, c.relkind::text FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = @s");
        var functions = await NamesAsync("SELECT p.proname, 'f' FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace WHERE n.nspname = @s");
        var brin = await NamesAsync(
            "SELECT i.relname, am.amname::text FROM pg_class i JOIN pg_am am ON am.oid = i.relam JOIN pg_namespace n ON n.oid = i.relnamespace "
            + "WHERE n.nspname = @s AND i.relkind = 'i'");

        foreach (var table in _designTables)
        {
            relations.Should().Contain((table, "r"));
        }

        relations.Should().Contain(("daily_content_metrics_mv", "m")).And.Contain(("daily_platform_metrics_mv", "m"));
        relations.Should().Contain(("daily_content_performance", "v")).And.Contain(("daily_platform_performance", "v"));
        functions.Should().Contain(("daily_metric_trend", "f"));
        brin.Should().Contain(("engagement_snapshots_observed_brin", "brin")).And.Contain(("engagement_snapshots_content_time_idx", "btree"));
    }

    [Test]
    public async Task PrimaryKeys_AllStartWithTheDistributionColumn()
    {
        await using var store = PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema);
        await store.MigrateAsync();

        // Citus requires every primary key and unique constraint of a distributed table to include tenant_id.
        var keys = await NamesAsync(
            "SELECT con.conname, (SELECT a.attname::text FROM pg_attribute a WHERE a.attrelid = con.conrelid AND a.attnum = con.conkey[1]) "
            + "FROM pg_constraint con JOIN pg_namespace n ON n.oid = con.connamespace "
            + "WHERE n.nspname = @s AND con.contype IN ('p', 'u') AND con.conrelid <> (@s || '.schema_version')::regclass");

        keys.Should().NotBeEmpty();
        keys.Should().OnlyContain(k => k.Item2 == "tenant_id");
    }

    private async Task<List<int>> VersionsAsync()
    {
        await using var command = _dataSource.CreateCommand($"SELECT version FROM \"{_schema}\".schema_version ORDER BY version");
        await using var reader = await command.ExecuteReaderAsync();
        var versions = new List<int>();
        while (await reader.ReadAsync())
        {
            versions.Add(reader.GetInt32(0));
        }

        return versions;
    }

    private async Task<List<(string, string)>> NamesAsync(string sql)
    {
        await using var command = _dataSource.CreateCommand(sql);
        command.Parameters.AddWithValue("s", _schema);
        await using var reader = await command.ExecuteReaderAsync();
        var names = new List<(string, string)>();
        while (await reader.ReadAsync())
        {
            names.Add((reader.GetString(0), reader.GetString(1)));
        }

        return names;
    }
}
