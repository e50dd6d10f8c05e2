using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Tests.Model;

public sealed class TimeframeTests
{
    private static readonly DateTimeOffset _now = new(2026, 6, 1, 12, 0, 0, TimeSpan.Zero);

    [TestCase("24h", 24)]
    [TestCase("7d", 7 * 24)]
    [TestCase("30d", 30 * 24)]
    [TestCase("90d", 90 * 24)]
    [TestCase("1y", 365 * 24)]
    [TestCase("2w", 14 * 24)]
    [TestCase(" 30D ", 30 * 24)]
    public void Parse_TrailingWindows_ResolveToHalfOpenRangesEndingNow(string text, int hours)
    {
        var range = Timeframe.Parse(text).Resolve(_now);

        range.End.Should().Be(_now);
        range.Start.Should().Be(_now.AddHours(-hours));
        range.Contains(range.Start).Should().BeTrue();
        range.Contains(range.End).Should().BeFalse();
    }

    [Test]
    public void Parse_FixedRange_IsIndependentOfNow()
    {
        var timeframe = Timeframe.Parse("2026-01-01T00:00:00Z/2026-02-01T00:00:00Z");

        timeframe.Resolve(_now).Should().Be(new TimeRange(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 2, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [TestCase("", "empty")]
    [TestCase("30", "unit")]
    [TestCase("d", "positive whole number")]
    [TestCase("0d", "positive whole number")]
    [TestCase("-7d", "positive whole number")]
    [TestCase("3m", "minutes or months")]
    [TestCase("5q", "unknown unit")]
    [TestCase("99y", "exceeds")]
    [TestCase("2026-02-01/2026-01-01", "ends before it starts")]
    [TestCase("yesterday/today", "ISO 8601")]
    public void Parse_Invalid_SaysWhatIsWrong(string text, string fragment)
    {
        var act = () => Timeframe.Parse(text);

        act.Should().Throw<FormatException>().Which.Message.Should().Contain(fragment);
    }

    [Test]
    public void TimeRange_EndNotAfterStart_Throws()
    {
        var act = () => new TimeRange(_now, _now);

        act.Should().Throw<ArgumentException>().Which.ParamName.Should().Be("end");
    }

    [Test]
    public void TimeRange_Previous_IsTheEqualPeriodBefore()
        => new TimeRange(_now.AddDays(-7), _now).Previous().Should().Be(new TimeRange(_now.AddDays(-14), _now.AddDays(-7)));
}
