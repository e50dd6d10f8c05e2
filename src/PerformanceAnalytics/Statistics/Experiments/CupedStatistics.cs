namespace PerformanceAnalytics.Statistics;

/// <summary>
/// Sufficient statistics for CUPED (regression adjustment on a pre-period covariate) in one arm: the
/// post-period metric y and the pre-period covariate x of each unit.
/// </summary>
/// <param name="Count">The number of units (n ≥ 0).</param>
/// <param name="Sum">Σy, the post-period metric.</param>
/// <param name="SumOfSquares">Σy².</param>
/// <param name="CovariateSum">Σx, the pre-period covariate (use 0 for units without pre-period data).</param>
/// <param name="CovariateSumOfSquares">Σx².</param>
/// <param name="CrossSum">Σx·y.</param>
/// <remarks>
/// CUPED (Deng, Xu, Kohavi &amp; Walker 2013) replaces y by y − θ·(x − x̄) with one θ for both arms,
/// estimated from the pooled data of the two arms as in GrowthBook and PostHog:
/// θ = Cov(y, x)/Var(x) over all units. See <see cref="Experiments.Frequentist(CupedStatistics, CupedStatistics, EffectScale, Alternative, double, double?)"/>.
/// </remarks>
public readonly record struct CupedStatistics(long Count, double Sum, double SumOfSquares,
    double CovariateSum, double CovariateSumOfSquares, double CrossSum)
{
    /// <summary>Computes the CUPED statistics of paired post-period values and pre-period covariates.</summary>
    /// <param name="values">The per-unit post-period metric.</param>
    /// <param name="covariates">The per-unit pre-period covariate, paired with <paramref name="values"/>.</param>
    /// <returns>The count and the five sums.</returns>
    /// <exception cref="ArgumentException">The spans differ in length or contain NaN or an infinity.</exception>
    public static CupedStatistics FromValues(ReadOnlySpan<double> values, ReadOnlySpan<double> covariates)
    {
        Guard.SameLength(values, covariates, nameof(covariates));
        Guard.Finite(values, nameof(values));
        Guard.Finite(covariates, nameof(covariates));
        double sy = 0, qy = 0, sx = 0, qx = 0, cross = 0;
        for (var i = 0; i < values.Length; i++)
        {
            var y = values[i];
            var x = covariates[i];
            sy += y;
            qy += y * y;
            sx += x;
            qx += x * x;
            cross += x * y;
        }

        return new CupedStatistics(values.Length, sy, qy, sx, qx, cross);
    }
}
