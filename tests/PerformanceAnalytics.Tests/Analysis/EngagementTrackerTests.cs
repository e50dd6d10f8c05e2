using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;
using static PerformanceAnalytics.Tests.Analysis.AnalyticsHost;

namespace PerformanceAnalytics.Tests.Analysis;

public sealed class EngagementTrackerTests
{
    [Test]
    public async Task Track_ValidRequest_StoresSnapshotWithDerivedEngagementRateAndFormula()
    {
        using var host = new AnalyticsHost();

        var result = await host.Manager.TrackContentPerformanceAsync(
            Request("content-123", "YouTube", Start.AddHours(-1), ("views", 1500), ("likes", 120), ("comments", 25), ("shares", 8)));

        result.IsDuplicate.Should().BeFalse();
        result.Snapshot.Platform.Should().Be(Platform.YouTube);
        result.Snapshot.Metrics[Metric.EngagementRate].Should().BeApproximately((120 + 25 + 8) / 1500.0, 1e-15);
        result.Snapshot.Metadata["pa.engagement_rate.formula"].Should().Be("(likes + comments + shares) / views, per snapshot");
        var stored = await host.Store.GetLatestAsync(new SnapshotQuery("default"));
        stored.Should().ContainSingle().Which.SnapshotId.Should().Be(result.SnapshotId);
    }

    [Test]
    public async Task Track_InstagramWithReach_UsesReachAsTheBasis()
    {
        using var host = new AnalyticsHost();

        var result = await host.Manager.TrackContentPerformanceAsync(
            Request("ig-1", "instagram", Start.AddHours(-1), ("views", 5000), ("reach", 2000), ("likes", 100)));

        result.Snapshot.Metrics[Metric.EngagementRate].Should().Be(0.05);
    }

    [Test]
    public async Task Track_SuppliedEngagementRate_IsKept()
    {
        using var host = new AnalyticsHost();

        var result = await host.Manager.TrackContentPerformanceAsync(
            Request("c", "tiktok", Start.AddHours(-1), ("views", 100), ("likes", 10), ("engagement_rate", 0.085)));

        result.Snapshot.Metrics[Metric.EngagementRate].Should().Be(0.085);
        result.Snapshot.Metadata.Should().NotContainKey("pa.engagement_rate.formula");
    }

    [Test]
    public async Task Track_SameSnapshotIdTwice_ReportsDuplicate()
    {
        using var host = new AnalyticsHost();
        var request = Request("c", "x", Start.AddHours(-1), ("impressions", 100), ("likes", 3));

        await host.Manager.TrackContentPerformanceAsync(request);
        var again = await host.Manager.TrackContentPerformanceAsync(request);

        again.IsDuplicate.Should().BeTrue();
    }

