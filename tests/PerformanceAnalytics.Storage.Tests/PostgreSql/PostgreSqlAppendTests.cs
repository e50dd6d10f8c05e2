using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;
using PerformanceAnalytics.Storage.Tests.Conformance;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>Ingest paths of the PostgreSQL store: all-new batches, partial re-deliveries, platform conflicts.</summary>
public sealed class PostgreSqlAppendTests() : PostgreSqlStoreTestBase("pa_app")
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Append_ContentOnAnotherPlatform_RejectsTheWholeBatch()
    {
        await Store.AppendAsync([Snapshot("s1", "c", Platform.YouTube, 0)]);

        var act = () => Store.AppendAsync([Snapshot("s2", "other", Platform.TikTok, 1), Snapshot("s3", "c", Platform.TikTok, 2)]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("snapshots");
        (await CountAsync()).Should().Be(1, "nothing of the rejected batch is stored, not even its valid snapshot");
        (await Store.GetLatestAsync(new SnapshotQuery("default"))).Select(s => s.ContentId).Should().Equal("c");
    }

    [Test]
    public async Task Append_NewContentOnTwoPlatformsInOneBatch_RejectsTheBatch()
    {
        var act = () => Store.AppendAsync([Snapshot("s1", "c", Platform.YouTube, 0), Snapshot("s2", "c", Platform.TikTok, 1)]);

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("'c'");
        (await CountAsync()).Should().Be(0);
    }

    [Test]
    public async Task Append_CancelledMidCopy_StoresNothingAndLeavesTheStoreUsable()
    {
        using var cancellation = new CancellationTokenSource();
        var rows = Enumerable.Range(0, 5_000).Select(i => Snapshot($"s{i}", $"c{i % 7}", Platform.YouTube, i)).ToArray();
        // Cancelled while the rows are being encoded for the staging copy, after several chunks were sent.
        var batch = new CancellingList(rows, 3_000, cancellation, validationReads: 1);

        var act = () => Store.AppendAsync(batch, cancellation.Token);

        await act.Should().ThrowAsync<OperationCanceledException>();
        batch.HighestIndexRead.Should().BeGreaterThanOrEqualTo(3_000);
        (await CountAsync()).Should().Be(0);
        (await Store.AppendAsync(rows)).Should().Be(new AppendResult(5_000, 0));
    }

    [Test]
    public async Task Append_PartialRedelivery_StoresOnlyTheNewSnapshots()
    {
        var first = Enumerable.Range(0, 50).Select(i => Snapshot($"s{i}", "c", Platform.YouTube, i)).ToList();
        var second = Enumerable.Range(40, 30).Select(i => Snapshot($"s{i}", "c", Platform.YouTube, i)).ToList();

        var r1 = await Store.AppendAsync(first);
        var r2 = await Store.AppendAsync(second);
        var r3 = await Store.AppendAsync(second);

        r1.Should().Be(new AppendResult(50, 0));
        r2.Should().Be(new AppendResult(20, 10));
        r3.Should().Be(new AppendResult(0, 30));
        (await CountAsync()).Should().Be(70);
    }

    [Test]
    public async Task Append_SeveralTenantsInOneBatch_CountsPerBatch()
    {
        var batch = new[]
        {
            Snapshot("x", "c", Platform.YouTube, 0) with { TenantId = "acme" },
            Snapshot("x", "c", Platform.TikTok, 0) with { TenantId = "globex" },
            Snapshot("x", "c", Platform.TikTok, 1) with { TenantId = "globex" },
        };

        var result = await Store.AppendAsync(batch);

        result.Should().Be(new AppendResult(2, 1));
        (await Store.GetLatestAsync(new SnapshotQuery("globex"))).Should().ContainSingle().Which.Platform.Should().Be(Platform.TikTok);
    }

    private static EngagementSnapshot Snapshot(string id, string content, Platform platform, int minutes)
        => new(id, content, platform, _day0.AddMinutes(minutes), MetricValues.Empty.With(Metric.Views, minutes));

    private Task<long> CountAsync()
        => PostgreSqlTestEnvironment.AsTenantAsync(DataSource, "default", async (c, t) =>
        {
            await using var command = new NpgsqlCommand($"SELECT count(*) FROM \"{Schema}\".engagement_snapshots", c, t);
            return (long)(await command.ExecuteScalarAsync())!;
        });
}
