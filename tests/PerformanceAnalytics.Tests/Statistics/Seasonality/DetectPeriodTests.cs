using PerformanceAnalytics.Statistics;
using Sut = PerformanceAnalytics.Statistics.Seasonality;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

public sealed class DetectPeriodTests
{
    // Real data: daily Wikipedia page views of Peyton Manning (facebook/prophet example data), 448 consecutive days.
    // Weekly seasonality is the known pattern of page-view data; the yearly candidate (365) needs 730 days and is
    // skipped. Evidence: statsmodels STL(period=7) seasonal strength 0.672, acf lag 7 = 0.784 (make_fixtures.py inputs).
    [Test]
    public void DetectPeriod_PeytonManningPageViews_ReturnsWeekly()
    {
        var y = SeasonalityFixtures.PeytonManningLog();

        var detection = Sut.DetectPeriod(y, SeasonalityFrequency.Daily);

        detection.Period.Should().Be(7);
        detection.Candidates.Should().HaveCount(2);
        var weekly = detection.Candidates[0];
        weekly.Evaluated.Should().BeTrue();
        weekly.SeasonalStrength.Should().BeGreaterThanOrEqualTo(Sut.SeasonalStrengthThreshold);
        weekly.Autocorrelation.Should().BeGreaterThan(weekly.AutocorrelationBound);
        var yearly = detection.Candidates[1];
        yearly.Should().Be(new SeasonalityCandidate(365, false, double.NaN, double.NaN, 1.96 / Math.Sqrt(y.Length), false));
    }

    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void DetectPeriod_WhiteNoise_ReturnsNone(int seed)
    {
        var random = new Random(seed);
        var y = Enumerable.Range(0, 2000).Select(_ => Normal(random)).ToArray();
        int[] candidates = [7, 12, 24, 52, 365];

        var detection = Sut.DetectPeriod(y, candidates);

        detection.Period.Should().BeNull();
        detection.Candidates.Should().OnlyContain(c => c.Evaluated && c.SeasonalStrength < Sut.SeasonalStrengthThreshold);
    }

    [Test]
    public void DetectPeriod_SyntheticHourlyWithTrendAndNoise_Returns24()
    {
        var random = new Random(11);
        var y = Enumerable.Range(0, 24 * 21)
            .Select(t => (0.01 * t) + (3 * Math.Sin(2 * Math.PI * t / 24)) + Normal(random))
            .ToArray();

        var detection = Sut.DetectPeriod(y, [12, 24, 168]);

        detection.Period.Should().Be(24);
        detection.Candidates.Single(c => c.Period == 168).Evaluated.Should().BeTrue();
    }

    [Test]
    public void DetectPeriod_WeeklyAndYearlyCycles_PicksTheStrongerCandidate()
    {
        // Daily series of three years: strong weekly cycle, weak yearly cycle, small noise.
        var random = new Random(5);
        var y = Enumerable.Range(0, 3 * 365)
            .Select(t => (4 * Math.Sin(2 * Math.PI * t / 7)) + (0.5 * Math.Sin(2 * Math.PI * t / 365)) + (0.3 * Normal(random)))
            .ToArray();

        var detection = Sut.DetectPeriod(y, SeasonalityFrequency.Daily);

        detection.Period.Should().Be(7);
    }

    [Test]
    public void DetectPeriod_TrendOnly_ReturnsNoneDespiteHighAutocorrelation()
    {
        var random = new Random(9);
        var y = Enumerable.Range(0, 400).Select(t => (0.05 * t) + (0.3 * Normal(random))).ToArray();

        var detection = Sut.DetectPeriod(y, [7, 12]);

        detection.Period.Should().BeNull();
        detection.Candidates.Should().OnlyContain(c => c.Autocorrelation > c.AutocorrelationBound);
    }

    [Test]
    public void DetectPeriod_CandidateBelowTwo_ThrowsNamingCandidates()
    {
        var act = () => Sut.DetectPeriod([1.0, 2.0, 3.0, 4.0], [1]);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("candidates");
    }

    [Test]
    public void DetectPeriod_HugeCandidate_IsSkipped()
    {
        var detection = Sut.DetectPeriod([1.0, 2.0, 3.0, 4.0], [int.MaxValue]);

        detection.Period.Should().BeNull();
        detection.Candidates.Should().ContainSingle().Which.Evaluated.Should().BeFalse();
    }

    [Test]
    public void DetectPeriod_NaN_ThrowsNamingY()
    {
        var act = () => Sut.DetectPeriod([1.0, double.NaN, 3.0, 4.0], [2]);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(SeasonalityFrequency.Hourly, new[] { 24 })]
    [TestCase(SeasonalityFrequency.Daily, new[] { 7, 365 })]
    [TestCase(SeasonalityFrequency.Weekly, new[] { 52 })]
    [TestCase(SeasonalityFrequency.Monthly, new[] { 12 })]
    [TestCase(SeasonalityFrequency.Quarterly, new[] { 4 })]
    public void CandidatePeriods_Frequency_ReturnsDocumentedPeriods(SeasonalityFrequency frequency, int[] expected)
    {
        Sut.CandidatePeriods(frequency).Should().Equal(expected);
    }

    [Test]
    public void CandidatePeriods_UndefinedFrequency_Throws()
    {
        var act = () => Sut.CandidatePeriods((SeasonalityFrequency)99);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("frequency");
    }

    private static double Normal(Random random) =>
        Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
}
