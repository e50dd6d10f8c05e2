using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Tests.Model;

public sealed class MetricTests
{
    [Test]
    public void Catalogue_HasTheThirteenMetricsWithKindsAndUnits()
    {
        Metric.Catalogue.Select(m => m.Name).Should().Equal(
            "views", "likes", "comments", "shares", "saves", "impressions", "reach", "clicks", "watch_time",
            "average_view_duration", "completion_rate", "engagement_rate", "followers_gained");
        Metric.Catalogue.Select((m, i) => m.Id == i).Should().OnlyContain(x => x);
        Metric.EngagementRate.Kind.Should().Be(MetricKind.Gauge);
        Metric.EngagementRate.Unit.Should().Be(MetricUnit.Ratio);
        Metric.WatchTime.Kind.Should().Be(MetricKind.Counter);
        Metric.WatchTime.Unit.Should().Be(MetricUnit.Seconds);
        Metric.AverageViewDuration.Kind.Should().Be(MetricKind.Gauge);
    }

    [TestCase("views")]
    [TestCase("Views")]
    [TestCase("watch_time")]
    [TestCase("watchTime")]
    [TestCase("WATCHTIME")]
    [TestCase("engagement_rate")]
    public void Parse_AcceptsCaseAndUnderscoreVariants(string name) => Metric.TryParse(name, out _).Should().BeTrue();

    [TestCase("viewz")]
    [TestCase("")]
    [TestCase("watch__time_x")]
    public void Parse_Unknown_ThrowsListingKnownNames(string name)
    {
        var act = () => Metric.Parse(name);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain("Known metrics: views, likes");
    }

    [Test]
    public void MetricValues_From_RejectsUnknownAndRepeatedNames()
    {
        var unknown = () => MetricValues.From([new KeyValuePair<string, double>("nope", 1)]);
        var twice = () => MetricValues.From([new KeyValuePair<string, double>("watch_time", 1), new KeyValuePair<string, double>("watchTime", 2)]);

        unknown.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("values");
        twice.Should().Throw<ArgumentException>().Which.Message.Should().Contain("more than once");
    }

    [Test]
    public void MetricValues_WithAndEnumerate_KeepOnlyPresentMetrics()
    {
        var values = MetricValues.Empty.With(Metric.Likes, 3).With(Metric.Views, 10);

        values.Count.Should().Be(2);
        values.Select(p => p.Key).Should().Equal(Metric.Views, Metric.Likes);
        values.ToDictionary().Should().BeEquivalentTo(new Dictionary<string, double> { ["views"] = 10, ["likes"] = 3 });
        double.IsNaN(values[Metric.Shares]).Should().BeTrue();
    }
}
