namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>An objective function for <see cref="OptimNelderMead"/>; a struct so calls inline without delegates.</summary>
internal interface IOptimObjective
{
    /// <summary>Returns f(x); non-finite values count as 10³⁵.</summary>
    double Evaluate(ReadOnlySpan<double> x);
}

/// <summary>
/// Nelder and Mead's (1965) simplex minimiser with the rules of R's <c>optim(method = "Nelder-Mead")</c>
/// (Nash 1990, "Compact Numerical Methods", algorithm 19; reflection 1, contraction 0.5, expansion 2;
/// initial simplex step 0.1 · max|xᵢ|; stop when the spread of the simplex values falls below
/// reltol · (|f| + reltol) or after maxit function evaluations), so fits follow the same path as R's.
/// </summary>
internal static class OptimNelderMead
{
    private const double Big = 1.0e35;

    /// <summary>Minimises <paramref name="objective"/> from <paramref name="x"/>, which receives the best point.</summary>
    /// <returns>The minimum value found.</returns>
    public static double Minimize<T>(ref T objective, Span<double> x, double relativeTolerance, int maxEvaluations, out int evaluations)
        where T : struct, IOptimObjective, allows ref struct
    {
        var n = x.Length;
        var n1 = n + 1;
        var stride = n + 2;

        // Column j (0 … n) is vertex j, column n + 1 the centroid; row n holds function values.
        var p = new double[n1 * stride];
        var bvec = new double[n];
        x.CopyTo(bvec);
        var f = objective.Evaluate(bvec);
        if (!double.IsFinite(f))
        {
            evaluations = 1;
            return double.PositiveInfinity;
        }

        var funcount = 1;
        var convtol = relativeTolerance * (Math.Abs(f) + relativeTolerance);
        var c = n + 1;
        p[(n * stride) + 0] = f;
        for (var i = 0; i < n; i++)
        {
            p[(i * stride) + 0] = bvec[i];
        }

        var l = 0;
        var size = 0.0;
        var step = 0.0;
        for (var i = 0; i < n; i++)
        {
            if (0.1 * Math.Abs(bvec[i]) > step)
            {
                step = 0.1 * Math.Abs(bvec[i]);
            }
        }

        if (step == 0.0)
        {
            step = 0.1;
        }

        for (var j = 1; j < n1; j++)
        {
            for (var i = 0; i < n; i++)
            {
                p[(i * stride) + j] = bvec[i];
            }

            var trystep = step;
            while (p[((j - 1) * stride) + j] == bvec[j - 1])
            {
                p[((j - 1) * stride) + j] = bvec[j - 1] + trystep;
                trystep *= 10;
            }

            size += trystep;
        }

        var oldsize = size;
        var calcvert = true;
        do
        {
            if (calcvert)
            {
                for (var j = 0; j < n1; j++)
                {
                    if (j != l)
                    {
                        for (var i = 0; i < n; i++)
                        {
                            bvec[i] = p[(i * stride) + j];
                        }

                        f = objective.Evaluate(bvec);
                        if (!double.IsFinite(f))
                        {
                            f = Big;
                        }

                        funcount++;
                        p[(n * stride) + j] = f;
                    }
                }

                calcvert = false;
            }

            var vl = p[(n * stride) + l];
            var vh = vl;
            var h = l;
            for (var j = 0; j < n1; j++)
            {
                if (j != l)
                {
                    f = p[(n * stride) + j];
                    if (f < vl)
                    {
                        l = j;
                        vl = f;
                    }

                    if (f > vh)
                    {
                        h = j;
                        vh = f;
                    }
                }
            }

            if (vh <= vl + convtol)
            {
                break;
            }

            for (var i = 0; i < n; i++)
            {
                var temp = -p[(i * stride) + h];
                for (var j = 0; j < n1; j++)
                {
                    temp += p[(i * stride) + j];
                }

                p[(i * stride) + c] = temp / n;
            }

            for (var i = 0; i < n; i++)
            {
                bvec[i] = (2.0 * p[(i * stride) + c]) - p[(i * stride) + h];
            }

            f = objective.Evaluate(bvec);
            if (!double.IsFinite(f))
            {
                f = Big;
            }

            funcount++;
            var vr = f;
            if (vr < vl)
            {
                p[(n * stride) + c] = f;
                for (var i = 0; i < n; i++)
                {
                    f = (2.0 * bvec[i]) + ((1 - 2.0) * p[(i * stride) + c]);
                    p[(i * stride) + c] = bvec[i];
                    bvec[i] = f;
                }

                f = objective.Evaluate(bvec);
                if (!double.IsFinite(f))
                {
                    f = Big;
                }

                funcount++;
                if (f < vr)
                {
                    for (var i = 0; i < n; i++)
                    {
                        p[(i * stride) + h] = bvec[i];
                    }

                    p[(n * stride) + h] = f;
                }
                else
                {
                    for (var i = 0; i < n; i++)
                    {
                        p[(i * stride) + h] = p[(i * stride) + c];
                    }

                    p[(n * stride) + h] = vr;
                }
            }
            else
            {
                if (vr < vh)
                {
                    for (var i = 0; i < n; i++)
                    {
                        p[(i * stride) + h] = bvec[i];
                    }

                    p[(n * stride) + h] = vr;
                }

                for (var i = 0; i < n; i++)
                {
                    bvec[i] = (0.5 * p[(i * stride) + h]) + (0.5 * p[(i * stride) + c]);
                }

                f = objective.Evaluate(bvec);
                if (!double.IsFinite(f))
                {
                    f = Big;
                }

                funcount++;
                if (f < p[(n * stride) + h])
                {
                    for (var i = 0; i < n; i++)
                    {
                        p[(i * stride) + h] = bvec[i];
                    }

                    p[(n * stride) + h] = f;
                }
                else if (vr >= vh)
                {
                    calcvert = true;
                    size = 0.0;
                    for (var j = 0; j < n1; j++)
                    {
                        if (j != l)
                        {
                            for (var i = 0; i < n; i++)
                            {
                                p[(i * stride) + j] = (0.5 * (p[(i * stride) + j] - p[(i * stride) + l])) + p[(i * stride) + l];
                                size += Math.Abs(p[(i * stride) + j] - p[(i * stride) + l]);
                            }
                        }
                    }

                    if (size < oldsize)
                    {
                        oldsize = size;
                    }
                    else
                    {
                        break;
                    }
                }
            }
        }
        while (funcount <= maxEvaluations);

        for (var i = 0; i < n; i++)
        {
            x[i] = p[(i * stride) + l];
        }

        evaluations = funcount;
        return p[(n * stride) + l];
    }
}
