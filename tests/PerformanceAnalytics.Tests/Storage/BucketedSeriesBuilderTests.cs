using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Tests.Storage;

public sealed class BucketedSeriesBuilderTests
{
    private static readonly TimeZoneInfo _berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");

    [Test]
    public void Boundaries_Days_AcrossTheSpringForwardDay_HaveA23HourDay()
    {
        // Central European Summer Time began on Sunday 29 March 2026 at 02:00 local time.
        var range = new TimeRange(new DateTimeOffset(2026, 3, 28, 12, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 30, 12, 0, 0, TimeSpan.Zero));

        var boundaries = BucketedSeriesBuilder.Boundaries(range, BucketSize.Day, _berlin);

        boundaries.Should().Equal(
            new DateTimeOffset(2026, 3, 27, 23, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 28, 23, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 29, 22, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 3, 30, 22, 0, 0, TimeSpan.Zero));
        (boundaries[2] - boundaries[1]).Should().Be(TimeSpan.FromHours(23));
    }

    [Test]
    public void Boundaries_Weeks_StartOnMonday()
    {
        // 1 April 2026 is a Wednesday; its week starts on Monday 30 March.
        var range = new TimeRange(new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 4, 10, 0, 0, 0, TimeSpan.Zero));

        var boundaries = BucketedSeriesBuilder.Boundaries(range, BucketSize.Week, TimeZoneInfo.Utc);

        boundaries.Should().Equal(
            new DateTimeOffset(2026, 3, 30, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 4, 6, 0, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 4, 13, 0, 0, 0, TimeSpan.Zero));
        boundaries.Should().OnlyContain(b => b.DayOfWeek == DayOfWeek.Monday);
    }

    [Test]
    public void Boundaries_Hours_InAHalfHourZone_AreAlignedToLocalHours()
    {
        var india = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata"); // UTC+05:30
        var range = new TimeRange(new DateTimeOffset(2026, 1, 1, 0, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 2, 0, 0, TimeSpan.Zero));

        var boundaries = BucketedSeriesBuilder.Boundaries(range, BucketSize.Hour, india);

        boundaries.Should().Equal(
            new DateTimeOffset(2025, 12, 31, 23, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 1, 0, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 1, 1, 30, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 1, 1, 2, 30, 0, TimeSpan.Zero));
    }

    [Test]
    public void Counter_WrongBucketCount_Throws()
    {
        var range = new TimeRange(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 3, 0, 0, 0, TimeSpan.Zero));
        var boundaries = BucketedSeriesBuilder.Boundaries(range, BucketSize.Day, TimeZoneInfo.Utc);
        var query = new SeriesQuery("default", "c", Metric.Views, range, BucketSize.Day);

        var act = () => BucketedSeriesBuilder.Counter(query, boundaries, [null], null, null);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("lastInBucket");
    }
}
