using CsCheck;
using PerformanceAnalytics.Statistics;

namespace PerformanceAnalytics.Tests.Statistics;

/// <summary>Invariances of the correlation coefficients (CsCheck) and argument validation.</summary>
public sealed class CorrelationPropertyAndInputTests
{
    private static readonly Gen<(double[] X, double[] Y)> _pairs =
        Gen.Int[4, 60].SelectMany(n => Gen.Select(
            Gen.Double[-1000, 1000].Array[n],
            Gen.Double[-1000, 1000].Array[n],
            Gen.Int[0, 6].Array[n]))
        .Select((x, y, ties) => (x.Select((v, i) => ties[i] == 0 ? Math.Round(v / 200) : v).ToArray(), y));

    [Test]
    public void Pearson_PositiveAffineMap_CoefficientUnchanged()
    {
        _pairs.Select(Gen.Double[0.001, 1000], Gen.Double[-1e4, 1e4]).Sample((data, scale, shift) =>
        {
            var (x, y) = data;
            var r = Correlation.Pearson(x, y).Coefficient;
            var mapped = Correlation.Pearson(x.Select(v => (scale * v) + shift).ToArray(), y).Coefficient;
            var tolerance = 1e-8 + MapRoundingBound(x, scale, shift);
            return double.IsNaN(r) ? double.IsNaN(mapped) || Math.Abs(mapped) < 1e-6
                : double.IsNaN(mapped) ? tolerance >= 1 : Math.Abs(r - mapped) < tolerance;
        });
    }

    [Test]
    public void RankMethods_MonotoneMap_CoefficientUnchanged()
    {
        _pairs.Sample(data =>
        {
            var (x, y) = data;

            // x ↦ x³ + 3x is strictly increasing and keeps ties; ranks are unchanged.
            var mapped = x.Select(v => (v * v * v) + (3 * v)).ToArray();
            var s1 = Correlation.Spearman(x, y).Coefficient;
            var s2 = Correlation.Spearman(mapped, y).Coefficient;
            var k1 = Correlation.KendallTauB(x, y).Coefficient;
            var k2 = Correlation.KendallTauB(mapped, y).Coefficient;
            return (double.IsNaN(s1) ? double.IsNaN(s2) : s1 == s2) && (double.IsNaN(k1) ? double.IsNaN(k2) : k1 == k2);
        });
    }

    [Test]
    public void AllMethods_AnyData_PValuesInUnitIntervalAndCoefficientsBounded()
    {
        _pairs.Sample(data =>
        {
            var (x, y) = data;
            foreach (var test in new[] { Correlation.Pearson(x, y), Correlation.Spearman(x, y), Correlation.KendallTauB(x, y) })
            {
                if (!double.IsNaN(test.PValue) && (test.PValue < 0 || test.PValue > 1))
                {
                    return false;
                }

                if (!double.IsNaN(test.Coefficient) && Math.Abs(test.Coefficient) > 1)
                {
                    return false;
                }
            }

            return true;
        });
    }

    [Test]
    public void AllMethods_LengthMismatch_ThrowNamingY()
    {
        double[] x = [1, 2, 3];
        double[] y = [1, 2];
        FluentActions.Invoking(() => Correlation.Pearson(x, y)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Correlation.Spearman(x, y)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Correlation.KendallTauB(x, y)).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(double.NaN)]
    [TestCase(double.PositiveInfinity)]
    [TestCase(double.NegativeInfinity)]
    public void AllMethods_NonFiniteValue_ThrowNamingTheSample(double bad)
    {
        double[] good = [1, 2, 3, 4];
        double[] x = [1, bad, 3, 4];
        FluentActions.Invoking(() => Correlation.Pearson(x, good)).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => Correlation.Pearson(good, x)).Should().Throw<ArgumentException>().WithParameterName("y");
        FluentActions.Invoking(() => Correlation.Spearman(x, good)).Should().Throw<ArgumentException>().WithParameterName("x");
        FluentActions.Invoking(() => Correlation.KendallTauB(good, x)).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [Test]
    public void Pearson_NonFiniteValueInLongSample_ThrowsNamingTheSample()
    {
        var x = Enumerable.Range(0, 5000).Select(i => (double)i).ToArray();
        var y = (double[])x.Clone();
        y[4321] = double.NaN;
        FluentActions.Invoking(() => Correlation.Pearson(x, y)).Should().Throw<ArgumentException>().WithParameterName("y");
    }

    [TestCase(0.0)]
    [TestCase(1.0)]
    [TestCase(-0.5)]
    [TestCase(double.NaN)]
    public void AllMethods_ConfidenceLevelOutsideUnitInterval_Throw(double level)
    {
        double[] x = [1, 2, 3, 4, 5];
        double[] y = [2, 1, 4, 3, 5];
        FluentActions.Invoking(() => Correlation.Pearson(x, y, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
        FluentActions.Invoking(() => Correlation.Spearman(x, y, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
        FluentActions.Invoking(() => Correlation.KendallTauB(x, y, level)).Should().Throw<ArgumentOutOfRangeException>().WithParameterName("confidenceLevel");
    }

    /// <summary>
    /// How far rounding in the test's own map fl(scale·x + shift) can move r: each mapped value is off by at most two
    /// half-ulps, and r moves by at most about twice that error's norm over the norm of the centred, scaled x. For
    /// generated x such as [0, 5e-42, 0, 0] the shift erases the spread entirely and the bound exceeds 1.
    /// </summary>
    private static double MapRoundingBound(double[] x, double scale, double shift)
    {
        const double HalfUlp = 1.1102230246251565e-16;
        var mean = x.Average();
        var error = Math.Sqrt(x.Sum(v => Math.Pow(2 * HalfUlp * (Math.Abs(scale * v) + Math.Abs(shift)), 2)));
        var spread = scale * Math.Sqrt(x.Sum(v => (v - mean) * (v - mean)));
        return spread == 0 ? double.PositiveInfinity : 4 * error / spread;
    }
}
