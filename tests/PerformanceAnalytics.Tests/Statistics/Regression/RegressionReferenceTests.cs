using System.Text.Json;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Regression against scipy.stats.linregress and statsmodels OLS (fixtures from generate_stats_core.py), plus input checks.</summary>
public sealed class RegressionReferenceTests
{
    private const double Tolerance = 1e-9;

    private static IEnumerable<TestCaseData> SimpleCases() =>
        StatsCoreFixture.Cases("linregress").Select(c => new TestCaseData(c).SetArgDisplayNames(StatsCoreFixture.Label(c)));

    private static IEnumerable<TestCaseData> OlsCases() =>
        StatsCoreFixture.Cases("ols").Select(c => new TestCaseData(c).SetArgDisplayNames($"seed{c.GetProperty("seed").GetInt32()}"));

    [TestCaseSource(nameof(SimpleCases))]
    public void SimpleLinear_ScipyFixture_MatchesLinregress(JsonElement entry)
    {
        var (x, y) = StatsCoreFixture.Pairs(entry);
        var expected = entry.GetProperty("fit");

        var fit = Regression.SimpleLinear(x, y);

        fit.Intercept.ShouldBeRelative(expected.Number("intercept"), Tolerance, "intercept");
        fit.Slope.ShouldBeRelative(expected.Number("slope"), Tolerance, "slope");
        fit.InterceptStandardError.ShouldBeRelative(expected.Number("intercept_se"), Tolerance, "intercept SE");
        fit.SlopeStandardError.ShouldBeRelative(expected.Number("slope_se"), Tolerance, "slope SE");
        fit.RSquared.ShouldBeRelative(expected.Number("r2"), Tolerance, "R²");
        fit.SlopePValue.ShouldBeRelative(expected.Number("p"), Tolerance, "p");
        fit.ResidualStandardError.ShouldBeRelative(expected.Number("rse"), Tolerance, "residual SE");
        fit.SampleSize.Should().Be(x.Length);
    }

    [TestCaseSource(nameof(OlsCases))]
    public void OrdinaryLeastSquares_StatsmodelsFixture_MatchesOls(JsonElement entry)
    {
        var predictors = entry.GetProperty("predictors").EnumerateArray().Select(c => c.Array()).ToArray();
        var y = entry.GetProperty("y").Array();

        var fit = Regression.OrdinaryLeastSquares(predictors, y, entry.GetProperty("intercept").GetBoolean());

        var coefficients = entry.GetProperty("coefficients").Array();
        var errors = entry.GetProperty("standard_errors").Array();
        var pValues = entry.GetProperty("p_values").Array();
        fit.Coefficients.Should().HaveCount(coefficients.Length);
        for (var j = 0; j < coefficients.Length; j++)
        {
            fit.Coefficients[j].ShouldBeRelative(coefficients[j], Tolerance, $"b{j}");
            fit.StandardErrors[j].ShouldBeRelative(errors[j], Tolerance, $"se{j}");
            fit.PValues[j].ShouldBeRelative(pValues[j], 1e-8, $"p{j}");
        }

        fit.RSquared.ShouldBeRelative(entry.Number("r2"), Tolerance, "R²");
        fit.AdjustedRSquared.ShouldBeRelative(entry.Number("adj_r2"), Tolerance, "adjusted R²");
        fit.ResidualStandardError.ShouldBeRelative(entry.Number("rse"), Tolerance, "residual SE");
        fit.FStatistic.ShouldBeRelative(entry.Number("f"), Tolerance, "F");
        fit.FPValue.ShouldBeRelative(entry.Number("f_p"), 1e-8, "F p");
        fit.SampleSize.Should().Be(y.Length);
    }

    [Test]
    public void OrdinaryLeastSquares_SinglePredictor_AgreesWithSimpleLinear()
    {
        // Agreement between the two code paths (QR versus centred moments).
        var (x, y) = StatsCoreFixture.Pairs(StatsCoreFixture.Cases("linregress").ElementAt(2));

        var simple = Regression.SimpleLinear(x, y);
        var ols = Regression.OrdinaryLeastSquares([x], y);

        ols.Coefficients[0].ShouldBeRelative(simple.Intercept, 1e-12, "intercept");
        ols.Coefficients[1].ShouldBeRelative(simple.Slope, 1e-12, "slope");
        ols.StandardErrors[1].ShouldBeRelative(simple.SlopeStandardError, 1e-12, "slope SE");
        ols.PValues[1].ShouldBeRelative(simple.SlopePValue, 1e-10, "p");
    }

    [Test]
    public void OrdinaryLeastSquares_CollinearPredictors_ReturnsNaN()
    {
        double[] x1 = [1, 2, 3, 4, 5, 6];
        double[] x2 = [2, 4, 6, 8, 10, 12];
        double[] y = [1, 3, 2, 5, 4, 6];

        var fit = Regression.OrdinaryLeastSquares([x1, x2], y);

        fit.Coefficients.Should().OnlyContain(v => double.IsNaN(v));
        double.IsNaN(fit.RSquared).Should().BeTrue();
    }

    [Test]
    public void OrdinaryLeastSquares_ExactlyDetermined_HasNaNStandardErrors()
    {
        var fit = Regression.OrdinaryLeastSquares([[1.0, 2.0]], [3.0, 5.0]);

        fit.Coefficients[0].Should().BeApproximately(1.0, 1e-12);
        fit.Coefficients[1].Should().BeApproximately(2.0, 1e-12);
        double.IsNaN(fit.StandardErrors[1]).Should().BeTrue();
        double.IsNaN(fit.FStatistic).Should().BeTrue();
    }

    [Test]
    public void SimpleLinear_TooFewPointsOrConstantX_ReturnsNaN()
    {
        double.IsNaN(Regression.SimpleLinear([1.0], [2.0]).Slope).Should().BeTrue();
        double.IsNaN(Regression.SimpleLinear([1.0, 2.0], [2.0, 3.0]).SlopeStandardError).Should().BeTrue();
        double.IsNaN(Regression.SimpleLinear([2.0, 2.0, 2.0], [1.0, 2.0, 3.0]).Slope).Should().BeTrue();
    }

    [Test]
    public void SimpleLinear_BadInput_ThrowsNamingTheArgument()
    {
        FluentActions.Invoking(() => Regression.SimpleLinear([1.0, 2.0, 3.0], [1.0, 2.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Regression.SimpleLinear([1.0, double.NaN, 3.0], [1.0, 2.0, 3.0])).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => Regression.SimpleLinear([1.0, 2.0, 3.0], [1.0, double.PositiveInfinity, 3.0])).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void OrdinaryLeastSquares_BadInput_ThrowsNamingTheArgument()
    {
        double[] y = [1, 2, 3, 4];
        FluentActions.Invoking(() => Regression.OrdinaryLeastSquares([[1.0, 2.0, 3.0]], y)).Should().Throw<ArgumentException>().WithParameterName("predictors");
        FluentActions.Invoking(() => Regression.OrdinaryLeastSquares([[1.0, 2.0, double.NaN, 4.0]], y)).Should().Throw<ArgumentException>().WithParameterName("predictors");
        FluentActions.Invoking(() => Regression.OrdinaryLeastSquares([[1.0, 2.0, 3.0, 4.0]], [1.0, 2.0, double.NegativeInfinity, 4.0])).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Regression.OrdinaryLeastSquares(null!, y)).Should().Throw<ArgumentNullException>().WithParameterName("predictors");
    }
}
