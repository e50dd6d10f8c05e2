using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Model;
using static PerformanceAnalytics.Tests.Analysis.AnalyticsHost;

namespace PerformanceAnalytics.Tests.Analysis;

/// <summary>
/// Summaries, platform metrics, comparisons and anomalies on a constructed history whose answers follow from
/// the data semantics by hand: content "a" gains 100 views a day for 30 days, then 200 a day for 30 days, with
/// likes a tenth of views; the clock stands at <see cref="AnalyticsHost.Start"/>.
/// </summary>
public sealed class EngagementReadTests
{
    private static async Task<AnalyticsHost> HostWithHistoryAsync(int spikeDay = int.MinValue, double spike = 0)
    {
        var host = new AnalyticsHost();
        var requests = new List<TrackingRequest>();
        double views = 0;
        for (var d = -60; d <= -1; d++)
        {
            views += d <= -31 ? 100 : 200;
            if (d == spikeDay)
            {
                views += spike;
            }

            requests.Add(Request("a", "youtube", Start.AddDays(d).AddHours(12), ("views", views), ("likes", views / 10)));
            requests.Add(Request("b", "youtube", Start.AddDays(d).AddHours(12), ("views", 50.0 * (d + 61)), ("likes", 1.0 * (d + 61))));
        }

        var result = await host.Manager.TrackBatchAsync(requests);
        result.Errors.Should().BeEmpty();
        return host;
    }

    [Test]
    public async Task PlatformMetrics_CompareThePeriodWithThePreviousOne()
    {
        using var host = await HostWithHistoryAsync();

        var metrics = await host.Manager.GetPlatformMetricsAsync(new PlatformMetricsQuery(Platform.YouTube) { Timeframe = Timeframe.Last30Days });

        metrics.Range.Should().Be(new TimeRange(Start.AddDays(-30), Start));
        metrics.PreviousRange.Should().Be(new TimeRange(Start.AddDays(-60), Start.AddDays(-30)));
        metrics.ContentCount.Should().Be(2);
        var views = metrics.Metrics.Single(m => m.Metric == Metric.Views);
        // a: 30 × 200 = 6000 now; previous: 29 × 100 = 2900 (the first observation ever is the baseline).
        // b: 50 × 30 = 1500 now; previous: 50 × 29 = 1450.
        views.Current.Should().Be(6000 + 1500);
        views.Previous.Should().Be(2900 + 1450);
        views.PercentChange.Should().BeApproximately(100.0 * (7500 - 4350) / 4350, 1e-9);
        metrics.EngagementRate!.Value.Should().BeApproximately((600 + 30) / 7500.0, 1e-12);
        metrics.EngagementRate.Formula.ToString().Should().Be("(likes) / views, ratio of totals across content");
    }

    [Test]
    public async Task PlatformMetrics_PreviousValueZero_GivesNullPercentChange()
    {
        using var host = new AnalyticsHost();
        await host.Manager.TrackContentPerformanceAsync(Request("new", "tiktok", Start.AddDays(-2), ("views", 100)));
        await host.Manager.TrackContentPerformanceAsync(Request("new", "tiktok", Start.AddDays(-1), ("views", 160)));

        var metrics = await host.Manager.GetPlatformMetricsAsync(new PlatformMetricsQuery(Platform.TikTok) { Timeframe = Timeframe.Last7Days });

        var views = metrics.Metrics.Single(m => m.Metric == Metric.Views);
        views.Current.Should().Be(60);
        double.IsNaN(views.Previous).Should().BeTrue();
        views.PercentChange.Should().BeNull();
        MetricComparison.Create(Metric.Views, 5, 0).PercentChange.Should().BeNull();
    }

    [Test]
    public async Task Summary_GivesLatestTotalsDailyDeltasAndGrowth()
    {
        using var host = await HostWithHistoryAsync();

        var summary = await host.Manager.GetEngagementSummaryAsync(new ContentSummaryQuery("a"));

        summary.Should().NotBeNull();
        summary!.Platform.Should().Be(Platform.YouTube);
        summary.LatestAt.Should().Be(Start.AddDays(-1).AddHours(12));
        summary.Latest[Metric.Views].Should().Be(3000 + 6000);
        var dailyViews = summary.Daily.Single(s => s.Metric == Metric.Views);
        dailyViews.Values.Should().HaveCount(30).And.OnlyContain(v => v == 200);
        var views = summary.Activity.Single(a => a.Metric == Metric.Views);
        views.Current.Should().Be(6000);
        views.Previous.Should().Be(2900, "the first day ever has no delta");
        views.PercentChange.Should().BeApproximately(100.0 * 3100 / 2900, 1e-9);
        summary.EngagementRate!.Value.Should().BeApproximately(0.1, 1e-12);
    }

