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
    public static Run Execute(ReadOnlySpan<double> x, int maxSteps, double alpha, bool robust) =>
        robust ? ExecuteRobust(x, maxSteps, alpha) : ExecuteClassical(x, maxSteps, alpha);

    private static Run ExecuteClassical(ReadOnlySpan<double> x, int maxSteps, double alpha)
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
        var (centre, scale) = Location(x, alive, n, buffer);
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

            (centre, scale) = Location(x, alive, n - i, buffer);
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
    /// The hybrid (median/MAD) procedure on a sorted copy: the farthest point from the median is always at one end,
    /// the median is read off the middle, and the MAD is the median of two sorted runs of deviations (walking out
    /// from the median), so a step costs one block move instead of two selections on a fresh copy.
    /// </summary>
    private static Run ExecuteRobust(ReadOnlySpan<double> x, int maxSteps, double alpha)
    {
        var n = x.Length;
        var values = x.ToArray();
        var positions = new int[n];
        for (var j = 0; j < n; j++)
        {
            positions[j] = j;
        }

        // Sorting by (value, position) puts the earliest position first within a run of equal values.
        Array.Sort(values, positions);
        SortRunsByPosition(values, positions);
        var count = n;
        var scores = new double[n];
        var removed = new List<int>(maxSteps);
        var statistics = new List<double>(maxSteps);
        var critical = new List<double>(maxSteps);
        var outliers = 0;
        var (centre, scale) = SortedLocation(values, count);
        for (var i = 1; i <= maxSteps; i++)
        {
            if (!(scale > 0))
            {
                break;
            }

            var low = Math.Abs(values[0] - centre);
            var high = Math.Abs(values[count - 1] - centre);
            var top = count - 1;
            while (top > 0 && values[top - 1] == values[count - 1])
            {
                top--;
            }

            // The farthest point, the earliest in time on ties (as a scan in time order with a strict ">" finds it).
            int at;
            if (low > high)
            {
                at = 0;
            }
            else if (high > low)
            {
                at = top;
            }
            else
            {
                at = positions[0] <= positions[top] ? 0 : top;
            }

            var largest = Math.Max(low, high);
            var arg = positions[at];
            scores[arg] = (values[at] - centre) / scale;
            Array.Copy(values, at + 1, values, at, count - at - 1);
            Array.Copy(positions, at + 1, positions, at, count - at - 1);
            count--;
            var r = largest / scale;
            var lambda = CriticalValue(n, i, alpha);
            removed.Add(arg);
            statistics.Add(r);
            critical.Add(lambda);
            if (r > lambda)
            {
                outliers = i;
            }

            (centre, scale) = SortedLocation(values, count);
        }

        for (var j = 0; j < count; j++)
        {
            scores[positions[j]] = scale > 0 ? (values[j] - centre) / scale : double.NaN;
        }

        return new Run([.. removed], [.. statistics], [.. critical], outliers, scores);
    }

    /// <summary>Array.Sort is not stable: order each run of equal values by position.</summary>
    private static void SortRunsByPosition(double[] values, int[] positions)
    {
        var start = 0;
        for (var j = 1; j <= values.Length; j++)
        {
            if (j == values.Length || values[j] != values[start])
            {
                if (j - start > 1)
                {
                    Array.Sort(positions, start, j - start);
                }

                start = j;
            }
        }
    }

    /// <summary>Median (type 7, as <see cref="Selection.QuantileInPlace"/>) and 1.4826 × MAD of sorted values[0..count).</summary>
    private static (double Centre, double Scale) SortedLocation(double[] values, int count)
    {
        if (count < 2)
        {
            return (double.NaN, double.NaN);
        }

        var half = (count - 1) / 2;
        var even = count % 2 == 0;
        var median = even ? values[half] + (0.5 * (values[half + 1] - values[half])) : values[half];

        // Deviations below the median grow as the left index falls, those above as the right index rises: merge
        // them until the middle order statistics of the |x − median| are reached.
        var left = half;
        var right = half + 1;
        var lower = 0.0;
        var upper = 0.0;
        for (var k = 0; k <= half + (even ? 1 : 0); k++)
        {
            double next;
            if (right >= count || (left >= 0 && Math.Abs(values[left] - median) <= Math.Abs(values[right] - median)))
            {
                next = Math.Abs(values[left] - median);
                left--;
            }
            else
            {
                next = Math.Abs(values[right] - median);
                right++;
            }

            if (k == half)
            {
                lower = next;
            }
            else
            {
                upper = next;
            }
        }

        var mad = even ? lower + (0.5 * (upper - lower)) : lower;
        return (median, MadScale * mad);
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

    private static (double Centre, double Scale) Location(ReadOnlySpan<double> x, bool[] alive, int count, double[] buffer)
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
        var mean = Descriptive.MeanCore(sample);
        return (mean, Math.Sqrt(Descriptive.SumOfSquaredDeviations(sample, mean) / (count - 1)));
    }

    /// <summary>1.4826, the factor that makes the MAD a consistent estimate of a normal standard deviation (R's <c>mad</c>).</summary>
    internal const double MadScale = 1.4826;
}
