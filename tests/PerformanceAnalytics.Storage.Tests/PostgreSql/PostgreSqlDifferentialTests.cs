using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>
/// The PostgreSQL store answers exactly like the reference <see cref="InMemoryEngagementStore"/> on the same random
/// data: several tenants, built-in and custom platforms, sub-microsecond timestamps, missing metrics, counter
/// corrections, duplicate deliveries, and ranges across daylight-saving changes.
/// </summary>
public sealed class PostgreSqlDifferentialTests
{
    private const double Tolerance = 1e-12;
    private static readonly DateTimeOffset _start = new(2026, 3, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly string[] _tenants = ["default", "acme", "globex"];
    private static readonly Platform[] _platforms = [Platform.YouTube, Platform.TikTok, Platform.Instagram, Platform.Custom("podcasts")];

    private Npgsql.NpgsqlDataSource _dataSource = null!;
    private PostgreSqlEngagementStore _store = null!;
    private InMemoryEngagementStore _reference = null!;
    private List<EngagementSnapshot> _data = null!;
    private string _schema = null!;

    [OneTimeSetUp]
    public async Task SetUpAsync()
    {
        _dataSource = Npgsql.NpgsqlDataSource.Create(PostgreSqlTestEnvironment.RequireConnectionString());
        _schema = PostgreSqlTestEnvironment.NewSchemaName("pa_diff");
        _store = PostgreSqlTestEnvironment.CreateStore(_dataSource, _schema);
        _reference = new InMemoryEngagementStore();
        _data = Generate(new Random(20260302));
        foreach (var batch in _data.Chunk(97))
        {
            var expected = await _reference.AppendAsync(batch);
            var actual = await _store.AppendAsync(batch);
            actual.Should().Be(expected);
        }
    }

    [OneTimeTearDown]
    public async Task TearDownAsync()
    {
        _reference?.Dispose();
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
    public async Task Query_MatchesReference_ForEveryFilter()
    {
        foreach (var query in SnapshotQueries())
        {
            var expected = await ToListAsync(_reference.QueryAsync(query));
            var actual = await ToListAsync(_store.QueryAsync(query));

            actual.Select(Describe).Should().Equal(expected.Select(Describe), query.ToString());
        }
    }

    [Test]
    public async Task GetLatest_MatchesReference_ForEveryFilter()
    {
        foreach (var query in SnapshotQueries())
        {
            var expected = await _reference.GetLatestAsync(query);
            var actual = await _store.GetLatestAsync(query);

            actual.Select(Describe).Should().Equal(expected.Select(Describe), query.ToString());
        }
    }

    [TestCase(BucketSize.Hour, "UTC", 3)]
    [TestCase(BucketSize.Day, "UTC", 40)]
    [TestCase(BucketSize.Day, "Europe/Berlin", 40)]
    [TestCase(BucketSize.Day, "America/New_York", 40)]
    [TestCase(BucketSize.Week, "Asia/Kolkata", 40)]
    [TestCase(BucketSize.Hour, "Europe/Berlin", 2)]
    public async Task GetSeries_MatchesReference(BucketSize bucket, string zone, int days)
    {
        var timeZone = TimeZoneInfo.FindSystemTimeZoneById(zone);
        // Starts mid-data so that observations before and after the range matter; spans both 2026 DST changes.
        var range = new TimeRange(_start.AddDays(6).AddHours(7).AddTicks(3), _start.AddDays(6 + days).AddTicks(-7));
        if (bucket == BucketSize.Hour)
        {
            range = new TimeRange(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero).AddDays(days));
        }

        var compared = 0;
        foreach (var (tenant, content) in Contents().Take(12))
        {
            foreach (var metric in new[] { Metric.Views, Metric.Likes, Metric.FollowersGained, Metric.EngagementRate, Metric.AverageViewDuration })
            {
                foreach (var aggregation in new[] { GaugeAggregation.Mean, GaugeAggregation.Last })
                {
                    var query = new SeriesQuery(tenant, content, metric, range, bucket) { TimeZone = timeZone, GaugeAggregation = aggregation };
                    var expected = await _reference.GetSeriesAsync(query);
                    var actual = await _store.GetSeriesAsync(query);

                    actual.BucketStarts.Should().Equal(expected.BucketStarts);
                    actual.End.Should().Be(expected.End);
                    actual.Interpolated.Should().Equal(expected.Interpolated, $"{content} {metric}");
                    actual.CorrectionCount.Should().Be(expected.CorrectionCount);
                    actual.CorrectionTotal.Should().BeApproximately(expected.CorrectionTotal, Tolerance * Math.Max(1, expected.CorrectionTotal));
                    AssertClose(actual.Values, expected.Values, $"{tenant}/{content} {metric} {aggregation}");
                    compared += expected.KnownCount;
                }
            }
        }

        compared.Should().BeGreaterThan(100, "the comparison must cover many known buckets");
    }

    [Test]
    public async Task GetPlatformAggregates_MatchReference()
    {
        var ranges = new[]
        {
            new TimeRange(_start, _start.AddDays(30)),
            new TimeRange(_start.AddDays(10).AddTicks(5), _start.AddDays(12).AddTicks(-3)),
            new TimeRange(_start.AddDays(-100), _start.AddDays(100)),
            new TimeRange(_start.AddDays(33), _start.AddDays(34)),
        };
        foreach (var tenant in _tenants)
        {
            foreach (var range in ranges)
            {
                foreach (var platforms in new[] { null, new[] { Platform.TikTok, Platform.Custom("podcasts") } })
                {
                    var query = new PlatformAggregateQuery(tenant, range) { Platforms = platforms };
                    var expected = await _reference.GetPlatformAggregatesAsync(query);
                    var actual = await _store.GetPlatformAggregatesAsync(query);

                    actual.Select(a => (a.Platform, a.ContentCount, a.SnapshotCount))
                        .Should().Equal(expected.Select(a => (a.Platform, a.ContentCount, a.SnapshotCount)), $"{tenant} {range}");
                    for (var i = 0; i < expected.Count; i++)
                    {
                        var e = new double[Metric.Count];
                        var a = new double[Metric.Count];
                        expected[i].Values.CopyTo(e);
                        actual[i].Values.CopyTo(a);
                        AssertClose(a, e, $"{tenant} {range} {expected[i].Platform}");
                    }
                }
            }
        }
    }

    [Test]
    public async Task DeleteOlderThan_AllTenants_MatchesReference()
    {
        // Runs on copies so the other tests keep the full data set.
        var schema = PostgreSqlTestEnvironment.NewSchemaName("pa_diff_ret");
        await using var store = PostgreSqlTestEnvironment.CreateStore(_dataSource, schema);
        using var reference = new InMemoryEngagementStore();
        try
        {
            await store.AppendAsync(_data);
            await reference.AppendAsync(_data);
            var records = _tenants.SelectMany(t => Enumerable.Range(0, 6).Select(i =>
                new AnalysisRecord($"r{i}", (AnalysisKind)(i % 7), "s", _start.AddDays(i * 3).AddTicks(i), "{}") { TenantId = t })).ToList();
            await store.SaveAnalysisAsync(records);
            await reference.SaveAnalysisAsync(records);
            var cutoff = _start.AddDays(9).AddTicks(4);

            var expected = await reference.DeleteOlderThanAsync(cutoff);
            var actual = await store.DeleteOlderThanAsync(cutoff);

            actual.Should().Be(expected);
            expected.SnapshotsDeleted.Should().BeGreaterThan(0);
            foreach (var tenant in _tenants)
            {
                var left = await ToListAsync(store.QueryAsync(new SnapshotQuery(tenant)));
                var leftReference = await ToListAsync(reference.QueryAsync(new SnapshotQuery(tenant)));
                left.Select(Describe).Should().Equal(leftReference.Select(Describe));
            }
        }
        finally
        {
            await PostgreSqlTestEnvironment.DropSchemaAsync(_dataSource, schema);
        }
    }

    private static void AssertClose(double[] actual, double[] expected, string because)
    {
        actual.Should().HaveCount(expected.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            if (double.IsNaN(expected[i]))
            {
                double.IsNaN(actual[i]).Should().BeTrue($"{because}: value {i} is unknown in the reference");
            }
            else
            {
                actual[i].Should().BeApproximately(expected[i], Tolerance * Math.Max(1, Math.Abs(expected[i])), $"{because}: value {i}");
            }
        }
    }

    private static string Describe(EngagementSnapshot s)
        => $"{s.TenantId}|{s.ContentId}|{s.SnapshotId}|{s.Platform}|{s.Timestamp.UtcTicks}|"
           + string.Join(",", s.Metrics.Select(m => $"{m.Key}={m.Value:R}"))
           + "|" + string.Join(",", s.Metadata.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}"));

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> source)
    {
        var list = new List<T>();
        await foreach (var item in source)
        {
            list.Add(item);
        }

        return list;
    }

