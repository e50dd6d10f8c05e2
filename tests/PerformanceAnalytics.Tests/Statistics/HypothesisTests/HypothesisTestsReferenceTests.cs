using System.Text.Json;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Hypothesis tests against scipy.stats 1.10 (ttest_ind Welch, f_oneway, kruskal, chisquare) via generate_stats_core.py.</summary>
public sealed class HypothesisTestsReferenceTests
{
    private const double Tolerance = 1e-9;

    private static JsonElement Section(string name) => StatsCoreFixture.Root.GetProperty("hypothesis").GetProperty(name);

    private static IEnumerable<TestCaseData> Indexed(string name) =>
        Enumerable.Range(0, Section(name).GetArrayLength()).Select(i => new TestCaseData(i).SetArgDisplayNames($"{name}{i}"));

    private static IEnumerable<TestCaseData> WelchCases() => Indexed("welch");

    private static IEnumerable<TestCaseData> AnovaCases() => Indexed("anova");

    private static IEnumerable<TestCaseData> KruskalCases() => Indexed("kruskal");

    private static IEnumerable<TestCaseData> ChiSquareCases() => Indexed("chisquare");

    private static double[][] Groups(JsonElement entry) => entry.GetProperty("groups").EnumerateArray().Select(g => g.Array()).ToArray();

    [TestCaseSource(nameof(WelchCases))]
    public void WelchTTest_ScipyFixture_MatchesTtestInd(int index)
    {
        var entry = Section("welch")[index];

        var result = HypothesisTests.WelchTTest(entry.GetProperty("control").Array(), entry.GetProperty("treatment").Array());

        result.Statistic.ShouldBeRelative(entry.Number("t"), Tolerance, "t");
        result.PValue.ShouldBeRelative(entry.Number("p"), Tolerance, "p");
        result.DegreesOfFreedom.ShouldBeRelative(entry.Number("df"), Tolerance, "df");
        result.Difference.ShouldBeRelative(entry.Number("difference"), Tolerance, "difference");

        // The interval uses scipy.stats.t.ppf, an iterative inverse (cephes stdtrit) that matches SciPy's own t.cdf only
        // to about 1e−9 in probability (t.cdf(t.ppf(0.9, 24.87), 24.87) = 0.90000000066), so bounds are compared at 1e−7.
        const double quantileTolerance = 1e-7;
        var ci = entry.GetProperty("ci").GetProperty("0.95");
        result.ConfidenceInterval.Lower.ShouldBeRelative(ci[0].GetDouble(), quantileTolerance, "lower");
        result.ConfidenceInterval.Upper.ShouldBeRelative(ci[1].GetDouble(), quantileTolerance, "upper");
        var ci80 = entry.GetProperty("ci").GetProperty("0.8");
        var r80 = HypothesisTests.WelchTTest(entry.GetProperty("control").Array(), entry.GetProperty("treatment").Array(), 0.8);
        r80.ConfidenceInterval.Lower.ShouldBeRelative(ci80[0].GetDouble(), quantileTolerance, "lower 80");
        r80.ConfidenceInterval.Upper.ShouldBeRelative(ci80[1].GetDouble(), quantileTolerance, "upper 80");
    }

    [TestCaseSource(nameof(AnovaCases))]
    public void OneWayAnova_ScipyFixture_MatchesFOneway(int index)
    {
        var entry = Section("anova")[index];
        var groups = Groups(entry);

        var result = HypothesisTests.OneWayAnova(groups);

        result.FStatistic.ShouldBeRelative(entry.Number("f"), Tolerance, "F");
        result.PValue.ShouldBeRelative(entry.Number("p"), Tolerance, "p");
        result.EtaSquared.ShouldBeRelative(entry.Number("eta2"), Tolerance, "eta²");
        result.DegreesOfFreedomBetween.Should().Be(groups.Length - 1);
        result.DegreesOfFreedomWithin.Should().Be(groups.Sum(g => g.Length) - groups.Length);
    }

    [TestCaseSource(nameof(KruskalCases))]
    public void KruskalWallis_ScipyFixture_MatchesKruskal(int index)
    {
        var entry = Section("kruskal")[index];
        var groups = Groups(entry);

        var result = HypothesisTests.KruskalWallis(groups);

        result.Statistic.ShouldBeRelative(entry.Number("h"), Tolerance, "H");
        result.PValue.ShouldBeRelative(entry.Number("p"), Tolerance, "p");
        result.DegreesOfFreedom.Should().Be(groups.Length - 1);
    }

