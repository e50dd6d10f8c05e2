using System.Collections;
using Microsoft.Data.Sqlite;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite;
using PerformanceAnalytics.Storage.Sqlite.Internal;
using PerformanceAnalytics.Storage.Tests.Conformance;

namespace PerformanceAnalytics.Storage.Tests.Sqlite;

/// <summary>What the SQLite store guarantees beyond the conformance suite: schema, atomicity, injection safety, concurrency.</summary>
public sealed class SqliteEngagementStoreTests
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private TemporaryDatabase _database = null!;

    [SetUp]
    public void CreateDatabase() => _database = new TemporaryDatabase();

    [TearDown]
    public void DeleteDatabase() => _database.Dispose();

    [Test]
    public async Task FirstUse_CreatesWalDatabaseAtTheLatestSchemaVersion()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);

        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);

        _database.Scalar("PRAGMA journal_mode;").Should().Be("wal");
        _database.Scalar("SELECT group_concat(version) FROM schema_version;").Should().Be(SqliteMigrations.Latest.ToString(System.Globalization.CultureInfo.InvariantCulture));
        _database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'index' AND name = 'ix_snapshots_tenant_content_time';").Should().Be(1L);
    }

    [Test]
    public async Task Reopen_SchemaAlreadyCurrent_AppliesNothingAndKeepsData()
    {
        using (var first = new SqliteEngagementStore(_database.ConnectionString))
        {
            await first.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);
        }

        using var second = new SqliteEngagementStore(_database.ConnectionString);
        var health = await second.CheckHealthAsync();
        using var connection = _database.OpenRaw();
        var appliedAgain = SqliteMigrator.Migrate(connection, SqliteMigrations.All);

        appliedAgain.Should().Be(0);
        _database.Scalar("SELECT COUNT(*) FROM schema_version;").Should().Be(1L);
        health.Data["snapshots"].Should().Be("1");
    }

    [Test]
    public void Migrate_RunTwiceFromScratch_IsIdempotentAndRecordsEachVersionOnce()
    {
        using var connection = _database.OpenRaw();

        var first = SqliteMigrator.Migrate(connection, SqliteMigrations.All);
        using (var command = connection.CreateCommand())
        {
            // Forget the version: every statement must still succeed on the existing schema.
            command.CommandText = "DELETE FROM schema_version;";
            command.ExecuteNonQuery();
        }

        var second = SqliteMigrator.Migrate(connection, SqliteMigrations.All);

        first.Should().Be(SqliteMigrations.All.Count);
        second.Should().Be(SqliteMigrations.All.Count);
        _database.Scalar("SELECT COUNT(*) FROM schema_version;").Should().Be((long)SqliteMigrations.All.Count);
    }

    [Test]
    public void Migrate_FailingMigration_RollsBackEverythingItDid()
    {
        using var connection = _database.OpenRaw();
        SqliteMigration[] migrations =
        [
            new(1, "one", "CREATE TABLE t1 (x INTEGER);"),
            new(2, "broken", "CREATE TABLE t2 (x INTEGER); THIS IS NOT SQL;"),
        ];

        var act = () => SqliteMigrator.Migrate(connection, migrations);

        act.Should().Throw<SqliteException>();
        _database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE name IN ('t1', 't2');").Should().Be(0L);
    }

    [Test]
    public async Task FirstUse_DatabaseFromANewerVersion_FailsAndHealthSaysWhy()
    {
        using (var connection = _database.OpenRaw())
        {
            SqliteMigrator.Migrate(connection, SqliteMigrations.All);
            using var command = connection.CreateCommand();
            command.CommandText = "INSERT INTO schema_version VALUES (999, 'future', 'x');";
            command.ExecuteNonQuery();
        }

        using var store = new SqliteEngagementStore(_database.ConnectionString);
        var append = () => store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);
        var health = await store.CheckHealthAsync();

        await append.Should().ThrowAsync<InvalidOperationException>().WithMessage("*schema version 999*");
        health.IsHealthy.Should().BeFalse();
        health.Description.Should().Contain("999");
    }

    [Test]
    public async Task Dispose_ThenOperate_ThrowsObjectDisposedAndKeepsTheFile()
    {
        var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);

        store.Dispose();
        store.Dispose();
        var act = () => store.GetLatestAsync(new SnapshotQuery("default"));

        await act.Should().ThrowAsync<ObjectDisposedException>();
        using var reopened = new SqliteEngagementStore(_database.ConnectionString);
        (await reopened.GetLatestAsync(new SnapshotQuery("default"))).Should().ContainSingle();
    }

    [Test]
    public async Task CheckHealth_ReportsVersionModeAndRowCounts()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1), Snapshot("s2", "c1", _day0.AddHours(1), 2), Snapshot("s3", "c2", _day0, 1) with { TenantId = "acme" }]);
        await store.SaveAnalysisAsync([new AnalysisRecord("r1", AnalysisKind.Trend, "c1", _day0, "{}")]);

        var health = await store.CheckHealthAsync();

        health.IsHealthy.Should().BeTrue();
        health.Description.Should().StartWith("SQLite 3.");
        health.Data.Should().Contain(new Dictionary<string, string>
        {
            ["snapshots"] = "3",
            ["content_items"] = "2",
            ["tenants"] = "2",
            ["analysis_records"] = "1",
            ["journal_mode"] = "wal",
            ["schema_version"] = "1",
        });
        health.Data["sqlite_version"].Should().MatchRegex(@"^3\.\d+\.\d+");
    }

    [Test]
    public async Task Append_ContentTrackedOnAnotherPlatform_ThrowsAndStoresNothingOfTheBatch()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);

        var act = () => store.AppendAsync([Snapshot("s2", "c2", _day0, 1), Snapshot("s3", "c1", _day0, 2) with { Platform = Platform.TikTok }]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("snapshots");
        _database.Scalar("SELECT COUNT(*) FROM engagement_snapshots;").Should().Be(1L);
        _database.Scalar("SELECT COUNT(*) FROM content_series;").Should().Be(1L, "the series row of c2 was rolled back too");
    }

    [Test]
    public async Task Append_DuplicateOnlyBatchForContentOnAnotherPlatform_StillThrows()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);

        var act = () => store.AppendAsync([Snapshot("s1", "c1", _day0, 1) with { Platform = Platform.TikTok }]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*tracked on 'youtube'*");
    }

    [Test]
    public async Task Append_RedeliveredIdUnderAnotherContent_CreatesNoContentEntry()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("s1", "c1", _day0, 1)]);

        var result = await store.AppendAsync([Snapshot("s1", "c2", _day0, 1) with { Platform = Platform.X }]);
        var later = await store.AppendAsync([Snapshot("s2", "c2", _day0, 1) with { Platform = Platform.TikTok }]);

        result.Should().Be(new AppendResult(0, 1));
        later.Should().Be(new AppendResult(1, 0), "c2 was never stored, so its platform is not fixed yet");
        (await store.CheckHealthAsync()).Data["content_items"].Should().Be("2");
    }

    [Test]
    public async Task Append_SameContentOnTwoPlatformsWithinABatch_Throws()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.CheckHealthAsync();

        var act = () => store.AppendAsync([Snapshot("s1", "c1", _day0, 1), Snapshot("s2", "c1", _day0, 2) with { Platform = Platform.X }]);

        await act.Should().ThrowAsync<ArgumentException>().WithMessage("*Snapshot 1*");
        _database.Scalar("SELECT COUNT(*) FROM engagement_snapshots;").Should().Be(0L);
    }

    [Test]
    public async Task Append_CancelledMidBatch_RollsBackEveryRow()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        using var cancellation = new CancellationTokenSource();
        var rows = Enumerable.Range(0, 2000).Select(i => Snapshot($"s{i}", "c1", _day0.AddSeconds(i), i)).ToArray();
        // The list cancels the token when the store reads row 1000, i.e. after hundreds of rows were inserted.
        var batch = new CancellingList(rows, 1000, cancellation, validationReads: 2);

        var act = () => store.AppendAsync(batch, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        batch.HighestIndexRead.Should().BeGreaterThanOrEqualTo(1000);
        _database.Scalar("SELECT COUNT(*) FROM engagement_snapshots;").Should().Be(0L);
        (await store.AppendAsync(rows)).Should().Be(new AppendResult(2000, 0));
    }

    [Test]
    public async Task Query_CancelledWhileStreaming_StopsWithOperationCanceled()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([.. Enumerable.Range(0, 1000).Select(i => Snapshot($"s{i:D4}", "c1", _day0.AddSeconds(i), i))]);
        using var cancellation = new CancellationTokenSource();
        var read = 0;

        var act = async () =>
        {
            await foreach (var unused in store.QueryAsync(new SnapshotQuery("default"), cancellation.Token))
            {
                if (++read == 10)
                {
                    await cancellation.CancelAsync();
                }
            }
        };

        await act.Should().ThrowAsync<OperationCanceledException>();
        read.Should().Be(10);
    }

    [Test]
    public async Task InjectionAttempts_InIdsTenantsMetadataAndRecords_AreStoredVerbatimAndNeverExecuted()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        const string Drop = "x'); DROP TABLE engagement_snapshots;--";
        const string Quote = "\" OR 1=1; DELETE FROM content_series; --";
        var metadata = new Dictionary<string, string>
        {
            [Drop] = Quote,
            ["json"] = "\"}, {\"evil\": 1} \\ \u0001 \u2028 é 😀",
            ["sql"] = "'; UPDATE engagement_snapshots SET \"views\" = 0; --",
        };
        var snapshot = Snapshot(Quote, Drop, _day0, 42) with { TenantId = "t'; DROP TABLE schema_version;--", Metadata = metadata };

        var appended = await store.AppendAsync([snapshot]);
        var byContent = await ToListAsync(store.QueryAsync(new SnapshotQuery(snapshot.TenantId) { ContentIds = [Drop, "' OR ''='"] }));
        var latest = await store.GetLatestAsync(new SnapshotQuery(snapshot.TenantId) { ContentIds = [Drop] });
        var otherTenant = await ToListAsync(store.QueryAsync(new SnapshotQuery("' OR 1=1 --")));
        await store.UpsertContentAsync([new ContentItem(Drop, Platform.YouTube, _day0, Quote)
        {
            TenantId = snapshot.TenantId,
            NumericFeatures = new Dictionary<string, double> { [Drop] = 1.5 },
            CategoricalFeatures = new Dictionary<string, string> { [Quote] = Drop },
        }]);
        var item = await store.GetContentAsync(snapshot.TenantId, Drop);
        await store.SaveAnalysisAsync([new AnalysisRecord(Drop, AnalysisKind.Trend, Quote, _day0, "{\"a\": \"'); DROP TABLE analysis_records;--\"}") { TenantId = snapshot.TenantId }]);
        var records = await ToListAsync(store.QueryAnalysisAsync(new AnalysisQuery(snapshot.TenantId, AnalysisKind.Trend) { Subject = Quote }));

        appended.Should().Be(new AppendResult(1, 0));
        byContent.Should().ContainSingle();
        byContent[0].SnapshotId.Should().Be(Quote);
        byContent[0].ContentId.Should().Be(Drop);
        byContent[0].TenantId.Should().Be(snapshot.TenantId);
        byContent[0].Metadata.Should().Equal(metadata);
        byContent[0].Metrics[Metric.Views].Should().Be(42);
        latest.Should().ContainSingle().Which.SnapshotId.Should().Be(Quote);
        otherTenant.Should().BeEmpty();
        item!.Title.Should().Be(Quote);
        item.NumericFeatures.Should().Equal(new Dictionary<string, double> { [Drop] = 1.5 });
        item.CategoricalFeatures.Should().Equal(new Dictionary<string, string> { [Quote] = Drop });
        records.Should().ContainSingle().Which.PayloadJson.Should().Be("{\"a\": \"'); DROP TABLE analysis_records;--\"}");
        _database.Scalar("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name IN ('engagement_snapshots', 'content_series', 'schema_version', 'analysis_records');").Should().Be(4L);
    }

    [Test]
    public void MetricNames_OutsideTheCatalogue_NeverReachTheStore()
    {
        // Metric names are not free text: values are keyed by catalogue metrics, and the SQL uses the catalogue's
        // column names only. An injection through a metric name fails when the values are built.
        var act = () => MetricValues.From([new KeyValuePair<string, double>("views\"; DROP TABLE engagement_snapshots;--", 1)]);

        act.Should().Throw<ArgumentException>();
    }

    [Test]
    public async Task Append_TwoStoreInstancesWritingConcurrently_LoseNothing()
    {
        // Two instances have separate in-process gates, so they contend on SQLite's lock (busy timeout path).
        using var a = new SqliteEngagementStore(_database.ConnectionString);
        using var b = new SqliteEngagementStore(_database.ConnectionString);
        const int Batches = 20;
        const int Size = 100;

        async Task WriteAsync(SqliteEngagementStore store, string prefix)
        {
            for (var i = 0; i < Batches; i++)
            {
                var batch = Enumerable.Range(0, Size).Select(j => Snapshot($"{prefix}-{i}-{j}", $"{prefix}-c{j % 5}", _day0.AddMinutes((i * Size) + j), j)).ToArray();
                (await store.AppendAsync(batch)).Inserted.Should().Be(Size);
            }
        }

        await Task.WhenAll(Task.Run(() => WriteAsync(a, "a")), Task.Run(() => WriteAsync(b, "b")), Task.Run(() => WriteAsync(a, "a2")), Task.Run(() => WriteAsync(b, "b2")));

        _database.Scalar("SELECT COUNT(*) FROM engagement_snapshots;").Should().Be(4L * Batches * Size);
    }

    [Test]
    public async Task Retention_AllTenants_DeletesOnlyOlderRowsAndKeepsContentItems()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.AppendAsync([Snapshot("old", "c", _day0.AddDays(-40), 1), Snapshot("old2", "c", _day0.AddDays(-40), 1) with { TenantId = "acme" }, Snapshot("new", "c", _day0, 2)]);
        await store.UpsertContentAsync([new ContentItem("c", Platform.YouTube, _day0.AddDays(-100), "old item")]);

        var result = await store.DeleteOlderThanAsync(_day0.AddDays(-30));

        result.Should().Be(new RetentionResult(2, 0));
        _database.Scalar("SELECT group_concat(snapshot_id) FROM engagement_snapshots;").Should().Be("new");
        (await store.GetContentAsync("default", "c")).Should().NotBeNull();
    }

    [Test]
    public async Task ContentItem_PublishedAtOffsetAndFeatures_RoundTrip()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        var published = new DateTimeOffset(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(5.5));
        var item = new ContentItem("c", Mastodon(), published, "")
        {
            NumericFeatures = new Dictionary<string, double> { ["duration_seconds"] = 0.1 + 0.2, ["tiny"] = double.Epsilon, ["big"] = 1.7976931348623157e308 },
            CategoricalFeatures = new Dictionary<string, string> { ["topic"] = "cooking" },
        };

        await store.UpsertContentAsync([item]);
        var got = await store.GetContentAsync("default", "c");
        var byPlatform = await ToListAsync(store.QueryContentAsync("default", Mastodon()));

        got!.PublishedAt.Should().Be(published);
        got.PublishedAt.Offset.Should().Be(TimeSpan.FromHours(5.5));
        got.Platform.Should().Be(Mastodon());
        got.NumericFeatures.Should().Equal(item.NumericFeatures, "doubles round-trip exactly through JSON");
        byPlatform.Should().ContainSingle();
    }

    [Test]
    public async Task QueryAnalysis_NonPositiveLimit_ReturnsNothing()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.SaveAnalysisAsync([new AnalysisRecord("r1", AnalysisKind.Trend, "c1", _day0, "{}")]);

        var none = await ToListAsync(store.QueryAnalysisAsync(new AnalysisQuery("default", AnalysisKind.Trend) { Limit = 0 }));
        var negative = await ToListAsync(store.QueryAnalysisAsync(new AnalysisQuery("default", AnalysisKind.Trend) { Limit = -1 }));

        none.Should().BeEmpty();
        negative.Should().BeEmpty("as Enumerable.Take does for the reference store");
    }

    [TestCase("SELECT snapshot_id FROM engagement_snapshots WHERE tenant_id = 'default' AND content_id = 'c' AND ts >= 0 AND ts < 10 ORDER BY ts DESC, snapshot_id DESC LIMIT 1")]
    [TestCase("SELECT COUNT(*) FROM engagement_snapshots WHERE tenant_id = 'default' AND content_id = 'c' AND ts >= 0 AND ts < 10")]
    public async Task QueryPlan_PerContentSeeks_UseTheContentTimeIndex(string sql)
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.CheckHealthAsync();

        var plan = Plan(sql);

        plan.Should().Contain("ix_snapshots_tenant_content_time").And.NotContain("TEMP B-TREE");
    }

    [Test]
    public async Task QueryPlan_StoreQueries_NeverScanOrSortTheSnapshotsTable()
    {
        using var store = new SqliteEngagementStore(_database.ConnectionString);
        await store.CheckHealthAsync();
        string[] ordered =
        [
            SqliteSql.Query(contentIds: true, platforms: true, range: true),
            SqliteSql.Query(contentIds: false, platforms: false, range: false),
            SqliteSql.Latest(contentIds: false, platforms: true, range: true),
            SqliteSql.Latest(contentIds: true, platforms: false, range: false),
        ];
        string[] others =
        [
            SqliteSql.Aggregates(platforms: true),
            SqliteSql.Aggregates(platforms: false),
            SqliteSql.GaugeMeanSeriesSql(Metric.EngagementRate),
            SqliteSql.CounterSeriesSql(Metric.Views),
        ];

        foreach (var sql in ordered)
        {
            Plan(sql).Should().NotContain("USE TEMP B-TREE", sql).And.Contain("ix_snapshots_tenant_content_time", sql);
        }

        foreach (var sql in ordered.Concat(others))
        {
            foreach (var statement in sql.Split(';', StringSplitOptions.RemoveEmptyEntries).Where(s => !string.IsNullOrWhiteSpace(s)))
            {
                var plan = Plan(statement);
                plan.Should().NotMatchRegex(@"SCAN (s|x|l|b)\b(?! USING)", statement).And.NotContain("SCAN engagement_snapshots", statement);
            }
        }
    }

    private string Plan(string sql)
    {
        using var connection = _database.OpenRaw();
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        foreach (var name in new[] { "$tenant", "$content", "$contentIds", "$platforms", "$start", "$end", "$bounds", "$first", "$last" })
        {
            command.Parameters.AddWithValue(name, name is "$contentIds" or "$platforms" or "$bounds" ? "[]" : "x");
        }

        using var reader = command.ExecuteReader();
        var lines = new List<string>();
        while (reader.Read())
        {
            lines.Add(reader.GetString(3));
        }

        return string.Join("\n", lines) + "\n";
    }

    private static Platform Mastodon() => Platform.Custom("mastodon");

    private static EngagementSnapshot Snapshot(string id, string contentId, DateTimeOffset at, double views)
        => new(id, contentId, Platform.YouTube, at, MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, views)]));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var result = new List<T>();
        await foreach (var item in source)
        {
            result.Add(item);
        }

        return result;
    }
}
