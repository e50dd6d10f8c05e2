using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>OneWayAnova against the NIST StRD analysis-of-variance datasets (certified F and R² parsed from TestData/Nist).</summary>
public sealed class AnovaNistTests
{
    private static readonly string[] _representable = ["SiRstvt", "SmLs01t", "SmLs02t", "SmLs03t", "SmLs04t", "SmLs05t", "SmLs06t", "AtmWtAgt"];

    private static readonly string[] _thirteenDigitOffset = ["SmLs07t", "SmLs08t", "SmLs09t"];

    [TestCaseSource(nameof(_representable))]
    public void OneWayAnova_NistDataset_AgreesWithCertifiedValuesToNineDigits(string dataset)
    {
        var (groups, f, r2) = NistStrd.Anova(dataset);

        var result = HypothesisTests.OneWayAnova(groups);

        var fDigits = NistStrd.Digits(result.FStatistic, f);
        var rDigits = NistStrd.Digits(result.EtaSquared, r2);
        TestContext.Out.WriteLine($"{dataset}: F {fDigits:F2} digits, R² {rDigits:F2} digits");
        fDigits.Should().BeGreaterThanOrEqualTo(9);
        rDigits.Should().BeGreaterThanOrEqualTo(9);
    }

    [TestCaseSource(nameof(_thirteenDigitOffset))]
    public void OneWayAnova_NistThirteenConstantDigits_AgreesWithExactValueOfParsedDoubles(string dataset)
    {
        // SmLs07–09 hold values 1000000000000.x: the nearest doubles are 6e−5 away, so the data a double-based
        // program receives have an exact F of 21.0008 (SmLs07), 4.4 digits from the certified 21. The reference here
        // is that exact F and R² of the parsed doubles, by rational arithmetic (generate_stats_core.py).
        var (groups, f, r2) = NistStrd.Anova(dataset);
        var exact = StatsCoreFixture.Root.GetProperty("nist_exact").GetProperty(dataset);

        var result = HypothesisTests.OneWayAnova(groups);

        var fDigits = NistStrd.Digits(result.FStatistic, exact.Number("f"));
        var rDigits = NistStrd.Digits(result.EtaSquared, exact.Number("r2"));
        TestContext.Out.WriteLine($"{dataset}: F {fDigits:F2} / R² {rDigits:F2} digits vs exact-on-doubles; " +
            $"{NistStrd.Digits(result.FStatistic, f):F2} / {NistStrd.Digits(result.EtaSquared, r2):F2} vs certified");
        fDigits.Should().BeGreaterThanOrEqualTo(9);
        rDigits.Should().BeGreaterThanOrEqualTo(9);
        NistStrd.Digits(result.FStatistic, f).Should().BeGreaterThanOrEqualTo(4);
    }
}
