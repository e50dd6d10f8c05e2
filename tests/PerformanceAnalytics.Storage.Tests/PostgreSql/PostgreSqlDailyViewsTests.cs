using System.Globalization;
using Npgsql;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.PostgreSql;

namespace PerformanceAnalytics.Storage.Tests.PostgreSql;

/// <summary>The daily materialized views and the SQL trend function.</summary>
public sealed class PostgreSqlDailyViewsTests() : PostgreSqlStoreTestBase("pa_daily")
{
    private static readonly DateTimeOffset _day0 = new(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task RefreshMaterializedViews_DailyContentRows_AreTheDaysLastTotalsAndGaugeMeans_PerTenant()
    {
        await Store.AppendAsync(
        [
            Snapshot("a1", "a", _day0.AddHours(8), views: 100, rate: 0.10),
            Snapshot("a2", "a", _day0.AddHours(20), views: 160, rate: 0.20),
            Snapshot("a3", "a", _day0.AddDays(1).AddHours(9), views: 150, rate: 0.30), // a correction on day 1
            Snapshot("a4", "a", _day0.AddDays(2).AddHours(9), views: 210, rate: 0.60),
            Snapshot("b1", "b", _day0.AddHours(9), views: 40, rate: 0.05),
            Snapshot("g1", "g", _day0.AddHours(9), views: 999, rate: 0.9) with { TenantId = "globex" },
        ]);

        var before = await RowsAsync("default", "SELECT count(*) FROM {0}.daily_content_performance");
        await Store.RefreshMaterializedViewsAsync();
        var content = await RowsAsync(
            "default", "SELECT content_id || ' ' || day || ' ' || snapshot_count || ' ' || views || ' ' || round(engagement_rate::numeric, 6) FROM {0}.daily_content_performance ORDER BY content_id, day");
        var platform = await RowsAsync(
            "default", "SELECT platform || ' ' || day || ' ' || content_count || ' ' || snapshot_count || ' ' || coalesce(views::text, 'null') || ' ' || round(engagement_rate::numeric, 6) FROM {0}.daily_platform_performance ORDER BY day");
        var globex = await RowsAsync("globex", "SELECT content_id || ' ' || views FROM {0}.daily_content_performance");

        before.Should().Equal(["0"], "materialized views hold nothing until refreshed");
        content.Should().Equal(
            "a 2026-03-02 2 160 0.150000",   // last total of the day; mean of 0.10 and 0.20
            "a 2026-03-03 1 150 0.300000",
            "a 2026-03-04 1 210 0.600000",
            "b 2026-03-02 1 40 0.050000");
        platform.Should().Equal(
            "youtube 2026-03-02 2 3 null 0.100000", // first observed day of a and b: no known activity; mean of 0.15 and 0.05
            "youtube 2026-03-03 1 1 0 0.300000",    // 150 − 160 is a correction, clamped
            "youtube 2026-03-04 1 1 60 0.600000");
        globex.Should().Equal("g 999");
    }

    [Test]
    public async Task GetDailyTrend_WikipediaPageViews_MatchesScipyLinregress()
    {
        var (days, views) = LoadPageViews();
        var snapshots = new List<EngagementSnapshot>();
        var total = 0.0;
        for (var i = 0; i < days.Count; i++)
        {
            total += views[i];
            // An earlier partial observation each day: the function must use the day's last one.
            snapshots.Add(Snapshot($"early-{i}", "r", days[i].AddHours(6), views: total - views[i], rate: 0) with
            {
                Metrics = MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, total - views[i]), new KeyValuePair<Metric, double>(Metric.AverageViewDuration, -1)]),
            });
            snapshots.Add(Snapshot($"noon-{i}", "r", days[i].AddHours(12), views: total, rate: 0) with
            {
                Metrics = MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, total), new KeyValuePair<Metric, double>(Metric.AverageViewDuration, views[i])]),
            });
        }

        await Store.AppendAsync(snapshots);
        var range = new TimeRange(days[0], days[^1].AddDays(1));

        var counter = await Store.GetDailyTrendAsync("default", "r", Metric.Views, range);
        var gauge = await Store.GetDailyTrendAsync("default", "r", Metric.AverageViewDuration, range);
        var expected = LoadExpected();

        AssertFit(counter, expected["total"]);
        AssertFit(gauge, expected["daily"]);
    }

    [Test]
    public async Task GetDailyTrend_OneDay_GivesNaNSlope()
    {
        await Store.AppendAsync([Snapshot("s", "c", _day0.AddHours(1), views: 5, rate: 0.1)]);

        var trend = await Store.GetDailyTrendAsync("default", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(3)));

        trend.Days.Should().Be(1);
        double.IsNaN(trend.Slope).Should().BeTrue();
        double.IsNaN(trend.Intercept).Should().BeTrue();
    }

    [Test]
    public async Task GetDailyTrend_OtherTenantsRows_AreInvisible()
    {
        await Store.AppendAsync(
        [
            Snapshot("s1", "c", _day0.AddHours(1), views: 5, rate: 0.1) with { TenantId = "globex" },
            Snapshot("s2", "c", _day0.AddDays(1).AddHours(1), views: 9, rate: 0.1) with { TenantId = "globex" },
        ]);

        var trend = await Store.GetDailyTrendAsync("acme", "c", Metric.Views, new TimeRange(_day0, _day0.AddDays(3)));

        trend.Days.Should().Be(0);
    }

    private static void AssertFit(PostgreSqlDailyTrend actual, (long Days, double Slope, double Intercept, double RSquared) expected)
    {
        // PostgreSQL's regr_* aggregates accumulate in double precision; agreement to 1e-9 relative is about nine digits.
        actual.Days.Should().Be(expected.Days);
        actual.Slope.Should().BeApproximately(expected.Slope, 1e-9 * Math.Abs(expected.Slope));
        actual.Intercept.Should().BeApproximately(expected.Intercept, 1e-9 * Math.Abs(expected.Intercept));
        actual.RSquared.Should().BeApproximately(expected.RSquared, 1e-9);
    }

    private static EngagementSnapshot Snapshot(string id, string content, DateTimeOffset at, double views, double rate)
        => new(id, content, Platform.YouTube, at, MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, views), new KeyValuePair<Metric, double>(Metric.EngagementRate, rate)]));

    private static string TestData(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "PerformanceAnalytics.sln")))
        {
            directory = directory.Parent;
        }

        directory.Should().NotBeNull("the tests run inside the repository");
        return Path.Combine(directory!.FullName, "tests", "PerformanceAnalytics.Storage.Tests", "PostgreSql", "TestData", file);
    }

    private static (List<DateTimeOffset> Days, List<double> Views) LoadPageViews()
    {
        var days = new List<DateTimeOffset>();
        var views = new List<double>();
        foreach (var line in File.ReadLines(TestData("wikipedia_r_pageviews_first120.csv")).Where(l => l.Length > 0 && l[0] != '#').Skip(1))
        {
            var parts = line.Split(',');
            days.Add(DateTimeOffset.ParseExact(parts[0], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
            views.Add(double.Parse(parts[1], CultureInfo.InvariantCulture));
        }

        return (days, views);
    }

    private static Dictionary<string, (long, double, double, double)> LoadExpected()
        => File.ReadLines(TestData("daily_trend_expected.csv"))
            .Where(l => l.Length > 0 && l[0] != '#')
            .Select(l => l.Split(','))
            .ToDictionary(
                p => p[0],
                p => (long.Parse(p[1], CultureInfo.InvariantCulture), double.Parse(p[2], CultureInfo.InvariantCulture),
                      double.Parse(p[3], CultureInfo.InvariantCulture), double.Parse(p[4], CultureInfo.InvariantCulture)));

    private Task<List<string>> RowsAsync(string tenant, string sqlFormat)
        => PostgreSqlTestEnvironment.AsTenantAsync(DataSource, tenant, async (c, t) =>
        {
            await using var command = new NpgsqlCommand(string.Format(CultureInfo.InvariantCulture, sqlFormat, $"\"{Schema}\""), c, t);
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                rows.Add(reader.GetValue(0).ToString()!);
            }

            return rows;
        });
}
