using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Storage.Tests.Conformance;

/// <summary>
/// The behaviour every <see cref="IEngagementStore"/> must show. Each store adds one sealed fixture that creates
/// a fresh, empty store per test; <see cref="ConformanceSuiteCoverageTests"/> checks that every store has one.
/// </summary>
public abstract class EngagementStoreConformanceTests
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero); // a Monday
    private readonly List<IEngagementStore> _stores = [];

    /// <summary>Creates a fresh, empty store.</summary>
    protected abstract Task<IEngagementStore> CreateStoreAsync();

    /// <summary>Releases a store created by <see cref="CreateStoreAsync"/>.</summary>
    protected virtual async Task DisposeStoreAsync(IEngagementStore store)
    {
        switch (store)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync();
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }

    [TearDown]
    public async Task DisposeStoresAsync()
    {
        foreach (var store in _stores)
        {
            await DisposeStoreAsync(store);
        }

        _stores.Clear();
    }

    [Test]
    public async Task Append_ThenQuery_RoundTripsEveryField()
    {
        var store = await NewStoreAsync();
        var snapshot = Snapshot("s1", "c1", Platform.YouTube, _day0.AddHours(5), views: 1500, likes: 120) with
        {
            Metadata = new Dictionary<string, string> { ["title"] = "My Great Video", ["source"] = "api" },
        };
        snapshot = snapshot with { Metrics = snapshot.Metrics.With(Metric.EngagementRate, 0.085).With(Metric.WatchTime, 1200.5) };

        var result = await store.AppendAsync([snapshot]);
        var stored = await QueryAllAsync(store, new SnapshotQuery("default"));

        result.Should().Be(new AppendResult(1, 0));
        stored.Should().ContainSingle();
        var s = stored[0];
        s.SnapshotId.Should().Be("s1");
        s.ContentId.Should().Be("c1");
        s.Platform.Should().Be(Platform.YouTube);
        s.TenantId.Should().Be("default");
        s.Timestamp.Should().Be(_day0.AddHours(5));
        s.Metrics.ToDictionary().Should().BeEquivalentTo(snapshot.Metrics.ToDictionary());
        s.Metadata.Should().BeEquivalentTo(snapshot.Metadata);
    }

    [Test]
    public async Task Query_FiltersByContentPlatformRangeAndMetrics_InContentThenTimeOrder()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Snapshot("b2", "b", Platform.TikTok, _day0.AddHours(2), views: 20),
            Snapshot("a1", "a", Platform.YouTube, _day0.AddHours(1), views: 10, likes: 1),
            Snapshot("b1", "b", Platform.TikTok, _day0.AddHours(1), views: 10),
            Snapshot("a2", "a", Platform.YouTube, _day0.AddHours(3), views: 30, likes: 3),
            Snapshot("c1", "c", Platform.X, _day0.AddHours(1), views: 5),
        ]);

        var all = await QueryAllAsync(store, new SnapshotQuery("default"));
        var youtube = await QueryAllAsync(store, new SnapshotQuery("default") { Platforms = [Platform.YouTube] });
        var some = await QueryAllAsync(store, new SnapshotQuery("default") { ContentIds = ["b", "c", "missing"] });
        var onlyViews = await QueryAllAsync(store, new SnapshotQuery("default") { ContentIds = ["a"], Metrics = [Metric.Views] });

        all.Select(s => s.SnapshotId).Should().Equal("a1", "a2", "b1", "b2", "c1");
        youtube.Select(s => s.SnapshotId).Should().Equal("a1", "a2");
        some.Select(s => s.SnapshotId).Should().Equal("b1", "b2", "c1");
        onlyViews.Should().OnlyContain(s => s.Metrics.Count == 1 && s.Metrics.Contains(Metric.Views));
    }

    [Test]
    public async Task Query_HalfOpenRange_IncludesStartAndExcludesEnd()
    {
        var store = await NewStoreAsync();
        var start = _day0.AddHours(10);
        var end = _day0.AddHours(20);
        await store.AppendAsync(
        [
            Snapshot("before", "c", Platform.YouTube, start.AddTicks(-10), views: 1),
            Snapshot("at-start", "c", Platform.YouTube, start, views: 2),
            Snapshot("inside", "c", Platform.YouTube, start.AddHours(5), views: 3),
            Snapshot("just-before-end", "c", Platform.YouTube, end.AddTicks(-10), views: 4),
            Snapshot("at-end", "c", Platform.YouTube, end, views: 5),
        ]);

        var inRange = await QueryAllAsync(store, new SnapshotQuery("default") { Range = new TimeRange(start, end) });

        inRange.Select(s => s.SnapshotId).Should().Equal("at-start", "inside", "just-before-end");
    }

    [Test]
    public async Task Append_SameSnapshotIdAgain_IsIgnored()
    {
        var store = await NewStoreAsync();
        var first = Snapshot("dup", "c", Platform.YouTube, _day0, views: 100);
        var resent = first with { Metrics = MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, 999)]) };

        var r1 = await store.AppendAsync([first]);
        var r2 = await store.AppendAsync([resent, Snapshot("new", "c", Platform.YouTube, _day0.AddHours(1), views: 150)]);
        var r3 = await store.AppendAsync([Snapshot("x", "c", Platform.YouTube, _day0.AddHours(2), views: 1), Snapshot("x", "c", Platform.YouTube, _day0.AddHours(2), views: 1)]);
        var stored = await QueryAllAsync(store, new SnapshotQuery("default"));

        r1.Should().Be(new AppendResult(1, 0));
        r2.Should().Be(new AppendResult(1, 1));
        r3.Should().Be(new AppendResult(1, 1));
        stored.Should().HaveCount(3);
        stored.Single(s => s.SnapshotId == "dup").Metrics[Metric.Views].Should().Be(100, "the first delivery wins");
    }

    [Test]
    public async Task Append_BatchWithNullElement_StoresNothing()
    {
        var store = await NewStoreAsync();
        var batch = new List<EngagementSnapshot>
        {
            Snapshot("ok-1", "c", Platform.YouTube, _day0, views: 1),
            null!,
            Snapshot("ok-2", "c", Platform.YouTube, _day0.AddHours(1), views: 2),
        };

        var act = () => store.AppendAsync(batch);

        await act.Should().ThrowAsync<ArgumentException>();
        (await QueryAllAsync(store, new SnapshotQuery("default"))).Should().BeEmpty();
    }

    [Test]
    public async Task Append_UnstorableText_RejectsTheBatchNamingTheField()
    {
        // A lone surrogate has no UTF-8 form: a UTF-8 store would have to fail part-way or store U+FFFD instead,
        // which turns "c\uD800" and "c\uDC00" into the same id. PostgreSQL cannot hold U+0000 either.
        var store = await NewStoreAsync();
        await store.AppendAsync([Snapshot("s1", "c", Platform.YouTube, _day0, views: 1)]);
        var withMetadata = (string key, string value) => Snapshot("s9", "c", Platform.YouTube, _day0.AddHours(9), views: 9) with
        {
            Metadata = new Dictionary<string, string> { [key] = value },
        };
        var cases = new (string Field, EngagementSnapshot Snapshot)[]
        {
            ("content id", Snapshot("s2", "c\uD800", Platform.YouTube, _day0.AddHours(2), views: 2)),
            ("content id", Snapshot("s3", "\uDC00c", Platform.YouTube, _day0.AddHours(3), views: 3)),
            ("snapshot id", Snapshot("s4\uDBFF", "c", Platform.YouTube, _day0.AddHours(4), views: 4)),
            ("tenant id", Snapshot("s5", "c", Platform.YouTube, _day0.AddHours(5), views: 5) with { TenantId = "t\uDFFF" }),
            ("metadata entry", withMetadata("k", "v\uD83D")),
            ("metadata entry", withMetadata("\uDE00k", "v")),
            ("content id", Snapshot("s6", "c\0", Platform.YouTube, _day0.AddHours(6), views: 6)),
            ("metadata entry", withMetadata("k", "a\0b")),
        };

        foreach (var (field, bad) in cases)
        {
            var act = () => store.AppendAsync([Snapshot("ok", "c", Platform.YouTube, _day0.AddHours(1), views: 1), bad]);

            var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
            error.ParamName.Should().Be("snapshots");
            error.Message.Should().Contain("Snapshot 1").And.Contain(field);
        }

        (await QueryAllAsync(store, new SnapshotQuery("default"))).Select(s => s.SnapshotId).Should().Equal(["s1"], "no rejected batch stored anything, not even its valid snapshot");
        var pair = withMetadata("k\uD83D\uDE00", "\uD83D\uDE00");
        (await store.AppendAsync([pair])).Should().Be(new AppendResult(1, 0), "a surrogate pair is valid text");
        (await QueryAllAsync(store, new SnapshotQuery("default"))).Single(s => s.SnapshotId == "s9").Metadata
            .Should().Equal(new Dictionary<string, string> { ["k\uD83D\uDE00"] = "\uD83D\uDE00" });
    }

    [Test]
    public async Task UpsertAndSave_UnstorableText_RejectTheBatchNamingTheField()
    {
        // A title cut between the two halves of an emoji: a UTF-8 store would keep U+FFFD in place of the half.
        var store = await NewStoreAsync();
        var item = new ContentItem("c1", Platform.YouTube, _day0, "ok");
        var record = new AnalysisRecord("r1", AnalysisKind.Trend, "c1", _day0, "{}");
        var items = new (string Field, ContentItem Item)[]
        {
            ("title", item with { ContentId = "c2", Title = "Best day \uD83D" }),
            ("content id", item with { ContentId = "c\uDC00" }),
            ("tenant id", item with { TenantId = "t\uD800" }),
            ("numeric feature name", item with { ContentId = "c2", NumericFeatures = new Dictionary<string, double> { ["\uD800n"] = 1 } }),
            ("categorical feature", item with { ContentId = "c2", CategoricalFeatures = new Dictionary<string, string> { ["topic"] = "\uDFFF" } }),
            ("title", item with { ContentId = "c2", Title = "a\0b" }),
        };
        var records = new (string Field, AnalysisRecord Record)[]
        {
            ("payload", record with { RecordId = "r2", PayloadJson = "{\"title\":\"\uD83D\"}" }),
            ("record id", record with { RecordId = "r\uDBFF" }),
            ("subject", record with { RecordId = "r2", Subject = "\uDC00" }),
            ("tenant id", record with { TenantId = "\uD800" }),
            ("payload", record with { RecordId = "r2", PayloadJson = "{}\0" }),
        };

        foreach (var (field, bad) in items)
        {
            var act = () => store.UpsertContentAsync([item, bad]);
            var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
            error.ParamName.Should().Be("items");
            error.Message.Should().Contain("Content item 1").And.Contain(field);
        }

        foreach (var (field, bad) in records)
        {
            var act = () => store.SaveAnalysisAsync([record, bad]);
            var error = (await act.Should().ThrowAsync<ArgumentException>()).Which;
            error.ParamName.Should().Be("records");
            error.Message.Should().Contain("Analysis record 1").And.Contain(field);
        }

        var undefinedKind = () => store.SaveAnalysisAsync([record, record with { RecordId = "r3", Kind = (AnalysisKind)99 }]);
        (await undefinedKind.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("Analysis record 1 has the undefined kind 99");
        var queryUndefinedKind = () => QueryAllAsync(store, new AnalysisQuery("default", (AnalysisKind)99));
        (await queryUndefinedKind.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("undefined");

        (await store.GetContentAsync("default", "c1")).Should().BeNull("no rejected batch stored anything");
        (await QueryAllAsync(store, new AnalysisQuery("default", AnalysisKind.Trend))).Should().BeEmpty();
        await store.UpsertContentAsync([item with { Title = "Best day \uD83D\uDE00" }]);
        (await store.GetContentAsync("default", "c1"))!.Title.Should().Be("Best day \uD83D\uDE00", "a surrogate pair is valid text");
    }

    [Test]
    public async Task ReadsAndDeletes_UnstorableId_AreRejectedAndTouchNoOtherTenant()
    {
        // "t\uFFFD" is valid text; a UTF-8 store that encoded "t\uDFFF" lossily would read or delete its rows.
        var store = await NewStoreAsync();
        var tenant = "t\uFFFD";
        await store.AppendAsync([Snapshot("s1", "c\uFFFD", Platform.YouTube, _day0.AddDays(-40), views: 1) with { TenantId = tenant }]);
        await store.UpsertContentAsync([new ContentItem("c\uFFFD", Platform.YouTube, _day0, "x") { TenantId = tenant }]);
        await store.SaveAnalysisAsync([new AnalysisRecord("r1", AnalysisKind.Trend, "c\uFFFD", _day0.AddDays(-40), "{}") { TenantId = tenant }]);
        var lone = "t\uDFFF";
        var range = new TimeRange(_day0.AddDays(-50), _day0);
        var calls = new (string Name, Func<Task> Call)[]
        {
            ("QueryAsync", () => QueryAllAsync(store, new SnapshotQuery(lone))),
            ("QueryAsync content", () => QueryAllAsync(store, new SnapshotQuery(tenant) { ContentIds = ["c\uDFFF"] })),
            ("GetLatestAsync", () => store.GetLatestAsync(new SnapshotQuery(lone))),
            ("GetSeriesAsync", () => store.GetSeriesAsync(new SeriesQuery(lone, "c\uFFFD", Metric.Views, range, BucketSize.Day))),
            ("GetSeriesAsync content", () => store.GetSeriesAsync(new SeriesQuery(tenant, "c\uDFFF", Metric.Views, range, BucketSize.Day))),
            ("GetPlatformAggregatesAsync", () => store.GetPlatformAggregatesAsync(new PlatformAggregateQuery(lone, range))),
            ("GetContentAsync", () => store.GetContentAsync(lone, "c\uFFFD")),
            ("GetContentAsync content", () => store.GetContentAsync(tenant, "c\uDFFF")),
            ("QueryContentAsync", async () => { await foreach (var _ in store.QueryContentAsync(lone)) { } }),
            ("QueryAnalysisAsync", () => QueryAllAsync(store, new AnalysisQuery(lone, AnalysisKind.Trend))),
            ("QueryAnalysisAsync subject", () => QueryAllAsync(store, new AnalysisQuery(tenant, AnalysisKind.Trend) { Subject = "c\uDFFF" })),
            ("DeleteOlderThanAsync", () => store.DeleteOlderThanAsync(_day0, lone)),
            ("GetLatestAsync NUL", () => store.GetLatestAsync(new SnapshotQuery("t\0"))),
            ("QueryAnalysisAsync NUL", () => QueryAllAsync(store, new AnalysisQuery(tenant, AnalysisKind.Trend) { Subject = "\0" })),
        };

        foreach (var (name, call) in calls)
        {
            (await call.Should().ThrowAsync<ArgumentException>(name)).Which.Message.Should().Contain("no stored id can match it", name);
        }

        (await QueryAllAsync(store, new SnapshotQuery(tenant))).Should().ContainSingle("the other tenant's rows are all still there");
        (await store.GetContentAsync(tenant, "c\uFFFD")).Should().NotBeNull();
        (await QueryAllAsync(store, new AnalysisQuery(tenant, AnalysisKind.Trend))).Should().ContainSingle();
    }

    [Test]
    public async Task Append_ConcurrentReader_NeverSeesAPartialBatch()
    {
        var store = await NewStoreAsync();
        const int batchSize = 200;
        const int batches = 15;
        var observed = new List<int>();
        using var done = new CancellationTokenSource();

        var reader = Task.Run(async () =>
        {
            while (!done.IsCancellationRequested)
            {
                var latest = await store.GetLatestAsync(new SnapshotQuery("default"));
                observed.Add(latest.Count);
            }
        });

        for (var b = 0; b < batches; b++)
        {
            var batch = Enumerable.Range(0, batchSize)
                .Select(i => Snapshot($"b{b}-{i}", $"c{b}-{i}", Platform.Instagram, _day0.AddMinutes(b), views: i))
                .ToList();
            await store.AppendAsync(batch);
        }

        await done.CancelAsync();
        await reader;

        observed.Should().NotBeEmpty();
        observed.Should().OnlyContain(count => count % batchSize == 0, "a batch becomes visible entirely or not at all");
        (await store.GetLatestAsync(new SnapshotQuery("default"))).Should().HaveCount(batchSize * batches);
    }

    [Test]
    public async Task Append_ConcurrentWriters_LoseNothing()
    {
        var store = await NewStoreAsync();
        const int writers = 4;
        const int batchesPerWriter = 10;
        const int batchSize = 50;

        await Task.WhenAll(Enumerable.Range(0, writers).Select(w => Task.Run(async () =>
        {
            for (var b = 0; b < batchesPerWriter; b++)
            {
                var batch = Enumerable.Range(0, batchSize)
                    .Select(i => Snapshot($"w{w}-b{b}-i{i}", $"content-{i % 7}", Platform.LinkedIn, _day0.AddMinutes((w * 1000) + (b * batchSize) + i), views: i))
                    .ToList();
                var result = await store.AppendAsync(batch);
                result.Inserted.Should().Be(batchSize);
            }
        })));

        var stored = await QueryAllAsync(store, new SnapshotQuery("default"));
        stored.Should().HaveCount(writers * batchesPerWriter * batchSize);
        stored.Select(s => s.SnapshotId).Should().OnlyHaveUniqueItems();
    }

    [Test]
    public async Task Tenants_AreIsolated()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Snapshot("s1", "shared-id", Platform.YouTube, _day0, views: 10) with { TenantId = "acme" },
            Snapshot("s1", "shared-id", Platform.YouTube, _day0, views: 20) with { TenantId = "globex" },
        ]);
        await store.UpsertContentAsync([new ContentItem("shared-id", Platform.YouTube, _day0, "Acme video") { TenantId = "acme" }]);

        var acme = await QueryAllAsync(store, new SnapshotQuery("acme"));
        var globex = await QueryAllAsync(store, new SnapshotQuery("globex"));
        var none = await QueryAllAsync(store, new SnapshotQuery("default"));
        var globexLatest = await store.GetLatestAsync(new SnapshotQuery("globex"));

        acme.Should().ContainSingle().Which.Metrics[Metric.Views].Should().Be(10);
        globex.Should().ContainSingle().Which.Metrics[Metric.Views].Should().Be(20);
        globexLatest.Should().ContainSingle().Which.TenantId.Should().Be("globex");
        none.Should().BeEmpty();
        (await store.GetContentAsync("globex", "shared-id")).Should().BeNull();
        (await store.GetContentAsync("acme", "shared-id"))!.Title.Should().Be("Acme video");
    }

    [Test]
    public async Task GetLatest_ReturnsTheLastSnapshotPerContent_WithinTheRange()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Snapshot("a1", "a", Platform.YouTube, _day0.AddHours(1), views: 10),
            Snapshot("a3", "a", Platform.YouTube, _day0.AddHours(30), views: 30),
            Snapshot("a2", "a", Platform.YouTube, _day0.AddHours(2), views: 20),
            Snapshot("b1", "b", Platform.TikTok, _day0.AddHours(1), views: 5),
        ]);

        var latest = await store.GetLatestAsync(new SnapshotQuery("default"));
        var firstDay = await store.GetLatestAsync(new SnapshotQuery("default") { Range = new TimeRange(_day0, _day0.AddDays(1)) });
        var onlyB = await store.GetLatestAsync(new SnapshotQuery("default") { ContentIds = ["b"] });

        latest.Select(s => s.SnapshotId).Should().Equal("a3", "b1");
        firstDay.Select(s => s.SnapshotId).Should().Equal("a2", "b1");
        onlyB.Select(s => s.SnapshotId).Should().Equal("b1");
    }

    [Test]
    public async Task GetSeries_CounterDeltas_InterpolateGapsAndClampCorrections()
    {
        var store = await NewStoreAsync();
        // Lifetime view totals: day 0 two observations, day 1 none (gap), day 2 one, day 3 a correction (spam removal), day 4 one.
        await store.AppendAsync(
        [
            Snapshot("v0", "c", Platform.YouTube, _day0.AddHours(-12), views: 50), // before the range: the baseline
            Snapshot("v1", "c", Platform.YouTube, _day0.AddHours(6), views: 100),
            Snapshot("v2", "c", Platform.YouTube, _day0.AddHours(18), views: 150),
            Snapshot("v3", "c", Platform.YouTube, _day0.AddDays(2).AddHours(18), views: 350),
            Snapshot("v4", "c", Platform.YouTube, _day0.AddDays(3).AddHours(12), views: 300),
            Snapshot("v5", "c", Platform.YouTube, _day0.AddDays(4).AddHours(12), views: 340),
        ]);

        var series = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(6)), BucketSize.Day));

        series.BucketStarts.Should().Equal(Enumerable.Range(0, 6).Select(d => _day0.AddDays(d)));
        series.End.Should().Be(_day0.AddDays(6));
        // Day 1 has no observation: the level at its end (day 2 00:00) is interpolated between 150 @ day0 18:00 and 350 @ day2 18:00:
        // 150 + 200 × (30 h / 48 h) = 275.
        series.Values[0].Should().Be(100);                  // 150 − 50
        series.Values[1].Should().BeApproximately(125, 1e-9); // 275 − 150
        series.Values[2].Should().BeApproximately(75, 1e-9);  // 350 − 275
        series.Values[3].Should().Be(0);                    // 300 − 350 is a correction, clamped
        series.Values[4].Should().Be(40);                   // 340 − 300
        double.IsNaN(series.Values[5]).Should().BeTrue("nothing is known after the last observation");
        series.Interpolated.Should().Equal(false, true, false, false, false, false);
        series.CorrectionCount.Should().Be(1);
        series.CorrectionTotal.Should().Be(50);
    }

    [Test]
    public async Task GetSeries_FirstObservationEver_HasNoDeltaAndDeltasStartFromIt()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Snapshot("v1", "c", Platform.TikTok, _day0.AddDays(1).AddHours(1), views: 40),
            Snapshot("v2", "c", Platform.TikTok, _day0.AddDays(2).AddHours(1), views: 90),
        ]);

        var series = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(3)), BucketSize.Day));

        double.IsNaN(series.Values[0]).Should().BeTrue("nothing was observed yet");
        double.IsNaN(series.Values[1]).Should().BeTrue("the first total accumulated at unknown times before tracking began");
        series.Values[2].Should().Be(50);
    }

    [Test]
    public async Task GetSeries_Gauge_UsesMeanOrLastAndLeavesGapsMissing()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Gauge("g1", _day0.AddHours(1), 0.02),
            Gauge("g2", _day0.AddHours(2), 0.04),
            Gauge("g3", _day0.AddDays(2).AddHours(1), 0.05),
        ]);
        var range = new TimeRange(_day0, _day0.AddDays(3));

        var mean = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.EngagementRate, range, BucketSize.Day));
        var last = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.EngagementRate, range, BucketSize.Day) { GaugeAggregation = GaugeAggregation.Last });

        mean.Values[0].Should().BeApproximately(0.03, 1e-12);
        double.IsNaN(mean.Values[1]).Should().BeTrue();
        mean.Values[2].Should().Be(0.05);
        last.Values[0].Should().Be(0.04);
        mean.Interpolated.Should().OnlyContain(x => !x);
    }

    [Test]
    public async Task GetSeries_DayBucketsFollowTheTimeZone()
    {
        var store = await NewStoreAsync();
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        // Berlin is UTC+1 in March. 22:00 UTC on 2 March is still 2 March in Berlin; 23:30 UTC is 00:30 on 3 March.
        await store.AppendAsync(
        [
            Snapshot("v0", "c", Platform.YouTube, _day0.AddHours(-2), views: 10),
            Snapshot("v1", "c", Platform.YouTube, _day0.AddHours(22), views: 15),
            Snapshot("v2", "c", Platform.YouTube, _day0.AddHours(23.5), views: 30),
        ]);

        var series = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(2)), BucketSize.Day) { TimeZone = berlin });
        var utc = await store.GetSeriesAsync(new SeriesQuery("default", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(2)), BucketSize.Day));

        series.BucketStarts[0].Should().Be(new DateTimeOffset(2026, 3, 1, 23, 0, 0, TimeSpan.Zero), "the Berlin day of the range start begins at 23:00 UTC");
        series.BucketStarts.Should().HaveCount(3, "the range end, 4 March 00:00 UTC, falls in Berlin's 4 March");
        series.Values[0].Should().Be(5, "15 − 10 happens on Berlin's 2 March");
        series.Values[1].Should().Be(15, "30 − 15 happens on Berlin's 3 March");
        utc.Values[0].Should().Be(20, "in UTC both observations fall on 2 March");
    }

    [Test]
    public async Task GetSeries_UnknownContent_IsAllMissing()
    {
        var store = await NewStoreAsync();

        var series = await store.GetSeriesAsync(new SeriesQuery("default", "nope", Metric.Views, new TimeRange(_day0, _day0.AddDays(2)), BucketSize.Day));

        series.Values.Should().HaveCount(2).And.OnlyContain(v => double.IsNaN(v));
    }

    [Test]
    public async Task GetPlatformAggregates_SumsCounterActivityAndAveragesGauges()
    {
        var store = await NewStoreAsync();
        var range = new TimeRange(_day0, _day0.AddDays(7));
        await store.AppendAsync(
        [
            Snapshot("a0", "a", Platform.YouTube, _day0.AddDays(-1), views: 100),   // before the range: a's baseline
            Snapshot("a1", "a", Platform.YouTube, _day0.AddDays(1), views: 160) with { Metrics = Views(160).With(Metric.EngagementRate, 0.10) },
            Snapshot("a2", "a", Platform.YouTube, _day0.AddDays(2), views: 180) with { Metrics = Views(180).With(Metric.EngagementRate, 0.06) },
            Snapshot("b0", "b", Platform.YouTube, _day0.AddHours(12), views: 10),   // b's first observation: its baseline
            Snapshot("b1", "b", Platform.YouTube, _day0.AddDays(3), views: 40) with { Metrics = Views(40).With(Metric.EngagementRate, 0.02) },
            Snapshot("c1", "c", Platform.TikTok, _day0.AddDays(3), views: 500),
            Snapshot("c2", "c", Platform.TikTok, _day0.AddDays(5), views: 650),
            Snapshot("c3", "c", Platform.TikTok, _day0.AddDays(8), views: 900),     // after the range
            Snapshot("d0", "d", Platform.TikTok, _day0.AddDays(-2), views: 70),
            Snapshot("d1", "d", Platform.TikTok, _day0.AddDays(4), views: 60),      // a correction: clamped to 0
        ]);

        var aggregates = await store.GetPlatformAggregatesAsync(new PlatformAggregateQuery("default", range));
        var onlyTikTok = await store.GetPlatformAggregatesAsync(new PlatformAggregateQuery("default", range) { Platforms = [Platform.TikTok] });

        aggregates.Select(a => a.Platform).Should().Equal(Platform.TikTok, Platform.YouTube);
        var youtube = aggregates.Single(a => a.Platform == Platform.YouTube);
        youtube.ContentCount.Should().Be(2);
        youtube.SnapshotCount.Should().Be(4);
        youtube.Values[Metric.Views].Should().Be((180 - 100) + (40 - 10));
        youtube.Values[Metric.EngagementRate].Should().BeApproximately((0.06 + 0.02) / 2, 1e-12);
        var tiktok = aggregates.Single(a => a.Platform == Platform.TikTok);
        tiktok.ContentCount.Should().Be(2);
        tiktok.SnapshotCount.Should().Be(3);
        tiktok.Values[Metric.Views].Should().Be(650 - 500);
        tiktok.Values.Contains(Metric.Likes).Should().BeFalse();
        onlyTikTok.Should().ContainSingle().Which.Platform.Should().Be(Platform.TikTok);
    }

    [Test]
    public async Task Content_UpsertReplacesAndQueriesByPlatform()
    {
        var store = await NewStoreAsync();
        var item = new ContentItem("c1", Platform.YouTube, _day0, "First title")
        {
            NumericFeatures = new Dictionary<string, double> { ["duration_seconds"] = 600, ["hashtag_count"] = 3 },
            CategoricalFeatures = new Dictionary<string, string> { ["format"] = "long", ["topic"] = "cooking" },
        };
        await store.UpsertContentAsync([item, new ContentItem("c2", Platform.TikTok, _day0, "Short")]);
        await store.UpsertContentAsync([item with { Title = "Renamed" }]);

        var got = await store.GetContentAsync("default", "c1");
        var youtube = new List<ContentItem>();
        await foreach (var i in store.QueryContentAsync("default", Platform.YouTube))
        {
            youtube.Add(i);
        }

        got!.Title.Should().Be("Renamed");
        got.PublishedAt.Should().Be(_day0);
        got.NumericFeatures.Should().BeEquivalentTo(item.NumericFeatures);
        got.CategoricalFeatures.Should().BeEquivalentTo(item.CategoricalFeatures);
        youtube.Select(i => i.ContentId).Should().Equal("c1");
    }

    [Test]
    public async Task Analysis_SaveReplacesByIdAndQueriesNewestFirst()
    {
        var store = await NewStoreAsync();
        await store.SaveAnalysisAsync(
        [
            new AnalysisRecord("r1", AnalysisKind.Trend, "c1", _day0, """{"slope":1}"""),
            new AnalysisRecord("r2", AnalysisKind.Trend, "c1", _day0.AddDays(1), """{"slope":2}"""),
            new AnalysisRecord("r3", AnalysisKind.Correlation, "youtube", _day0, """{"r":0.5}"""),
        ]);
        await store.SaveAnalysisAsync([new AnalysisRecord("r1", AnalysisKind.Trend, "c1", _day0.AddDays(2), """{"slope":3}""")]);

        var trends = await QueryAllAsync(store, new AnalysisQuery("default", AnalysisKind.Trend) { Subject = "c1" });
        var recent = await QueryAllAsync(store, new AnalysisQuery("default", AnalysisKind.Trend) { Since = _day0.AddDays(1).AddHours(12) });
        var limited = await QueryAllAsync(store, new AnalysisQuery("default", AnalysisKind.Trend) { Limit = 1 });

        trends.Select(r => r.RecordId).Should().Equal("r1", "r2");
        trends[0].PayloadJson.Should().Be("""{"slope":3}""");
        recent.Select(r => r.RecordId).Should().Equal("r1");
        limited.Should().ContainSingle();
    }

    [Test]
    public async Task DeleteOlderThan_RemovesOnlyOlderRows_OfTheGivenTenant()
    {
        var store = await NewStoreAsync();
        await store.AppendAsync(
        [
            Snapshot("old", "c", Platform.YouTube, _day0.AddDays(-40), views: 1),
            Snapshot("new", "c", Platform.YouTube, _day0, views: 2),
            Snapshot("other-old", "c", Platform.YouTube, _day0.AddDays(-40), views: 1) with { TenantId = "other" },
        ]);
        await store.SaveAnalysisAsync([new AnalysisRecord("r-old", AnalysisKind.Benchmark, "youtube", _day0.AddDays(-40), "{}")]);

        var result = await store.DeleteOlderThanAsync(_day0.AddDays(-30), "default");
        var remaining = await QueryAllAsync(store, new SnapshotQuery("default"));
        var other = await QueryAllAsync(store, new SnapshotQuery("other"));
        var again = await store.AppendAsync([Snapshot("new", "c", Platform.YouTube, _day0, views: 2)]);

        result.Should().Be(new RetentionResult(1, 1));
        remaining.Select(s => s.SnapshotId).Should().Equal("new");
        other.Should().ContainSingle();
        again.Should().Be(new AppendResult(0, 1));
    }

    [Test]
    public async Task Operations_WithCancelledToken_ThrowAndStoreNothing()
    {
        var store = await NewStoreAsync();
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        var append = () => store.AppendAsync([Snapshot("s", "c", Platform.YouTube, _day0, views: 1)], cancelled.Token);
        var latest = () => store.GetLatestAsync(new SnapshotQuery("default"), cancelled.Token);
        var query = async () =>
        {
            await foreach (var unused in store.QueryAsync(new SnapshotQuery("default"), cancelled.Token))
            {
            }
        };

        await append.Should().ThrowAsync<OperationCanceledException>();
        await latest.Should().ThrowAsync<OperationCanceledException>();
        await query.Should().ThrowAsync<OperationCanceledException>();
        (await QueryAllAsync(store, new SnapshotQuery("default"))).Should().BeEmpty();
    }

    [Test]
    public async Task CheckHealth_ReportsHealthy()
    {
        var store = await NewStoreAsync();

        var health = await store.CheckHealthAsync();

        health.IsHealthy.Should().BeTrue();
        health.Description.Should().NotBeNullOrWhiteSpace();
    }

    protected static EngagementSnapshot Snapshot(string id, string contentId, Platform platform, DateTimeOffset at, double views, double? likes = null)
    {
        var metrics = Views(views);
        if (likes is { } l)
        {
            metrics = metrics.With(Metric.Likes, l);
        }

        return new EngagementSnapshot(id, contentId, platform, at, metrics);
    }

    private static MetricValues Views(double views) => MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, views)]);

    private static EngagementSnapshot Gauge(string id, DateTimeOffset at, double rate)
        => new(id, "c", Platform.Instagram, at, MetricValues.From([new KeyValuePair<Metric, double>(Metric.EngagementRate, rate)]));

    private static async Task<List<EngagementSnapshot>> QueryAllAsync(IEngagementStore store, SnapshotQuery query)
    {
        var result = new List<EngagementSnapshot>();
        await foreach (var s in store.QueryAsync(query))
        {
            result.Add(s);
        }

        return result;
    }

    private static async Task<List<AnalysisRecord>> QueryAllAsync(IEngagementStore store, AnalysisQuery query)
    {
        var result = new List<AnalysisRecord>();
        await foreach (var r in store.QueryAnalysisAsync(query))
        {
            result.Add(r);
        }

        return result;
    }

    private async Task<IEngagementStore> NewStoreAsync()
    {
        var store = await CreateStoreAsync();
        _stores.Add(store);
        return store;
    }
}
