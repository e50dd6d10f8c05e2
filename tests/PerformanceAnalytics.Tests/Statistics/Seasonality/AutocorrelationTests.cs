using Sut = PerformanceAnalytics.Statistics.Seasonality;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

public sealed class AutocorrelationTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        SeasonalityFixtures.StatsmodelsAcf().Select(c => new TestCaseData(c).SetArgDisplayNames(c.Name));

    // Reference: statsmodels 0.13.5 acf(y, nlags, adjusted=False, fft=False), fixture statsmodels_acf.json.
    [TestCaseSource(nameof(Cases))]
    public void Autocorrelation_MatchesStatsmodels_Within1e9(AcfCase c)
    {
        var acf = Sut.Autocorrelation(c.Y, c.Nlags);

        acf.Should().HaveCount(c.Nlags + 1);
        acf[0].Should().Be(1.0);
        StlTests.MaxAbsDifference(acf, c.Acf).Should().BeLessThan(1e-9);
    }

    // Both code paths (direct sums and FFT) against statsmodels, whichever one the public function picks.
    [TestCaseSource(nameof(Cases))]
    public void Autocorrelation_DirectAndFftPaths_BothMatchStatsmodels(AcfCase c)
    {
        StlTests.MaxAbsDifference(Sut.AutocorrelationDirect(c.Y, c.Nlags), c.Acf).Should().BeLessThan(1e-9);
        StlTests.MaxAbsDifference(Sut.AutocorrelationFft(c.Y, c.Nlags), c.Acf).Should().BeLessThan(1e-9);
    }

    [Test]
    public void Autocorrelation_ConstantSeries_ReturnsNaN()
    {
        var acf = Sut.Autocorrelation([2.0, 2.0, 2.0, 2.0], 2);

        acf.Should().OnlyContain(v => double.IsNaN(v));
    }

    [Test]
    public void Autocorrelation_NaNInSeries_ThrowsNamingY()
    {
        var act = () => Sut.Autocorrelation([1.0, double.NaN, 3.0], 1);

        act.Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(-1)]
    [TestCase(3)]
    public void Autocorrelation_LagOutOfRange_ThrowsNamingMaxLag(int lag)
    {
        var act = () => Sut.Autocorrelation([1.0, 2.0, 4.0], lag);

        act.Should().Throw<ArgumentOutOfRangeException>().WithParameterName("maxLag");
    }

    [Test]
    public void Autocorrelation_LargeSeries_UsesFftAndAgreesWithDirect()
    {
        var random = new Random(7);
        var y = Enumerable.Range(0, 20_000).Select(i => Math.Sin(i / 5.0) + random.NextDouble()).ToArray();

        Sut.UseFft(y.Length, 2000).Should().BeTrue();
        Sut.UseFft(y.Length, 10).Should().BeFalse();
        StlTests.MaxAbsDifference(Sut.Autocorrelation(y, 2000), Sut.AutocorrelationDirect(y, 2000))
            .Should().BeLessThan(1e-12);
    }
}
