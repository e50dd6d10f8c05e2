using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>Text that looks like SQL is stored verbatim and never executed.</summary>
public sealed class PostgreSqlInjectionTests() : PostgreSqlStoreTestBase("pa_inj")
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    private static readonly string[] _hostile =
    [
        "'; DROP TABLE engagement_snapshots; --",
        "\"; DROP SCHEMA public CASCADE; --",
        "$$; DELETE FROM tenants; $$",
        "$tag$ SELECT pg_sleep(5) $tag$",
        "Robert'); DELETE FROM content_items WHERE ('1'='1",
        "' OR '1'='1",
        "\\'; TRUNCATE performance_benchmarks; --",
        "@tenant",
        ":content; $1",
        "x/* comment */y -- tail",
        "ünïcödé ✓ 🎬 \t\r\n end",
    ];

    protected override Task OnStoreReadyAsync() => Store.AppendAsync([new EngagementSnapshot("canary", "canary", Platform.YouTube, _day0, Views(1))]);

    [Test]
    public async Task Snapshots_WithHostileIdsTenantsAndMetadata_RoundTripVerbatim()
    {
        var snapshots = _hostile.Select((text, i) => new EngagementSnapshot(text, text, Platform.TikTok, _day0.AddMinutes(i), Views(i).With(Metric.EngagementRate, 0.5))
        {
            TenantId = text,
            Metadata = new Dictionary<string, string> { [text] = text, ["title"] = text },
        }).ToList();

        var appended = await Store.AppendAsync(snapshots);

        appended.Should().Be(new AppendResult(_hostile.Length, 0));
        foreach (var text in _hostile)
        {
            var stored = await QueryAllAsync(new SnapshotQuery(text) { ContentIds = [text] });
            var latest = await Store.GetLatestAsync(new SnapshotQuery(text));
            var series = await Store.GetSeriesAsync(new SeriesQuery(text, text, Metric.EngagementRate, new TimeRange(_day0, _day0.AddDays(1)), BucketSize.Day));

            var s = stored.Should().ContainSingle().Subject;
            s.SnapshotId.Should().Be(text);
            s.ContentId.Should().Be(text);
            s.TenantId.Should().Be(text);
            s.Metadata.Should().BeEquivalentTo(new Dictionary<string, string> { [text] = text, ["title"] = text });
            latest.Should().ContainSingle().Which.SnapshotId.Should().Be(text);
            series.KnownCount.Should().Be(1);
        }

        await AssertSchemaIntactAsync();
    }

    [Test]
    public async Task ContentAndAnalysis_WithHostileText_RoundTripVerbatim()
    {
        foreach (var text in _hostile)
        {
            var item = new ContentItem(text, Platform.Custom("my-platform.v2_beta"), _day0, text)
            {
                TenantId = text,
                NumericFeatures = new Dictionary<string, double> { [text] = 1.5 },
                CategoricalFeatures = new Dictionary<string, string> { [text] = text },
            };
            await Store.UpsertContentAsync([item]);
            await Store.SaveAnalysisAsync([new AnalysisRecord(text, AnalysisKind.OptimizationInsight, text, _day0, text) { TenantId = text }]);

            var got = await Store.GetContentAsync(text, text);
            var records = new List<AnalysisRecord>();
            await foreach (var r in Store.QueryAnalysisAsync(new AnalysisQuery(text, AnalysisKind.OptimizationInsight) { Subject = text }))
            {
                records.Add(r);
            }

            got.Should().NotBeNull();
            got!.Title.Should().Be(text);
            got.Platform.Key.Should().Be("my-platform.v2_beta");
            got.NumericFeatures.Should().BeEquivalentTo(item.NumericFeatures);
            got.CategoricalFeatures.Should().BeEquivalentTo(item.CategoricalFeatures);
            records.Should().ContainSingle().Which.Should().Be(new AnalysisRecord(text, AnalysisKind.OptimizationInsight, text, _day0, text) { TenantId = text });
        }

        await AssertSchemaIntactAsync();
    }

    [Test]
    public void PlatformAndMetricNames_ThatAreNotIdentifiers_NeverReachTheStore()
    {
        // Platform keys are restricted to ASCII letters, digits, '-', '_' and '.'; metrics come from the catalogue.
        var platform = () => Platform.Custom("x'; DROP TABLE engagement_snapshots; --");
        var parsed = Platform.TryParse("youtube' OR '1'='1", out _);
        var metric = Metric.TryParse("views; DROP TABLE engagement_snapshots", out _);

        platform.Should().Throw<ArgumentException>();
        parsed.Should().BeFalse();
        metric.Should().BeFalse();
    }

    [Test]
    public async Task TrendFunction_HostileMetricName_IsRejectedNotExecuted()
    {
        var act = () => PostgreSqlTestEnvironment.AsTenantAsync(DataSource, "default", async (c, t) =>
        {
            await using var command = new NpgsqlCommand($"SELECT * FROM \"{Schema}\".daily_metric_trend('canary', @m, '-infinity', 'infinity')", c, t);
            command.Parameters.AddWithValue("m", "views FROM x; DROP TABLE engagement_snapshots; --");
            return await command.ExecuteScalarAsync();
        });

        (await act.Should().ThrowAsync<PostgresException>()).Which.SqlState.Should().Be(PostgresErrorCodes.InvalidParameterValue);
        await AssertSchemaIntactAsync();
    }

    private static MetricValues Views(double views) => MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, views)]);

    private async Task AssertSchemaIntactAsync()
    {
        await using var command = DataSource.CreateCommand(
            "SELECT count(*) FROM pg_tables WHERE schemaname = @s");
        command.Parameters.AddWithValue("s", Schema);
        var tables = (long)(await command.ExecuteScalarAsync())!;
        var canary = await QueryAllAsync(new SnapshotQuery("default"));

        tables.Should().Be(12, "tenants, content_series, engagement_snapshots, content_items, seven analysis tables and schema_version … all still exist");
        canary.Should().ContainSingle().Which.SnapshotId.Should().Be("canary");
    }

    private async Task<List<EngagementSnapshot>> QueryAllAsync(SnapshotQuery query)
    {
        var result = new List<EngagementSnapshot>();
        await foreach (var s in Store.QueryAsync(query))
        {
            result.Add(s);
        }

        return result;
    }
}
