using System.Text.Json;
using CsCheck;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>MultipleTesting.Adjust against the peer vectors of STATISTICS.md and statsmodels multipletests fixtures.</summary>
public sealed class MultipleTestingTests
{
    private static IEnumerable<TestCaseData> Cases() =>
        StatsCoreFixture.Cases("multipletests").Select((c, i) => new TestCaseData(c).SetArgDisplayNames($"vector{i}"));

    [Test]
    public void Adjust_HolmPeerVector_MatchesStatisticsContract()
    {
        // STATISTICS.md, peer test vectors (statsmodels multipletests method="holm").
        var adjusted = MultipleTesting.Adjust([0.01, 0.04, 0.03, 0.005, 0.55, 0.6], PValueAdjustment.Holm);

        adjusted.Should().Equal([0.05, 0.12, 0.12, 0.03, 1, 1], (a, e) => Math.Abs(a - e) < 1e-12);
    }

    [Test]
    public void Adjust_BenjaminiHochbergPeerVector_MatchesStatisticsContract()
    {
        // STATISTICS.md, peer test vectors (statsmodels multipletests method="fdr_bh").
        var adjusted = MultipleTesting.Adjust([0.898, 0.138, 0.007, 0.964, 0.538, 0.006, 0.138], PValueAdjustment.BenjaminiHochberg);

        adjusted.Should().Equal([0.964, 0.2415, 0.0245, 0.964, 0.7532, 0.0245, 0.2415], (a, e) => Math.Abs(a - e) < 1e-12);
    }

    [TestCaseSource(nameof(Cases))]
    public void Adjust_StatsmodelsFixture_MatchesMultipletests(JsonElement entry)
    {
        var p = entry.GetProperty("p").Array();

        var holm = MultipleTesting.Adjust(p, PValueAdjustment.Holm);
        var bh = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);

        var expectedHolm = entry.GetProperty("holm").Array();
        var expectedBh = entry.GetProperty("bh").Array();
        for (var i = 0; i < p.Length; i++)
        {
            holm[i].ShouldBeRelative(expectedHolm[i], 1e-12, $"holm[{i}]");
            bh[i].ShouldBeRelative(expectedBh[i], 1e-12, $"bh[{i}]");
        }
    }

    [Test]
    public void Adjust_BenjaminiHochberg_AtLeastRawAndMonotoneInRawOrder()
    {
        Gen.Double[0, 1].Array[1, 80].Sample(p =>
        {
            var adjusted = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);
            var order = Enumerable.Range(0, p.Length).OrderBy(i => p[i]).ToArray();
            for (var k = 0; k < p.Length; k++)
            {
                if (adjusted[k] < p[k] || adjusted[k] > 1)
                {
                    return false;
                }

                if (k > 0 && adjusted[order[k]] < adjusted[order[k - 1]])
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Test]
    public void Adjust_Holm_AtLeastBenjaminiHochbergAndWithinUnitInterval()
    {
        Gen.Double[0, 1].Array[1, 80].Sample(p =>
        {
            var holm = MultipleTesting.Adjust(p, PValueAdjustment.Holm);
            var bh = MultipleTesting.Adjust(p, PValueAdjustment.BenjaminiHochberg);
            return holm.Zip(bh).All(t => t.First >= t.Second - 1e-15 && t.First <= 1);
        });
    }

    [Test]
    public void Adjust_Empty_ReturnsEmpty() =>
        MultipleTesting.Adjust([], PValueAdjustment.Holm).Should().BeEmpty();

    [TestCase(-0.1)]
    [TestCase(1.5)]
    [TestCase(double.NaN)]
    public void Adjust_PValueOutsideUnitInterval_ThrowsNamingPValues(double bad) =>
        FluentActions.Invoking(() => MultipleTesting.Adjust([0.1, bad], PValueAdjustment.BenjaminiHochberg))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("pValues");

    [Test]
    public void Adjust_UndefinedMethod_ThrowsNamingMethod() =>
        FluentActions.Invoking(() => MultipleTesting.Adjust([0.1], (PValueAdjustment)7))
            .Should().Throw<ArgumentOutOfRangeException>().WithParameterName("method");
}
