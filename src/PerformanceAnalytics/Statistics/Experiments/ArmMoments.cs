namespace PerformanceAnalytics.Statistics;

/// <summary>One arm reduced to its unit count, metric mean and per-unit variance.</summary>
internal readonly record struct ArmMoments(long Count, double Mean, double Variance)
{
    public static ArmMoments From(SampleStatistics statistics, string paramName)
    {
        ValidateCount(statistics.Count, paramName);
        ValidateFinite(statistics.Sum, paramName);
        ValidateSquares(statistics.SumOfSquares, paramName);
        return new ArmMoments(statistics.Count, statistics.Mean, statistics.Variance);
    }

    public static ArmMoments From(ProportionStatistics statistics, string paramName)
    {
        ValidateProportion(statistics, paramName);
        var rate = statistics.Rate;
        return new ArmMoments(statistics.Count, rate, rate * (1 - rate));
    }

    public static ArmMoments From(RatioStatistics statistics, string paramName)
    {
        ValidateCount(statistics.Count, paramName);
        ValidateFinite(statistics.NumeratorSum, paramName);
        ValidateSquares(statistics.NumeratorSumOfSquares, paramName);
        ValidateFinite(statistics.DenominatorSum, paramName);
        ValidateSquares(statistics.DenominatorSumOfSquares, paramName);
        ValidateFinite(statistics.CrossSum, paramName);
        var n = statistics.Count;
        if (n < 2)
        {
            return new ArmMoments(n, double.NaN, double.NaN);
        }

        var meanM = statistics.NumeratorSum / n;
        var meanD = statistics.DenominatorSum / n;
        var varianceM = Math.Max(0, (statistics.NumeratorSumOfSquares - (statistics.NumeratorSum * meanM)) / (n - 1));
        var varianceD = Math.Max(0, (statistics.DenominatorSumOfSquares - (statistics.DenominatorSum * meanD)) / (n - 1));
        var covariance = (statistics.CrossSum - (statistics.NumeratorSum * meanD)) / (n - 1);
        if (meanD == 0)
        {
            return new ArmMoments(n, double.NaN, double.NaN);
        }

        // Delta method for R = m̄/d̄ (per unit): ∇ = (1/d̄, −m̄/d̄²).
        var ratio = meanM / meanD;
        var variance = (varianceM / (meanD * meanD)) + (ratio * ratio * varianceD / (meanD * meanD))
            - (2 * ratio * covariance / (meanD * meanD));
        return new ArmMoments(n, ratio, Math.Max(0, variance));
    }

    /// <summary>Combines two arms into the effect, its variance and the Welch–Satterthwaite degrees of freedom.</summary>
    public static Contrast Contrast(ArmMoments a, ArmMoments b, EffectScale scale)
    {
        if (a.Count < 2 || b.Count < 2 || double.IsNaN(a.Mean) || double.IsNaN(b.Mean))
        {
            return new Contrast(double.NaN, double.NaN, double.NaN);
        }

        var degreesOfFreedom = WelchDegreesOfFreedom(a.Variance, a.Count, b.Variance, b.Count);
        if (scale == EffectScale.Absolute)
        {
            return new Contrast(b.Mean - a.Mean, (b.Variance / b.Count) + (a.Variance / a.Count), degreesOfFreedom);
        }

        if (a.Mean == 0)
        {
            return new Contrast(double.NaN, double.NaN, double.NaN);
        }

        // Delta method for (x̄_B − x̄_A)/|x̄_A| with independent arms: ∇ = (−x̄_B/(x̄_A·|x̄_A|), 1/|x̄_A|).
        var meanA2 = a.Mean * a.Mean;
        var variance = (b.Variance / (meanA2 * b.Count)) + (a.Variance * b.Mean * b.Mean / (meanA2 * meanA2 * a.Count));
        return new Contrast((b.Mean - a.Mean) / Math.Abs(a.Mean), variance, degreesOfFreedom);
    }

    public static double WelchDegreesOfFreedom(double varianceA, long countA, double varianceB, long countB)
    {
        var va = varianceA / countA;
        var vb = varianceB / countB;
        return (va + vb) * (va + vb) / ((va * va / (countA - 1)) + (vb * vb / (countB - 1)));
    }

    public static void ValidateCount(long count, string paramName)
    {
        if (count < 0)
        {
            throw new ArgumentException($"The count {count} is negative.", paramName);
        }
    }

    public static void ValidateFinite(double value, string paramName)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"The sum {value} is not finite.", paramName);
        }
    }

    public static void ValidateSquares(double value, string paramName)
    {
        if (!(value >= 0) || double.IsPositiveInfinity(value))
        {
            throw new ArgumentException($"The sum of squares {value} must be finite and non-negative.", paramName);
        }
    }

    public static void ValidateProportion(ProportionStatistics statistics, string paramName)
    {
        ValidateCount(statistics.Count, paramName);
        if (statistics.Successes < 0)
        {
            throw new ArgumentException($"The number of successes {statistics.Successes} is negative.", paramName);
        }

        if (statistics.Successes > statistics.Count)
        {
            throw new ArgumentException($"The number of successes {statistics.Successes} exceeds the count {statistics.Count}.", paramName);
        }
    }
}
