namespace PerformanceAnalytics.Statistics;

public static partial class Experiments
{
    private static void ValidateCuped(CupedStatistics statistics, string paramName)
    {
        ArmMoments.ValidateCount(statistics.Count, paramName);
        ArmMoments.ValidateFinite(statistics.Sum, paramName);
        ArmMoments.ValidateSquares(statistics.SumOfSquares, paramName);
        ArmMoments.ValidateFinite(statistics.CovariateSum, paramName);
        ArmMoments.ValidateSquares(statistics.CovariateSumOfSquares, paramName);
        ArmMoments.ValidateFinite(statistics.CrossSum, paramName);
    }

    private static double PooledTheta(CupedStatistics a, CupedStatistics b)
    {
        double n = a.Count + b.Count;
        if (n < 2)
        {
            return double.NaN;
        }

        var sumY = a.Sum + b.Sum;
        var sumX = a.CovariateSum + b.CovariateSum;
        var varianceX = (a.CovariateSumOfSquares + b.CovariateSumOfSquares - (sumX * sumX / n)) / (n - 1);
        var covariance = (a.CrossSum + b.CrossSum - (sumX * sumY / n)) / (n - 1);
        return varianceX > 0 ? covariance / varianceX : 0;
    }

    private static Contrast CupedContrast(CupedStatistics a, CupedStatistics b, EffectScale scale)
    {
        if (a.Count < 2 || b.Count < 2)
        {
            return new Contrast(double.NaN, double.NaN, double.NaN);
        }

        var theta = PooledTheta(a, b);
        var armA = CupedArm.From(a, theta);
        var armB = CupedArm.From(b, theta);
        var degreesOfFreedom = ArmMoments.WelchDegreesOfFreedom(armA.AdjustedVariance, a.Count, armB.AdjustedVariance, b.Count);
        var difference = armB.AdjustedMean - armA.AdjustedMean;
        if (scale == EffectScale.Absolute)
        {
            return new Contrast(difference, (armB.AdjustedVariance / b.Count) + (armA.AdjustedVariance / a.Count), degreesOfFreedom);
        }

        var meanA = armA.MeanY;
        if (meanA == 0)
        {
            return new Contrast(double.NaN, double.NaN, double.NaN);
        }

        var meanA2 = meanA * meanA;
        var ratio = armB.MeanY / meanA;
        var controlTerm = (armA.VarianceY * ratio * ratio) - (2 * theta * armA.Covariance * ratio) + (theta * theta * armA.VarianceX);
        var variance = (armB.AdjustedVariance / (b.Count * meanA2)) + (Math.Max(0, controlTerm) / (a.Count * meanA2));
        return new Contrast(difference / Math.Abs(meanA), variance, degreesOfFreedom);
    }

    private readonly record struct CupedArm(double MeanY, double VarianceY, double VarianceX, double Covariance, double AdjustedMean, double AdjustedVariance)
    {
        public static CupedArm From(CupedStatistics s, double theta)
        {
            double n = s.Count;
            var meanY = s.Sum / n;
            var meanX = s.CovariateSum / n;
            var varianceY = Math.Max(0, (s.SumOfSquares - (s.Sum * meanY)) / (n - 1));
            var varianceX = Math.Max(0, (s.CovariateSumOfSquares - (s.CovariateSum * meanX)) / (n - 1));
            var covariance = (s.CrossSum - (s.CovariateSum * meanY)) / (n - 1);
            var adjustedVariance = Math.Max(0, varianceY + (theta * theta * varianceX) - (2 * theta * covariance));
            return new CupedArm(meanY, varianceY, varianceX, covariance, meanY - (theta * meanX), adjustedVariance);
        }
    }
}