    [Test]
    public async Task Summary_UnknownContent_IsNull()
    {
        using var host = await HostWithHistoryAsync();

        (await host.Manager.GetEngagementSummaryAsync(new ContentSummaryQuery("nope"))).Should().BeNull();
    }

    [Test]
    public async Task Summary_IsCachedUntilNewDataForThatContentArrives()
    {
        using var host = await HostWithHistoryAsync();
        var query = new ContentSummaryQuery("a");

        var first = await host.Manager.GetEngagementSummaryAsync(query);
        var second = await host.Manager.GetEngagementSummaryAsync(query);
        await host.Manager.GetEngagementSummaryAsync(new ContentSummaryQuery("b"));
        var afterOther = await host.Manager.TrackContentPerformanceAsync(Request("b", "youtube", Start.AddMinutes(-10), ("views", 99999)));
        var third = await host.Manager.GetEngagementSummaryAsync(query);
        await host.Manager.TrackContentPerformanceAsync(Request("a", "youtube", Start.AddMinutes(-5), ("views", 9500), ("likes", 950)));
        var fourth = await host.Manager.GetEngagementSummaryAsync(query);
        var status = await host.Manager.GetSystemStatusAsync();

        afterOther.IsDuplicate.Should().BeFalse();
        second.Should().BeSameAs(first);
        third.Should().BeSameAs(first, "new data for another content item does not evict this one");
        fourth.Should().NotBeSameAs(first);
        fourth!.Latest[Metric.Views].Should().Be(9500);
        status.Cache.Hits.Should().Be(2);
        status.Cache.Misses.Should().Be(3);
        status.Cache.HitRatio.Should().BeApproximately(0.4, 1e-12);
    }

    [Test]
    public async Task Compare_RanksContentOnEachMetric()
    {
        using var host = await HostWithHistoryAsync();

        var comparison = await host.Manager.CompareContentPerformanceAsync(
            new ContentComparisonQuery(["b", "a", "ghost"], [Metric.Views, Metric.Likes]));

        comparison.NotFound.Should().Equal("ghost");
        comparison.Rows.Select(r => r.ContentId).Should().Equal("b", "a");
        comparison.Rows[1].Metrics[0].Should().Be(new ComparedMetric(Metric.Views, 9000, 6000, 1));
        comparison.Rows[0].Metrics[0].Should().Be(new ComparedMetric(Metric.Views, 3000, 1500, 2));
    }

    [Test]
    public async Task Compare_FewerThanTwoIds_Throws()
    {
        using var host = new AnalyticsHost();

        var act = () => host.Manager.CompareContentPerformanceAsync(new ContentComparisonQuery(["a"], [Metric.Views])).AsTask();

        (await act.Should().ThrowAsync<ArgumentException>()).Which.Message.Should().Contain("ContentIds");
    }

    [TestCase(AnomalyMethod.ModifiedZScore)]
    [TestCase(AnomalyMethod.ZScore)]
    public async Task Anomalies_FindTheSpikeDayOnly(AnomalyMethod method)
    {
        using var host = await HostWithHistoryAsync(spikeDay: -10, spike: 5000);

        var report = await host.Manager.DetectAnomaliesAsync(new AnomalyQuery("a") { Method = method });

        report.Status.Should().Be(AnalysisStatus.Completed);
        report.DataPoints.Should().Be(59, "the first day ever has no delta");
        report.Anomalies.Should().ContainSingle();
        report.Anomalies[0].BucketStart.Should().Be(Start.AddDays(-10));
        report.Anomalies[0].Value.Should().Be(5200);
        report.Anomalies[0].Score.Should().BePositive();
    }

    [Test]
    public async Task Anomalies_TooFewDays_ReportInsufficientData()
    {
        using var host = new AnalyticsHost(o => o.MinimumDataPoints = 10);
        for (var d = -5; d <= -1; d++)
        {
            await host.Manager.TrackContentPerformanceAsync(Request("c", "youtube", Start.AddDays(d), ("views", 100 * (d + 6))));
        }

        var report = await host.Manager.DetectAnomaliesAsync(new AnomalyQuery("c"));

        report.Status.Should().Be(AnalysisStatus.InsufficientData);
        report.Anomalies.Should().BeEmpty();
    }

    [Test]
    public async Task Cleanup_DeletesDataOlderThanRetention()
    {
        using var host = await HostWithHistoryAsync();

        var result = await host.Manager.DeleteDataOlderThanAsync(TimeSpan.FromDays(30));
        var status = await host.Manager.GetSystemStatusAsync();

        result.SnapshotsDeleted.Should().Be(2 * 30);
        status.Store.Data["snapshots"].Should().Be("60");
        status.Configuration.StoreType.Should().Be("InMemoryEngagementStore");
        status.Configuration.Platforms.Should().Equal("instagram", "linkedin", "tiktok", "x", "youtube");
    }
}
