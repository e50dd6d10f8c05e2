using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>
/// Row-level security: with pa.tenant_id set to one tenant, raw SQL on the store's own connection role (the table
/// owner, bound by FORCE ROW LEVEL SECURITY) and on a separate application role sees and changes only that tenant's rows.
/// </summary>
public sealed class PostgreSqlRowLevelSecurityTests
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] _tenantTables =
    [
        "content_series", "engagement_snapshots", "content_items", "content_performance_history", "content_feature_analysis",
        "correlation_analysis_results", "trend_analysis_results", "optimization_insights", "ab_test_performance", "performance_benchmarks",
    ];

    private NpgsqlDataSource _dataSource = null!;
    private PostgreSqlEngagementStore _store = null!;
    private string _schema = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _dataSource = NpgsqlDataSource.Create(PostgreSqlTestEnvironment.RequireConnectionString());
        _schema = PostgreSqlTestEnvironment.NewSchemaName("pa_rls");
        _store = PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema);
        await SeedAsync(_store);
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        if (_store is not null)
        {
            await _store.DisposeAsync();
        }

        if (_dataSource is not null)
        {
            await PostgreSqlTestEnvironment.DropSchemaAsync(_dataSource, _schema);
            await _dataSource.DisposeAsync();
        }
    }

    [Test]
    public async Task RawSelect_AsOneTenant_SeesOnlyThatTenantsRows_InEveryTable()
    {
        foreach (var table in _tenantTables)
        {
            var acme = await ScalarAsync<string[]>("acme", $"SELECT coalesce(array_agg(DISTINCT tenant_id), '{{}}') FROM \"{_schema}\".{table}");
            var crossRead = await ScalarAsync<long>("acme", $"SELECT count(*) FROM \"{_schema}\".{table} WHERE tenant_id = 'globex'");

            acme.Should().Equal(["acme"], $"{table} must show acme only its own rows");
            crossRead.Should().Be(0, $"{table} must hide globex's rows even when asked for them by name");
        }
    }

    [Test]
    public async Task RawSelect_WithoutTenant_SeesNothing()
    {
        foreach (var table in _tenantTables)
        {
            (await ScalarAsync<long>(null, $"SELECT count(*) FROM \"{_schema}\".{table}")).Should().Be(0, table);
        }
    }

    [Test]
    public async Task RawUpdateAndDelete_OfAnotherTenant_AffectNoRows()
    {
        var updated = await ScalarAsync<long>(
            "acme", $"WITH u AS (UPDATE \"{_schema}\".engagement_snapshots SET views = 0 WHERE tenant_id = 'globex' RETURNING 1) SELECT count(*) FROM u");
        var deleted = await ScalarAsync<long>(
            "acme", $"WITH d AS (DELETE FROM \"{_schema}\".engagement_snapshots RETURNING tenant_id) SELECT count(*) FILTER (WHERE tenant_id = 'globex') FROM d");
        var globex = await ScalarAsync<long>("globex", $"SELECT count(*) FROM \"{_schema}\".engagement_snapshots");

        updated.Should().Be(0);
        deleted.Should().Be(0);
        globex.Should().Be(3, "the raw statements ran in rolled-back transactions and could not touch globex anyway");
    }

    [Test]
    public async Task RawInsert_ForAnotherTenant_IsRejectedByThePolicy()
    {
        var act = () => ScalarAsync<long>(
            "acme",
            $"INSERT INTO \"{_schema}\".engagement_snapshots (tenant_id, snapshot_id, content_id, platform, observed_at) "
            + "VALUES ('globex', 'forged', 'c', 'youtube', now()) RETURNING 1");

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
    }

    [Test]
    public async Task EveryTenantTable_HasForcedRowLevelSecurityAndATenantPolicy()
    {
        foreach (var table in _tenantTables)
        {
            var forced = await ScalarAsync<bool>(
                null, $"SELECT relrowsecurity AND relforcerowsecurity FROM pg_class WHERE oid = '\"{_schema}\".{table}'::regclass");
            var policy = await ScalarAsync<string>(
                null, $"SELECT qual FROM pg_policies WHERE schemaname = '{_schema}' AND tablename = '{table}' AND policyname = 'tenant_isolation'");

            forced.Should().BeTrue(table);
            policy.Should().Contain("current_setting('pa.tenant_id'", table);
        }
    }

    [Test]
    public async Task ApplicationRole_NotOwner_SeesOnlyItsTenant_AndCannotReadTheRawDailyViews()
    {
        var role = $"pa_app_{Guid.NewGuid():N}"[..20];
        try
        {
            await using (var create = _dataSource.CreateCommand($"CREATE ROLE {role} LOGIN PASSWORD '{role}' NOSUPERUSER NOBYPASSRLS"))
            {
                await create.ExecuteNonQueryAsync();
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.InsufficientPrivilege)
        {
            Assert.Ignore("The test role may not create roles (CREATEROLE); the owner-role tests above cover the policies.");
        }

        try
        {
            await using (var grant = _dataSource.CreateCommand(
                $"GRANT USAGE ON SCHEMA \"{_schema}\" TO {role}; "
                + $"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA \"{_schema}\" TO {role}; "
                + $"REVOKE ALL ON \"{_schema}\".daily_content_metrics_mv, \"{_schema}\".daily_platform_metrics_mv FROM {role};"))
            {
                await grant.ExecuteNonQueryAsync();
            }

            var builder = new NpgsqlConnectionStringBuilder(PostgreSqlTestEnvironment.RequireConnectionString()) { Username = role, Password = role };
            await using var appSource = NpgsqlDataSource.Create(builder.ConnectionString);
            await using var appStore = new PostgreSqlEngagementStore(appSource, new PostgreSqlStoreOptions { Schema = _schema, ApplyMigrations = false });

            var appended = await appStore.AppendAsync([Snapshot("app-1", "c-app", _day0, 5) with { TenantId = "acme" }]);
            var seen = await PostgreSqlTestEnvironment.AsTenantAsync(appSource, "acme", async (c, t) =>
            {
                await using var command = new NpgsqlCommand($"SELECT array_agg(DISTINCT tenant_id) FROM \"{_schema}\".engagement_snapshots", c, t);
                return (string[])(await command.ExecuteScalarAsync())!;
            });
            var rawView = () => PostgreSqlTestEnvironment.AsTenantAsync(appSource, "acme", async (c, t) =>
            {
                await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{_schema}\".daily_content_metrics_mv", c, t);
                return await command.ExecuteScalarAsync();
            });

            appended.Should().Be(new AppendResult(1, 0));
            seen.Should().Equal("acme");
            (await rawView.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InsufficientPrivilege);
        }
        finally
        {
            await using var drop = _dataSource.CreateCommand($"REVOKE ALL ON ALL TABLES IN SCHEMA \"{_schema}\" FROM {role}; REVOKE ALL ON SCHEMA \"{_schema}\" FROM {role}; DROP ROLE {role}");
            await drop.ExecuteNonQueryAsync();
        }
    }

    private static EngagementSnapshot Snapshot(string id, string content, DateTimeOffset at, double views)
        => new(id, content, Platform.YouTube, at, MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, views)]));

    private static async Task SeedAsync(PostgreSqlEngagementStore store)
    {
        await store.AppendAsync(
        [
            Snapshot("a1", "a", _day0, 10) with { TenantId = "acme" },
            Snapshot("a2", "a", _day0.AddHours(1), 20) with { TenantId = "acme" },
            Snapshot("g1", "g", _day0, 30) with { TenantId = "globex" },
            Snapshot("g2", "g", _day0.AddHours(1), 40) with { TenantId = "globex" },
            Snapshot("g3", "g2", _day0.AddHours(2), 50) with { TenantId = "globex" },
        ]);
        foreach (var tenant in new[] { "acme", "globex" })
        {
            await store.UpsertContentAsync([new ContentItem("a", Platform.YouTube, _day0, "t") { TenantId = tenant }]);
            await store.SaveAnalysisAsync(
                Enum.GetValues<AnalysisKind>().Select(k => new AnalysisRecord($"{k}", k, "a", _day0, "{}") { TenantId = tenant }).ToList());
        }
    }

    private Task<T> ScalarAsync<T>(string? tenant, string sql)
        => PostgreSqlTestEnvironment.AsTenantAsync(_dataSource, tenant, async (c, t) =>
        {
            await using var command = new NpgsqlCommand(sql, c, t);
            return (T)(await command.ExecuteScalarAsync())!;
        });
}
