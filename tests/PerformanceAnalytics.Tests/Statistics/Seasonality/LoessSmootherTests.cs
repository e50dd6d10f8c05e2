using CsCheck;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Tests.Statistics.Seasonality;

/// <summary>The kernel (sliding-correlation) path of the LOESS smoother must agree with the direct per-window evaluation
/// of the reference algorithm (Cleveland et al. 1990), which the statsmodels fixtures validate.</summary>
public sealed class LoessSmootherTests
{
    [Test]
    public void Smooth_KernelPath_AgreesWithPerWindowEvaluation()
    {
        var gen =
            from n in Gen.Int[2, 300]
            from half in Gen.Int[1, 40]
            from degree in Gen.Int[0, 1]
            from robust in Gen.Bool
            from y in Gen.Double[-1000, 1000].Array[n]
            from w in Gen.Double[0, 1].Array[n]
            select (y, Length: (2 * half) + 1, degree, robust, w);

        gen.Sample(c =>
        {
            var n = c.y.Length;
            var robustness = c.robust ? c.w : ReadOnlySpan<double>.Empty;
            var workspace = new LoessWorkspace(n);
            var fast = new double[n];
            var kernel = c.Length <= n ? new LoessKernel(c.Length) : null;
            LoessSmoother.Smooth(c.y, c.Length, c.degree, 1, robustness, fast, kernel, workspace);

            var scratch = new double[n];
            for (var i = 0; i < n; i++)
            {
                int left, right;
                if (c.Length >= n)
                {
                    (left, right) = (0, n - 1);
                }
                else
                {
                    left = Math.Clamp(i - ((c.Length - 1) / 2), 0, n - c.Length);
                    right = left + c.Length - 1;
                }

                var direct = LoessSmoother.Estimate(c.y, c.Length, c.degree, i, left, right, robustness, scratch);
                var expected = double.IsNaN(direct) ? c.y[i] : direct;
                if (n < 2)
                {
                    expected = c.y[i];
                }

                Math.Abs(fast[i] - expected).Should().BeLessThan(1e-9 * (1 + Math.Abs(expected)), $"point {i} of {n}");
            }
        }, iter: 300);
    }

    [Test]
    public void Estimate_AllWeightsZero_ReturnsNaN()
    {
        double[] y = [1, 2, 3, 4, 5];
        double[] zero = [0, 0, 0, 0, 0];

        LoessSmoother.Estimate(y, 5, 1, 2, 0, 4, zero, new double[5]).Should().Be(double.NaN);
    }
}
