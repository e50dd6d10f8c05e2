using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// NIST StRD univariate and ANOVA data read as the exact decimals NIST certifies, through the decimal overloads:
/// every dataset, NumAcc4 and SmLs07–09 included, to at least 9 significant digits of the certified values.
/// </summary>
public sealed class DecimalNistTests
{
    [TestCase("Lew")]
    [TestCase("Lottery")]
    [TestCase("Mavro")]
    [TestCase("Michelso")]
    [TestCase("NumAcc1")]
    [TestCase("NumAcc2")]
    [TestCase("NumAcc3")]
    [TestCase("NumAcc4")]
    public void MeanAndStandardDeviation_DecimalNistData_AgreeToAtLeastNineDigits(string dataset)
    {
        var (_, mean, sd) = NistStrd.Univariate(dataset);
        var values = NistStrd.UnivariateDecimal(dataset);

        var meanDigits = NistStrd.Digits(Descriptive.Mean(values), mean);
        var sdDigits = NistStrd.Digits(Descriptive.StandardDeviation(values), sd);

        TestContext.Out.WriteLine($"{dataset}: mean {meanDigits:F2} digits, sd {sdDigits:F2} digits");
        meanDigits.Should().BeGreaterThanOrEqualTo(9);
        sdDigits.Should().BeGreaterThanOrEqualTo(9);
    }

    [TestCase("SiRstvt")]
    [TestCase("SmLs01t")]
    [TestCase("SmLs02t")]
    [TestCase("SmLs03t")]
    [TestCase("SmLs04t")]
    [TestCase("SmLs05t")]
    [TestCase("SmLs06t")]
    [TestCase("SmLs07t")]
    [TestCase("SmLs08t")]
    [TestCase("SmLs09t")]
    [TestCase("AtmWtAgt")]
    public void OneWayAnova_DecimalNistData_AgreesToAtLeastNineDigits(string dataset)
    {
        var (_, f, r2) = NistStrd.Anova(dataset);

        var result = HypothesisTests.OneWayAnova(NistStrd.AnovaDecimal(dataset));

        var fDigits = NistStrd.Digits(result.FStatistic, f);
        var rDigits = NistStrd.Digits(result.EtaSquared, r2);
        TestContext.Out.WriteLine($"{dataset}: F {fDigits:F2} digits, R² {rDigits:F2} digits");
        fDigits.Should().BeGreaterThanOrEqualTo(9);
        rDigits.Should().BeGreaterThanOrEqualTo(9);
    }

    [Test]
    public void DecimalOverloads_EmptyOrSingle_AreNaN()
    {
        double.IsNaN(Descriptive.Mean(ReadOnlySpan<decimal>.Empty)).Should().BeTrue();
        double.IsNaN(Descriptive.Variance([1.5m])).Should().BeTrue();
    }

    [Test]
    public void OneWayAnova_DecimalNullGroup_ThrowsNamingGroups()
    {
        FluentActions.Invoking(() => HypothesisTests.OneWayAnova((IReadOnlyList<decimal[]>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("groups");
        FluentActions.Invoking(() => HypothesisTests.OneWayAnova([[1m, 2m], null!])).Should().Throw<ArgumentNullException>().WithParameterName("groups");
    }
}
