using System.Text.Json;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>
/// Loads TestData/Fixtures/Experiments/experiments.json, written by generate_experiments.py (SciPy 1.10, statsmodels 0.13,
/// mpmath) in the same folder.
/// </summary>
internal static class ExperimentFixtures
{
    private static readonly Lazy<JsonDocument> _document = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory,
            "TestData", "Fixtures", "Experiments", "experiments.json"))));

    public static IEnumerable<JsonElement> Section(string name) => _document.Value.RootElement.GetProperty(name).EnumerateArray();

    public static IEnumerable<TestCaseData> Cases(string section, Func<JsonElement, string> label)
    {
        var i = 0;
        foreach (var element in Section(section))
        {
            yield return new TestCaseData(new Fixture(element)).SetArgDisplayNames($"{i++}: {label(element)}");
        }
    }

    public static double D(this JsonElement element, string property)
    {
        var value = element.GetProperty(property);
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString() switch
            {
                "Infinity" => double.PositiveInfinity,
                "-Infinity" => double.NegativeInfinity,
                var s => throw new InvalidOperationException(s),
            },
            JsonValueKind.Null => double.NaN,
            _ => value.GetDouble(),
        };
    }

    public static long L(this JsonElement element, string property) => element.GetProperty(property).GetInt64();

    public static SampleStatistics Sample(this JsonElement element, string property)
    {
        var e = element.GetProperty(property);
        return new SampleStatistics(e.L("count"), e.D("sum"), e.D("sumOfSquares"));
    }

    public static ProportionStatistics Proportion(this JsonElement element, string property)
    {
        var e = element.GetProperty(property);
        return new ProportionStatistics(e.L("count"), e.L("successes"));
    }

    public static CupedStatistics Cuped(this JsonElement element, string property)
    {
        var e = element.GetProperty(property);
        return new CupedStatistics(e.L("count"), e.D("sum"), e.D("sumOfSquares"), e.D("covariateSum"), e.D("covariateSumOfSquares"), e.D("crossSum"));
    }

    public static RatioStatistics Ratio(this JsonElement element, string property)
    {
        var e = element.GetProperty(property);
        return new RatioStatistics(e.L("count"), e.D("numeratorSum"), e.D("numeratorSumOfSquares"), e.D("denominatorSum"),
            e.D("denominatorSumOfSquares"), e.D("crossSum"));
    }

    public static Alternative Alternative(this JsonElement element) => element.GetProperty("alternative").GetString() switch
    {
        "greater" => PerformanceAnalytics.Statistics.Alternative.Greater,
        "less" => PerformanceAnalytics.Statistics.Alternative.Less,
        _ => PerformanceAnalytics.Statistics.Alternative.TwoSided,
    };
}

/// <summary>Wraps a fixture element so NUnit shows a readable name.</summary>
public sealed record Fixture(JsonElement Element)
{
    public override string ToString() => Element.ToString();
}

/// <summary>Relative-error assertions (digits of agreement).</summary>
internal static class Close
{
    public static void To(double actual, double expected, double relativeTolerance, string because = "")
    {
        if (double.IsInfinity(expected) || double.IsNaN(expected))
        {
            actual.Should().Be(expected, because);
            return;
        }

        var scale = Math.Max(Math.Abs(expected), 1e-300);
        (Math.Abs(actual - expected) / scale).Should().BeLessThanOrEqualTo(relativeTolerance,
            $"{because} (actual {actual:R}, expected {expected:R})");
    }

    /// <summary>Agreement of an interval bound, relative to max(|bound|, standard error) so bounds near zero are judged fairly.</summary>
    public static void Bound(double actual, double expected, double standardError, double relativeTolerance, string because = "")
    {
        if (double.IsInfinity(expected))
        {
            actual.Should().Be(expected, because);
            return;
        }

        (Math.Abs(actual - expected) / Math.Max(Math.Abs(expected), standardError)).Should().BeLessThanOrEqualTo(relativeTolerance,
            $"{because} (actual {actual:R}, expected {expected:R})");
    }

    /// <summary>Absolute agreement, for quantities that may be near zero (e.g. interval bounds straddling 0).</summary>
    public static void Within(double actual, double expected, double absoluteTolerance, string because = "")
    {
        if (double.IsInfinity(expected))
        {
            actual.Should().Be(expected, because);
            return;
        }

        actual.Should().BeApproximately(expected, absoluteTolerance, because);
    }

    /// <summary>The peer's own criterion: equality after rounding to <paramref name="decimals"/> places.</summary>
    public static void Rounded(double actual, double expected, int decimals, string what) =>
        Math.Round(actual, decimals, MidpointRounding.ToEven).Should().Be(expected, $"{what}: actual {actual:R}");
}
