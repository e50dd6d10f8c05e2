using MathNet.Numerics.Distributions;

namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// The generalized extreme Studentized deviate many-outlier procedure (Rosner 1983), with the mean and standard
/// deviation, or with the median and MAD (the "hybrid" ESD of Hochenbaum, Vallis &amp; Kejariwal 2017).
/// </summary>
internal static class EsdProcedure
{
    /// <summary>The steps of one run.</summary>
    /// <param name="Removed">Position of the point removed at step i (0-based step), i.e. the i+1-th most extreme.</param>
    /// <param name="Statistics">R_i, the largest Studentized deviation at step i.</param>
    /// <param name="CriticalValues">λ_i at step i.</param>
    /// <param name="OutlierCount">The largest i with R_i &gt; λ_i (0 if none).</param>
    /// <param name="Scores">Signed score of every point: (x − centre)/scale of the sample left when it was removed, or of the sample left at the end.</param>
    internal sealed record Run(int[] Removed, double[] Statistics, double[] CriticalValues, int OutlierCount, double[] Scores);

    /// <summary>Runs up to <paramref name="maxSteps"/> steps; stops early when the scale of the remaining sample is 0.</summary>
    public static Run Execute(ReadOnlySpan<double> x, int maxSteps, double alpha, bool robust)
    {
        var n = x.Length;
        var alive = new bool[n];
        Array.Fill(alive, true);
        var scores = new double[n];
        var buffer = new double[n];
        var removed = new List<int>(maxSteps);
        var statistics = new List<double>(maxSteps);
        var critical = new List<double>(maxSteps);
        var outliers = 0;
        var (centre, scale) = Location(x, alive, n, buffer, robust);
        for (var i = 1; i <= maxSteps; i++)
        {
            if (!(scale > 0))
            {
                break;
            }

            var arg = -1;
            var largest = -1.0;
            for (var j = 0; j < n; j++)
            {
                if (alive[j])
                {
                    var d = Math.Abs(x[j] - centre);
                    if (d > largest)
                    {
                        largest = d;
                        arg = j;
                    }
                }
            }

            var r = largest / scale;
            scores[arg] = (x[arg] - centre) / scale;
            alive[arg] = false;
            var lambda = CriticalValue(n, i, alpha);
            removed.Add(arg);
            statistics.Add(r);
            critical.Add(lambda);
            if (r > lambda)
            {
                outliers = i;
            }

            (centre, scale) = Location(x, alive, n - i, buffer, robust);
        }

        for (var j = 0; j < n; j++)
        {
            if (alive[j])
            {
                scores[j] = scale > 0 ? (x[j] - centre) / scale : double.NaN;
            }
        }

        return new Run([.. removed], [.. statistics], [.. critical], outliers, scores);
    }

    /// <summary>
    /// λ_i = (n − i) t_{p, n−i−1} / √((n − i − 1 + t²)(n − i + 1)), p = 1 − α / (2(n − i + 1)) (Rosner 1983, eq. 2).
    /// </summary>
    public static double CriticalValue(int n, int i, double alpha)
    {
        var degreesOfFreedom = n - i - 1;
        var upperTail = alpha / (2.0 * (n - i + 1));
        var t = StudentTUpperQuantile(upperTail, degreesOfFreedom);
        return (n - i) * t / Math.Sqrt((degreesOfFreedom + (t * t)) * (n - i + 1));
    }

    /// <summary>The t with P(T &gt; t) = <paramref name="upperTail"/> (&lt; 0.5) for ν degrees of freedom.</summary>
    /// <remarks>
    /// Safeguarded Newton iteration on g(t) = F(−t) − q, which is decreasing in t and keeps full relative precision
    /// for tiny tail areas q: a bracket [lo, hi] with g(lo) &gt; 0 &gt; g(hi) is kept, and a Newton step that leaves
    /// it is replaced by bisection. It starts from the normal quantile. (MathNet's inverse CDF fails to converge
    /// for one or two degrees of freedom and small tails, and loses digits near 1.)
    /// </remarks>
    internal static double StudentTUpperQuantile(double upperTail, int degreesOfFreedom)
    {
        double G(double t) => StudentT.CDF(0.0, 1.0, degreesOfFreedom, -t) - upperTail;

        var t = Math.Max(1.0, -Normal.InvCDF(0.0, 1.0, upperTail));
        var lo = 0.0;
        var hi = t;
        while (G(hi) > 0)
        {
            lo = hi;
            hi *= 2;
        }

        for (var iteration = 0; iteration < 200; iteration++)
        {
            var g = G(t);
            if (g == 0)
            {
                return t;
            }

            if (g > 0)
            {
                lo = Math.Max(lo, t);
            }
            else
            {
                hi = Math.Min(hi, t);
            }

            var density = StudentT.PDF(0.0, 1.0, degreesOfFreedom, t);
            var next = t + (g / density);
            if (!(next > lo && next < hi))
            {
                next = 0.5 * (lo + hi);
            }

            if (Math.Abs(next - t) <= 1e-15 * next)
            {
                return next;
            }

            t = next;
        }

        return t;
    }

    private static (double Centre, double Scale) Location(ReadOnlySpan<double> x, bool[] alive, int count, double[] buffer, bool robust)
    {
        if (count < 2)
        {
            return (double.NaN, double.NaN);
        }

        var k = 0;
        for (var j = 0; j < x.Length; j++)
        {
            if (alive[j])
            {
                buffer[k++] = x[j];
            }
        }

        var sample = buffer.AsSpan(0, count);
        if (!robust)
        {
            var mean = Descriptive.MeanCore(sample);
            return (mean, Math.Sqrt(Descriptive.SumOfSquaredDeviations(sample, mean) / (count - 1)));
        }

        var median = Selection.QuantileInPlace(sample, 0.5);
        for (var j = 0; j < count; j++)
        {
            sample[j] = Math.Abs(sample[j] - median);
        }

        return (median, MadScale * Selection.QuantileInPlace(sample, 0.5));
    }

    /// <summary>1.4826, the factor that makes the MAD a consistent estimate of a normal standard deviation (R's <c>mad</c>).</summary>
    internal const double MadScale = 1.4826;
}
