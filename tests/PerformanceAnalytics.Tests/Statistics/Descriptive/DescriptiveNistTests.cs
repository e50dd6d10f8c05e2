using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Descriptive against the NIST StRD univariate summary-statistics datasets (certified values in TestData/Nist).</summary>
public sealed class DescriptiveNistTests
{
    private static readonly string[] _datasets = ["Lew", "Lottery", "Mavro", "Michelso", "NumAcc1", "NumAcc2", "NumAcc3", "NumAcc4"];

    [TestCaseSource(nameof(_datasets))]
    public void Mean_NistUnivariate_AgreesToAtLeastNineDigits(string dataset)
    {
        var (values, mean, _) = NistStrd.Univariate(dataset);

        var digits = NistStrd.Digits(Descriptive.Mean(values), mean);

        TestContext.Out.WriteLine($"{dataset} mean: {digits:F2} digits");
        digits.Should().BeGreaterThanOrEqualTo(9);
    }

    [TestCaseSource(nameof(_datasets))]
    public void StandardDeviation_NistUnivariate_AgreesWithExactValueOfParsedDoubles(string dataset)
    {
        // Reference: the exact standard deviation of the same doubles, by rational arithmetic (generate_stats_core.py).
        var (values, _, _) = NistStrd.Univariate(dataset);
        var exact = StatsCoreFixture.Root.GetProperty("nist_exact").GetProperty(dataset).Number("sd");

        var digits = NistStrd.Digits(Descriptive.StandardDeviation(values), exact);

        TestContext.Out.WriteLine($"{dataset} sd vs exact-on-doubles: {digits:F2} digits");
        digits.Should().BeGreaterThanOrEqualTo(12);
    }

    [TestCaseSource(nameof(_datasets))]
    public void StandardDeviation_NistUnivariate_AgreesWithCertifiedValue(string dataset)
    {
        var (values, _, sd) = NistStrd.Univariate(dataset);

        var digits = NistStrd.Digits(Descriptive.StandardDeviation(values), sd);

        TestContext.Out.WriteLine($"{dataset} sd vs certified: {digits:F2} digits");

        // NumAcc4's values 10000000.x are not representable in binary: the nearest doubles have an exact standard
        // deviation of 0.10000000055879 (8.25 digits from the certified 0.1), a bound no algorithm on doubles can pass.
        digits.Should().BeGreaterThanOrEqualTo(dataset == "NumAcc4" ? 8 : 9);
    }
}
