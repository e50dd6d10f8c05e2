using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Regression against the NIST StRD linear least-squares datasets (certified values parsed from TestData/Nist).</summary>
public sealed class RegressionNistTests
{
    /// <summary>NIST's stated accuracy bar for linear regression in the statistics contract.</summary>
    private const double RequiredDigits = 7;

    private static IEnumerable<TestCaseData> Problems()
    {
        yield return new TestCaseData("Norris", 1, true, RequiredDigits);
        yield return new TestCaseData("Pontius", 2, true, RequiredDigits);
        yield return new TestCaseData("NoInt1", 1, false, RequiredDigits);
        yield return new TestCaseData("NoInt2", 1, false, RequiredDigits);
        yield return new TestCaseData("Longley", 0, true, RequiredDigits);
        yield return new TestCaseData("Wampler1", 5, true, RequiredDigits);
        yield return new TestCaseData("Wampler2", 5, true, RequiredDigits);
        yield return new TestCaseData("Wampler3", 5, true, RequiredDigits);
        yield return new TestCaseData("Wampler4", 5, true, RequiredDigits);
        yield return new TestCaseData("Wampler5", 5, true, RequiredDigits);
        yield return new TestCaseData("Filip", 10, true, RequiredDigits);
    }

    /// <summary>Builds the predictors: the file's x columns (Longley) or powers x, x², …, x^degree of its single x.</summary>
    private static double[][] Predictors(NistRegression problem, int degree) =>
        degree == 0
            ? problem.Columns!
            : Enumerable.Range(1, degree).Select(d => problem.X.Select(v => Math.Pow(v, d)).ToArray()).ToArray();

    [TestCaseSource(nameof(Problems))]
    public void OrdinaryLeastSquares_NistProblem_AgreesWithCertifiedValues(string dataset, int degree, bool intercept, double required)
    {
        var problem = NistStrd.Regression(dataset);

        var fit = Regression.OrdinaryLeastSquares(Predictors(problem, degree), problem.Y, intercept);

        var worst = double.PositiveInfinity;
        for (var j = 0; j < problem.Estimates.Length; j++)
        {
            var d = Digits(fit.Coefficients[j], problem.Estimates[j]);
            TestContext.Out.WriteLine($"{dataset} B{j}: {d:F2} digits; SE: {Digits(fit.StandardErrors[j], problem.StandardDeviations[j]):F2}");
            worst = Math.Min(worst, d);
            worst = Math.Min(worst, Digits(fit.StandardErrors[j], problem.StandardDeviations[j]));
        }

        var rsd = Digits(fit.ResidualStandardError, problem.ResidualStandardDeviation);
        var r2 = NistStrd.Digits(fit.RSquared, problem.RSquared);
        TestContext.Out.WriteLine($"{dataset} residual SD: {rsd:F2} digits; R²: {r2:F2} digits");
        worst = Math.Min(worst, Math.Min(rsd, r2));
        TestContext.Out.WriteLine($"{dataset} minimum: {worst:F2} digits");
        worst.Should().BeGreaterThanOrEqualTo(required);
    }

    [Test]
    public void SimpleLinear_Norris_AgreesWithCertifiedValuesToNineDigits()
    {
        var problem = NistStrd.Regression("Norris");

        var fit = Regression.SimpleLinear(problem.X, problem.Y);

        var digits = new[]
        {
            NistStrd.Digits(fit.Intercept, problem.Estimates[0]),
            NistStrd.Digits(fit.Slope, problem.Estimates[1]),
            NistStrd.Digits(fit.InterceptStandardError, problem.StandardDeviations[0]),
            NistStrd.Digits(fit.SlopeStandardError, problem.StandardDeviations[1]),
            NistStrd.Digits(fit.ResidualStandardError, problem.ResidualStandardDeviation),
            NistStrd.Digits(fit.RSquared, problem.RSquared),
        };
        TestContext.Out.WriteLine($"Norris simple: {string.Join(", ", digits.Select(d => d.ToString("F2", System.Globalization.CultureInfo.InvariantCulture)))}");
        digits.Min().Should().BeGreaterThanOrEqualTo(9);
        fit.SampleSize.Should().Be(problem.Y.Length);
    }

    [Test]
    public void SimpleLinear_NoInt1AsNoInterceptOls_MatchesCertifiedSlope()
    {
        var problem = NistStrd.Regression("NoInt1");

        var fit = Regression.OrdinaryLeastSquares([problem.X], problem.Y, includeIntercept: false);

        fit.Coefficients.Should().HaveCount(1);
        NistStrd.Digits(fit.Coefficients[0], problem.Estimates[0]).Should().BeGreaterThanOrEqualTo(9);
    }

    /// <summary>Digits, or an absolute check (17 when |actual| &lt; 1e−12) for certified zeros (Wampler1's exact fit).</summary>
    private static double Digits(double actual, double expected) =>
        expected == 0 ? (Math.Abs(actual) < 1e-12 ? 17 : -Math.Log10(Math.Abs(actual))) : NistStrd.Digits(actual, expected);
}
