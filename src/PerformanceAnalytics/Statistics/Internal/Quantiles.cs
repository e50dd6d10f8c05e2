namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>Distribution quantiles polished to full double accuracy.</summary>
internal static class Quantiles
{
    /// <summary>
    /// The p-quantile of Student's t with <paramref name="df"/> degrees of freedom: MathNet's estimate refined by
    /// Newton steps on the CDF (computed through the regularized incomplete beta function), since the estimate alone
    /// agrees with SciPy's <c>t.ppf</c> to only about 1e−9.
    /// </summary>
    public static double StudentT(double df, double p)
    {
        var t = MathNet.Numerics.Distributions.StudentT.InvCDF(0, 1, df, p);
        for (var i = 0; i < 3 && double.IsFinite(t); i++)
        {
            // CDF(t) − p, evaluated in the smaller tail for accuracy.
            var error = t <= 0
                ? MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, t) - p
                : (1 - p) - MathNet.Numerics.Distributions.StudentT.CDF(0, 1, df, -t);
            var density = MathNet.Numerics.Distributions.StudentT.PDF(0, 1, df, t);
            if (!(density > 0))
            {
                break;
            }

            var step = error / density;
            t -= step;
            if (Math.Abs(step) <= 1e-16 * Math.Abs(t))
            {
                break;
            }
        }

        return t;
    }
}