    [TestCaseSource(nameof(ChiSquareCases))]
    public void ChiSquareGoodnessOfFit_ScipyFixture_MatchesChisquare(int index)
    {
        var entry = Section("chisquare")[index];
        var observed = entry.GetProperty("observed").Array();

        var result = HypothesisTests.ChiSquareGoodnessOfFit(observed, entry.GetProperty("expected").Array());

        result.Statistic.ShouldBeRelative(entry.Number("chi2"), Tolerance, "chi²");
        result.PValue.ShouldBeRelative(entry.Number("p"), Tolerance, "p");
        result.DegreesOfFreedom.Should().Be(observed.Length - 1);
    }

    [Test]
    public void WelchTTest_TooFewValues_ReturnsNaN()
    {
        var result = HypothesisTests.WelchTTest([1.0], [2.0, 3.0]);

        double.IsNaN(result.PValue).Should().BeTrue();
        result.Difference.Should().Be(1.5);
    }

    [Test]
    public void OneWayAnova_NoSpreadWithinGroups_IsInfinite()
    {
        var result = HypothesisTests.OneWayAnova([[1.0, 1.0], [2.0, 2.0]]);

        double.IsPositiveInfinity(result.FStatistic).Should().BeTrue();
        result.PValue.Should().Be(0);
        result.EtaSquared.Should().Be(1);
    }

    [Test]
    public void GroupTests_DegenerateInput_ReturnNaN()
    {
        double.IsNaN(HypothesisTests.OneWayAnova([[1.0, 2.0]]).FStatistic).Should().BeTrue();
        double.IsNaN(HypothesisTests.OneWayAnova([[1.0, 2.0], []]).FStatistic).Should().BeTrue();
        double.IsNaN(HypothesisTests.OneWayAnova([[3.0, 3.0], [3.0, 3.0]]).FStatistic).Should().BeTrue();
        double.IsNaN(HypothesisTests.KruskalWallis([[3.0, 3.0], [3.0]]).Statistic).Should().BeTrue();
        double.IsNaN(HypothesisTests.KruskalWallis([[3.0, 4.0]]).Statistic).Should().BeTrue();
        double.IsNaN(HypothesisTests.ChiSquareGoodnessOfFit([5.0], [5.0]).Statistic).Should().BeTrue();
    }

    [Test]
    public void AllTests_BadInput_ThrowNamingTheArgument()
    {
        FluentActions.Invoking(() => HypothesisTests.WelchTTest([1.0, double.NaN], [1.0, 2.0])).Should().Throw<ArgumentException>().WithParameterName("control");
        FluentActions.Invoking(() => HypothesisTests.WelchTTest([1.0, 2.0], [1.0, double.PositiveInfinity])).Should().Throw<ArgumentException>().WithParameterName("treatment");
        FluentActions.Invoking(() => HypothesisTests.WelchTTest([1.0, 2.0], [1.0, 3.0], 1.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
        FluentActions.Invoking(() => HypothesisTests.WelchTTest([1.0, 2.0], [1.0, 3.0], 0.0)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
        FluentActions.Invoking(() => HypothesisTests.OneWayAnova([[1.0, 2.0], [double.NaN]])).Should().Throw<ArgumentException>().WithParameterName("groups");
        FluentActions.Invoking(() => HypothesisTests.OneWayAnova((IReadOnlyList<double[]>)null!)).Should().Throw<ArgumentNullException>().WithParameterName("groups");
        FluentActions.Invoking(() => HypothesisTests.KruskalWallis([[1.0, 2.0], null!])).Should().Throw<ArgumentNullException>().WithParameterName("groups");
        FluentActions.Invoking(() => HypothesisTests.ChiSquareGoodnessOfFit([1.0, 2.0], [3.0])).Should().Throw<ArgumentException>().WithParameterName("expected");
        FluentActions.Invoking(() => HypothesisTests.ChiSquareGoodnessOfFit([-1.0, 4.0], [1.5, 1.5])).Should().Throw<ArgumentException>().WithParameterName("observed");
        FluentActions.Invoking(() => HypothesisTests.ChiSquareGoodnessOfFit([1.0, 2.0], [0.0, 3.0])).Should().Throw<ArgumentException>().WithParameterName("expected");
        FluentActions.Invoking(() => HypothesisTests.ChiSquareGoodnessOfFit([1.0, 2.0], [1.0, 3.0])).Should().Throw<ArgumentException>().WithParameterName("expected");
    }
}