    [TestCase(double.NaN, "not a finite number")]
    [TestCase(double.PositiveInfinity, "not a finite number")]
    [TestCase(-1.0, "negative")]
    public async Task Track_BadCounterValue_ThrowsNamingTheMetric(double value, string reason)
    {
        using var host = new AnalyticsHost();

        var act = () => host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start.AddHours(-1), ("views", value))).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Metrics[views]").And.Contain(reason);
        (await host.Store.GetLatestAsync(new SnapshotQuery("default"))).Should().BeEmpty();
    }

    [Test]
    public async Task Track_UnknownMetric_ThrowsListingKnownMetrics()
    {
        using var host = new AnalyticsHost();

        var act = () => host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start, ("viewz", 1))).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Metrics[viewz]").And.Contain("Known metrics: views");
    }

    [Test]
    public async Task Track_TimestampBeyondClockSkew_Throws()
    {
        using var host = new AnalyticsHost(o => o.MaxClockSkew = TimeSpan.FromMinutes(5));

        var ok = await host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start.AddMinutes(4), ("views", 1)));
        var act = () => host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start.AddMinutes(6), ("views", 2))).AsTask();

        ok.IsDuplicate.Should().BeFalse();
        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Timestamp").And.Contain("in the future");
    }

    [TestCase("", "youtube", "ContentId")]
    [TestCase("   ", "youtube", "ContentId")]
    [TestCase("c", "myspace!", "Platform")]
    [TestCase("c", "mastodon", "Platform")]
    public async Task Track_BadIdOrPlatform_ThrowsNamingTheField(string contentId, string platform, string field)
    {
        using var host = new AnalyticsHost();

        var act = () => host.Manager.TrackContentPerformanceAsync(Request(contentId, platform, Start, ("views", 1)) with { SnapshotId = "s" }).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().StartWith(field);
    }

    [Test]
    public async Task TrackBatch_UnstorableText_IsReportedByIndexAndField()
    {
        using var host = new AnalyticsHost();
        var valid = Request("ok", "youtube", Start.AddHours(-1), ("views", 1));
        var batch = new[]
        {
            valid,
            Request("c\uD800", "youtube", Start.AddHours(-1), ("views", 2)) with { SnapshotId = "s1" },
            valid with { SnapshotId = "\uDC00s" },
            valid with { SnapshotId = "s3", TenantId = "t\uDBFF" },
            valid with { SnapshotId = "s4", Metadata = new Dictionary<string, string> { ["title"] = "hi \uD83D" } },
            valid with { SnapshotId = "s5", Metadata = new Dictionary<string, string> { ["\uDE00"] = "x" } },
            valid with { SnapshotId = "s7", Metadata = new Dictionary<string, string> { ["title"] = "a\0b" } },
            valid with { SnapshotId = "s6", Timestamp = Start.AddMinutes(-30), Metadata = new Dictionary<string, string> { ["title"] = "hi \uD83D\uDE00" } },
        };

        var result = await host.Manager.TrackBatchAsync(batch, BatchMode.BestEffort);

        result.Errors.Select(e => (e.Index, e.Field)).Should().Equal(
            (1, "ContentId"), (2, "SnapshotId"), (3, "TenantId"), (4, "Metadata[title]"), (5, "Metadata"), (6, "Metadata[title]"));
        result.Errors[5].Reason.Should().Be("The text holds U+0000 (NUL) at index 1, which PostgreSQL text cannot hold.");
        result.Errors[0].Reason.Should().Be("The text holds a lone surrogate at index 1 (not valid UTF-16, no UTF-8 form).");
        result.Stored.Should().Be(2, "the first item and the one whose metadata holds a valid surrogate pair");
        (await host.Store.GetLatestAsync(new SnapshotQuery("default"))).Single().Metadata["title"].Should().Be("hi \uD83D\uDE00");
    }

    [Test]
    public async Task Track_CustomPlatformConfigured_IsAccepted()
    {
        using var host = new AnalyticsHost(o => o.Platforms["mastodon"] = new PlatformOptions { EngagementRateBasis = EngagementRateBasis.Impressions });

        var result = await host.Manager.TrackContentPerformanceAsync(Request("toot-1", "Mastodon", Start, ("impressions", 200), ("shares", 4)));

        result.Snapshot.Platform.Should().Be(Platform.Custom("mastodon"));
        result.Snapshot.Metrics[Metric.EngagementRate].Should().Be(0.02);
    }

    [Test]
    public async Task Track_ContentIdOnAnotherPlatform_IsRejected()
    {
        using var host = new AnalyticsHost();
        await host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start.AddHours(-2), ("views", 1)));

        var act = () => host.Manager.TrackContentPerformanceAsync(Request("c", "tiktok", Start.AddHours(-1), ("views", 2))).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("tracked on 'youtube'");
    }

    [Test]
    public async Task Track_OversizedMetadata_IsRejected()
    {
        using var host = new AnalyticsHost(o => { o.MaxMetadataEntries = 2; o.MaxMetadataEntryLength = 20; });
        var tooMany = Request("c", "youtube", Start, ("views", 1)) with { Metadata = new Dictionary<string, string> { ["a"] = "1", ["b"] = "2", ["c"] = "3" } };
        var tooLong = Request("c", "youtube", Start, ("views", 1)) with { Metadata = new Dictionary<string, string> { ["title"] = new string('x', 30) } };

        var many = () => host.Manager.TrackContentPerformanceAsync(tooMany).AsTask();
        var longer = () => host.Manager.TrackContentPerformanceAsync(tooLong).AsTask();

        (await many.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Metadata: 3 entries; at most 2");
        (await longer.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Metadata[title]");
    }

    [Test]
    public async Task TrackBatch_BestEffort_StoresValidItemsAndReportsInvalidOnesByIndex()
    {
        using var host = new AnalyticsHost();
        var batch = new[]
        {
            Request("a", "youtube", Start.AddHours(-3), ("views", 10)),
            Request("b", "youtube", Start.AddHours(-3), ("views", -5)),
            Request("c", "tiktok", Start.AddHours(-3), ("views", 7)),
            Request("d", "nowhere", Start.AddHours(-3), ("views", 1)),
        };

        var result = await host.Manager.TrackBatchAsync(batch, BatchMode.BestEffort);

        result.Stored.Should().Be(2);
        result.Errors.Select(e => (e.Index, e.Field)).Should().Equal((1, "Metrics[views]"), (3, "Platform"));
        result.SnapshotIds.Select(id => id is not null).Should().Equal(true, false, true, false);
        (await host.Store.GetLatestAsync(new SnapshotQuery("default"))).Select(s => s.ContentId).Should().Equal("a", "c");
    }

    [Test]
    public async Task TrackBatch_AllOrNothing_StoresNothingWhenOneItemIsInvalid()
    {
        using var host = new AnalyticsHost();
        var batch = new[]
        {
            Request("a", "youtube", Start.AddHours(-3), ("views", 10)),
            Request("b", "youtube", Start.AddHours(-3), ("views", double.NaN)),
        };

        var result = await host.Manager.TrackBatchAsync(batch, BatchMode.AllOrNothing);

        result.Stored.Should().Be(0);
        result.Errors.Should().ContainSingle().Which.Index.Should().Be(1);
        (await host.Store.GetLatestAsync(new SnapshotQuery("default"))).Should().BeEmpty();
    }

    [Test]
    public async Task TrackBatch_LargerThanTheLimit_ThrowsAndStoresNothing()
    {
        using var host = new AnalyticsHost(o => o.MaxBatchSize = 3);
        var batch = Enumerable.Range(0, 4).Select(i => Request($"c{i}", "youtube", Start, ("views", i))).ToArray();

        var act = () => host.Manager.TrackBatchAsync(batch).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.ParamName.Should().Be("requests");
        (await host.Store.GetLatestAsync(new SnapshotQuery("default"))).Should().BeEmpty();
    }

    [Test]
    public async Task TrackBatch_DuplicatesAndSamePlatformConflictWithinBatch_AreHandled()
    {
        using var host = new AnalyticsHost();
        var first = Request("a", "youtube", Start.AddHours(-3), ("views", 10));
        await host.Manager.TrackContentPerformanceAsync(first);

        var result = await host.Manager.TrackBatchAsync(
        [
            first,
            Request("z", "youtube", Start.AddHours(-2), ("views", 1)),
            Request("z", "tiktok", Start.AddHours(-1), ("views", 2)),
        ]);

        result.Stored.Should().Be(1);
        result.Duplicates.Should().Be(1);
        result.Errors.Should().ContainSingle().Which.Should().Match<TrackingError>(e => e.Index == 2 && e.Field == "Platform");
    }
}
