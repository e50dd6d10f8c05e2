using CsCheck;
using PerformanceAnalytics.Statistics;
using Sut = PerformanceAnalytics.Statistics.Seasonality;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

/// <summary>Properties of the STL decomposition that follow from its linearity in y (every LOESS fit and moving average
/// is a weighted sum of the data, and the bisquare weights depend only on |residual| / median|residual|).</summary>
public sealed class StlPropertyTests
{
    private static readonly Gen<(double[] Y, int Period, bool Robust)> _series =
        from period in Gen.Int[2, 13]
        from cycles in Gen.Int[2, 8]
        from extra in Gen.Int[0, 12]
        from robust in Gen.Bool
        from y in Gen.Double[-100, 100].Array[(period * cycles) + extra]
        select (y, period, robust);

    [Test]
    public void Stl_Components_AddUpToTheSeries()
    {
        _series.Sample(c =>
        {
            var r = Sut.Stl(c.Y, c.Period, new StlOptions { Robust = c.Robust });
            for (var i = 0; i < c.Y.Length; i++)
            {
                (r.Trend[i] + r.Seasonal[i] + r.Remainder[i]).Should().BeApproximately(c.Y[i], 1e-9);
            }
        }, iter: 100);
    }

    [Test]
    public void Stl_NotRobust_ShiftedAndScaledSeries_ShiftsTrendAndScalesComponents()
    {
        _series.Sample(c =>
        {
            const double a = 2.5;
            const double b = -40;
            var r = Sut.Stl(c.Y, c.Period);
            var t = Sut.Stl(c.Y.Select(v => (a * v) + b).ToArray(), c.Period);
            for (var i = 0; i < c.Y.Length; i++)
            {
                t.Trend[i].Should().BeApproximately((a * r.Trend[i]) + b, 1e-7);
                t.Seasonal[i].Should().BeApproximately(a * r.Seasonal[i], 1e-7);
            }
        }, iter: 100);
    }

    // Doubling is exact in binary floating point, so every intermediate value doubles exactly and the robustness
    // weights (ratios of residuals) are bit-for-bit the same: the robust fit must double exactly. (A general affine
    // map is not checked for robust fits: when a fit is exact up to rounding, the weights follow the rounding noise.)
    [Test]
    public void Stl_Robust_DoubledSeries_DoublesComponentsExactly()
    {
        _series.Sample(c =>
        {
            var options = new StlOptions { Robust = true };
            var r = Sut.Stl(c.Y, c.Period, options);
            var t = Sut.Stl(c.Y.Select(v => 2 * v).ToArray(), c.Period, options);
            t.Trend.Should().Equal(r.Trend.Select(v => 2 * v));
            t.Seasonal.Should().Equal(r.Seasonal.Select(v => 2 * v));
            t.Weights.Should().Equal(r.Weights);
        }, iter: 100);
    }

    [Test]
    public void Stl_Weights_LieInUnitInterval()
    {
        _series.Sample(c =>
        {
            var r = Sut.Stl(c.Y, c.Period, new StlOptions { Robust = true });
            r.Weights.Should().OnlyContain(w => w >= 0 && w <= 1);
            if (!double.IsNaN(r.SeasonalStrength))
            {
                r.SeasonalStrength.Should().BeInRange(0, 1);
            }
        }, iter: 100);
    }
}