    private static List<EngagementSnapshot> Generate(Random random)
    {
        var data = new List<EngagementSnapshot>();
        var id = 0;
        foreach (var tenant in _tenants)
        {
            for (var c = 0; c < 10; c++)
            {
                var content = $"content-{c:00}";
                var platform = _platforms[(c + tenant.Length) % _platforms.Length];
                var totals = new double[Metric.Count];
                var at = _start.AddHours(random.Next(0, 72));
                var count = random.Next(5, 70);
                for (var k = 0; k < count; k++)
                {
                    // Irregular gaps (minutes to days), sub-microsecond ticks, occasional identical instants.
                    at = random.Next(10) == 0 ? at : at.AddMinutes(random.Next(1, 3 * 24 * 60)).AddTicks(random.Next(0, 10));
                    var dense = new double[Metric.Count];
                    foreach (var metric in Metric.Catalogue)
                    {
                        if (random.NextDouble() < 0.2)
                        {
                            dense[metric.Id] = double.NaN;
                            continue;
                        }

                        if (metric.IsCounter)
                        {
                            // Mostly growing lifetime totals; now and then a platform correction lowers them.
                            totals[metric.Id] = random.Next(12) == 0
                                ? Math.Max(0, totals[metric.Id] - random.Next(1, 50))
                                : totals[metric.Id] + Math.Round(random.NextDouble() * 100, random.Next(0, 3));
                            dense[metric.Id] = totals[metric.Id];
                        }
                        else
                        {
                            dense[metric.Id] = random.NextDouble();
                        }
                    }

                    var snapshot = new EngagementSnapshot($"snap-{id++:00000}", content, platform, at, MetricValues.FromDense(dense))
                    {
                        TenantId = tenant,
                        Metadata = random.Next(4) == 0 ? new Dictionary<string, string> { ["source"] = "api", ["n"] = $"{k}" } : new Dictionary<string, string>(),
                    };
                    data.Add(snapshot);
                    if (random.Next(25) == 0)
                    {
                        data.Add(snapshot with { Metrics = MetricValues.Empty }); // a re-delivery: the first one wins
                    }
                }
            }
        }

        // Deliver out of order, as collectors do.
        return [.. data.OrderBy(_ => random.Next())];
    }

    private static IEnumerable<(string Tenant, string Content)> Contents()
        => _tenants.SelectMany(t => Enumerable.Range(0, 10).Select(c => (t, $"content-{c:00}")));

    private static IEnumerable<SnapshotQuery> SnapshotQueries()
    {
        var subRange = new TimeRange(_start.AddDays(5).AddTicks(5), _start.AddDays(15).AddTicks(-3));
        foreach (var tenant in _tenants.Append("nobody"))
        {
            yield return new SnapshotQuery(tenant);
            yield return new SnapshotQuery(tenant) { Range = subRange };
            yield return new SnapshotQuery(tenant) { ContentIds = ["content-03", "content-07", "missing"], Metrics = [Metric.Views, Metric.EngagementRate] };
            yield return new SnapshotQuery(tenant) { Platforms = [Platform.TikTok, Platform.Custom("podcasts")], Range = subRange };
            yield return new SnapshotQuery(tenant) { ContentIds = [] };
        }
    }
}
