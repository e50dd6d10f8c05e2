using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite;

namespace PerformanceAnalytics.Storage.Tests.Sqlite;

/// <summary>
/// The SQLite store against the reference implementation, <see cref="InMemoryEngagementStore"/>: the same seeded
/// random data goes into both and every read must agree. The data has gaps (metrics missing from some snapshots,
/// metrics an item never reports), counter corrections, equal timestamps, several tenants and platforms, so the
/// SQL fallbacks (last non-NULL value, tie-breaks, interpolation brackets) are exercised.
/// </summary>
public sealed class SqliteEngagementStoreDifferentialTests
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
    private static readonly Platform _mastodon = Platform.Custom("mastodon");
    private static readonly Platform[] _platforms = [Platform.YouTube, Platform.TikTok, Platform.X, _mastodon];
    private static readonly string[] _tenants = ["default", "acme"];

    private TemporaryDatabase _database = null!;
    private SqliteEngagementStore _sqlite = null!;
    private InMemoryEngagementStore _reference = null!;
    private List<EngagementSnapshot> _snapshots = null!;

    [OneTimeSetUp]
    public async Task LoadBothStoresAsync()
    {
        _database = new TemporaryDatabase();
        _sqlite = new SqliteEngagementStore(_database.ConnectionString);
        _reference = new InMemoryEngagementStore();
        _snapshots = Generate(new Random(20260302));
        foreach (var batch in _snapshots.Chunk(97))
        {
            var expected = await _reference.AppendAsync(batch);
            var actual = await _sqlite.AppendAsync(batch);
            actual.Should().Be(expected);
        }
    }

    [OneTimeTearDown]
    public void DisposeStores()
    {
        _sqlite.Dispose();
        _reference.Dispose();
        _database.Dispose();
    }

    public static IEnumerable<TestCaseData> SnapshotQueries()
    {
        foreach (var tenant in _tenants)
        {
            yield return new TestCaseData(new SnapshotQuery(tenant)).SetArgDisplayNames(tenant, "all");
            yield return new TestCaseData(new SnapshotQuery(tenant) { Range = new TimeRange(_day0, _day0.AddDays(4)) }).SetArgDisplayNames(tenant, "range");
            yield return new TestCaseData(new SnapshotQuery(tenant) { Platforms = [Platform.TikTok, _mastodon] }).SetArgDisplayNames(tenant, "platforms");
            yield return new TestCaseData(new SnapshotQuery(tenant) { ContentIds = ["c03", "c07", "c07", "missing", "c11"] }).SetArgDisplayNames(tenant, "content ids");
            yield return new TestCaseData(new SnapshotQuery(tenant)
            {
                ContentIds = ["c01", "c02", "c05", "c08"],
                Platforms = [Platform.YouTube, Platform.X],
                Range = new TimeRange(_day0.AddDays(-2), _day0.AddDays(9).AddHours(7)),
                Metrics = [Metric.Views, Metric.EngagementRate, Metric.WatchTime],
            }).SetArgDisplayNames(tenant, "everything");
        }

        yield return new TestCaseData(new SnapshotQuery("nobody")).SetArgDisplayNames("nobody", "all");
    }

    [TestCaseSource(nameof(SnapshotQueries))]
    public async Task Query_SameDataInBothStores_ReturnsTheSameSnapshotsInTheSameOrder(SnapshotQuery query)
    {
        var expected = await ToListAsync(_reference.QueryAsync(query));
        var actual = await ToListAsync(_sqlite.QueryAsync(query));

        actual.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            ShouldMatch(actual[i], expected[i]);
        }
    }

    [TestCaseSource(nameof(SnapshotQueries))]
    public async Task GetLatest_SameDataInBothStores_ReturnsTheSameSnapshots(SnapshotQuery query)
    {
        var expected = await _reference.GetLatestAsync(query);
        var actual = await _sqlite.GetLatestAsync(query);

        actual.Should().HaveCount(expected.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            ShouldMatch(actual[i], expected[i]);
        }
    }

    public static IEnumerable<TestCaseData> SeriesQueries()
    {
        var newYork = TimeZoneInfo.FindSystemTimeZoneById("America/New_York");
        Metric[] metrics = [Metric.Views, Metric.Likes, Metric.WatchTime, Metric.EngagementRate, Metric.CompletionRate];
        foreach (var content in new[] { "c00", "c03", "c06", "c09", "c13", "none" })
        {
            foreach (var metric in metrics)
            {
                yield return Case(new SeriesQuery("default", content, metric, new TimeRange(_day0.AddDays(-1), _day0.AddDays(12)), BucketSize.Day));
                yield return Case(new SeriesQuery("default", content, metric, new TimeRange(_day0.AddHours(30), _day0.AddHours(80)), BucketSize.Hour));
                yield return Case(new SeriesQuery("acme", content, metric, new TimeRange(_day0.AddDays(-3), _day0.AddDays(20)), BucketSize.Week) { TimeZone = newYork });
                yield return Case(new SeriesQuery("default", content, metric, new TimeRange(_day0.AddDays(2).AddHours(5), _day0.AddDays(9)), BucketSize.Day)
                {
                    TimeZone = newYork,
                    GaugeAggregation = GaugeAggregation.Last,
                });
            }
        }

        static TestCaseData Case(SeriesQuery q)
            => new TestCaseData(q).SetArgDisplayNames(q.TenantId, q.ContentId, q.Metric.Name, q.Bucket.ToString(), q.TimeZone.Id, q.GaugeAggregation.ToString());
    }

    [TestCaseSource(nameof(SeriesQueries))]
    public async Task GetSeries_SameDataInBothStores_ReturnsTheSameSeries(SeriesQuery query)
    {
        var expected = await _reference.GetSeriesAsync(query);
        var actual = await _sqlite.GetSeriesAsync(query);

        actual.BucketStarts.Should().Equal(expected.BucketStarts);
        actual.End.Should().Be(expected.End);
        ShouldMatch(actual.Values, expected.Values);
        actual.Interpolated.Should().Equal(expected.Interpolated);
        actual.CorrectionCount.Should().Be(expected.CorrectionCount);
        actual.CorrectionTotal.Should().Be(expected.CorrectionTotal);
    }

    public static IEnumerable<TestCaseData> AggregateQueries()
    {
        foreach (var tenant in _tenants)
        {
            yield return new TestCaseData(new PlatformAggregateQuery(tenant, new TimeRange(_day0, _day0.AddDays(7)))).SetArgDisplayNames(tenant, "week");
            yield return new TestCaseData(new PlatformAggregateQuery(tenant, new TimeRange(_day0.AddDays(-10), _day0.AddDays(30)))).SetArgDisplayNames(tenant, "everything");
            yield return new TestCaseData(new PlatformAggregateQuery(tenant, new TimeRange(_day0.AddDays(3).AddHours(3), _day0.AddDays(3).AddHours(20)))).SetArgDisplayNames(tenant, "hours");
            yield return new TestCaseData(new PlatformAggregateQuery(tenant, new TimeRange(_day0.AddDays(2), _day0.AddDays(11))) { Platforms = [_mastodon, Platform.X, Platform.Instagram] })
                .SetArgDisplayNames(tenant, "platforms");
            yield return new TestCaseData(new PlatformAggregateQuery(tenant, new TimeRange(_day0.AddDays(40), _day0.AddDays(41)))).SetArgDisplayNames(tenant, "empty");
        }
    }

    [TestCaseSource(nameof(AggregateQueries))]
    public async Task GetPlatformAggregates_SameDataInBothStores_ReturnsTheSameAggregates(PlatformAggregateQuery query)
    {
        var expected = await _reference.GetPlatformAggregatesAsync(query);
        var actual = await _sqlite.GetPlatformAggregatesAsync(query);

        actual.Select(a => a.Platform).Should().Equal(expected.Select(a => a.Platform));
        for (var i = 0; i < expected.Count; i++)
        {
            actual[i].ContentCount.Should().Be(expected[i].ContentCount);
            actual[i].SnapshotCount.Should().Be(expected[i].SnapshotCount);
            ShouldMatch(Dense(actual[i].Values), Dense(expected[i].Values));
        }
    }

    [Test]
    public void Generate_DataExercisesTheFallbacks()
    {
        // Guards the generator: the comparisons above only mean something if the data has these features.
        _snapshots.Should().Contain(s => !s.Metrics.Contains(Metric.Views), "some snapshots lack a counter");
        _snapshots.Should().Contain(s => !s.Metrics.Contains(Metric.EngagementRate), "some snapshots lack a gauge");
        _snapshots.GroupBy(s => (s.TenantId, s.ContentId, s.Timestamp)).Should().Contain(g => g.Count() > 1, "some timestamps repeat");
        _snapshots.Where(s => s.Platform == Platform.X).Should().OnlyContain(s => !s.Metrics.Contains(Metric.WatchTime), "X never reports watch time");
    }

    private static List<EngagementSnapshot> Generate(Random random)
    {
        var result = new List<EngagementSnapshot>();
        var id = 0;
        foreach (var tenant in _tenants)
        {
            for (var c = 0; c < 14; c++)
            {
                var contentId = $"c{c:D2}";
                var platform = _platforms[c % _platforms.Length];
                var count = random.Next(5, 60);
                var ticks = _day0.AddDays(-5).UtcTicks;
                var totals = new double[Metric.Count];
                for (var k = 0; k < count; k++)
                {
                    // Mostly forward steps of up to a day; sometimes the same instant again.
                    ticks += random.Next(4) == 0 ? 0 : (long)(random.NextDouble() * TimeSpan.TicksPerDay);
                    var dense = new double[Metric.Count];
                    foreach (var metric in Metric.Catalogue)
                    {
                        var present = random.NextDouble() < 0.8 && !(platform == Platform.X && metric == Metric.WatchTime);
                        if (metric.IsCounter)
                        {
                            // Whole numbers keep sums exact; an occasional drop is a platform correction.
                            totals[metric.Id] = random.Next(10) == 0
                                ? Math.Max(0, totals[metric.Id] - random.Next(50))
                                : totals[metric.Id] + random.Next(200);
                            dense[metric.Id] = present ? totals[metric.Id] : double.NaN;
                        }
                        else
                        {
                            dense[metric.Id] = present ? Math.Round(random.NextDouble(), 6) : double.NaN;
                        }
                    }

                    var snapshot = new EngagementSnapshot($"s{id++:D5}", contentId, platform, new DateTimeOffset(ticks, TimeSpan.Zero), MetricValues.FromDense(dense))
                    {
                        TenantId = tenant,
                        Metadata = k % 3 == 0 ? new Dictionary<string, string> { ["k"] = k.ToString(System.Globalization.CultureInfo.InvariantCulture) } : new Dictionary<string, string>(),
                    };
                    result.Add(snapshot);
                }
            }
        }

        // Deliver out of order, as a tracker with retries would.
        return [.. result.OrderBy(_ => random.Next())];
    }

    private static void ShouldMatch(EngagementSnapshot actual, EngagementSnapshot expected)
    {
        actual.SnapshotId.Should().Be(expected.SnapshotId);
        actual.ContentId.Should().Be(expected.ContentId);
        actual.Platform.Should().Be(expected.Platform);
        actual.TenantId.Should().Be(expected.TenantId);
        actual.Timestamp.Should().Be(expected.Timestamp);
        actual.Timestamp.Offset.Should().Be(TimeSpan.Zero);
        Dense(actual.Metrics).Should().Equal(Dense(expected.Metrics));
        actual.Metadata.Should().BeEquivalentTo(expected.Metadata);
    }

    /// <summary>NaN matches NaN; other values agree to 1e-12 relative (SQLite sums with compensation, the reference naively).</summary>
    private static void ShouldMatch(double[] actual, double[] expected)
    {
        actual.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                double.IsNaN(actual[i]).Should().BeTrue($"element {i} is missing in the reference");
            }
            else
            {
                actual[i].Should().BeApproximately(expected[i], 1e-12 * Math.Max(1, Math.Abs(expected[i])), $"element {i}");
            }
        }
    }

    private static double[] Dense(MetricValues values)
    {
        var dense = new double[Metric.Count];
        values.CopyTo(dense);
        return dense;
    }

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
