using MathNet.Numerics.Distributions;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

/// <summary>Least-squares regression (references: <c>scipy.stats.linregress</c>, statsmodels OLS, NIST StRD linear regression).</summary>
public static class Regression
{
    /// <summary>Fits y = a + b x by least squares.</summary>
    /// <param name="x">The predictor.</param>
    /// <param name="y">The response, paired with <paramref name="x"/>.</param>
    /// <returns>
    /// The fit. Intercept, slope and R² are NaN when n &lt; 2 or <paramref name="x"/> is constant (R² also when
    /// <paramref name="y"/> is constant); standard errors, residual standard error and p-value are NaN when n &lt; 3.
    /// </returns>
    /// <remarks>
    /// <para>
    /// Data are centred with the corrected two-pass means, b = Sxy/Sxx, a = ȳ − b x̄, and the residual sum of squares
    /// is summed from the residuals themselves rather than as Syy − b Sxy, which would cancel when R² is near 1
    /// (NIST Norris). SE(b) = √(SSE/(n − 2)/Sxx), SE(a) = √(SSE/(n − 2) (1/n + x̄²/Sxx)); the p-value is the two-sided
    /// t test of b = 0 with n − 2 degrees of freedom (<c>linregress</c>).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentException">The lengths differ, or a value is NaN or infinite.</exception>
    public static LinearFit SimpleLinear(ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        Guard.SameLength(x, y, nameof(y));
        Guard.Finite(x, nameof(x));
        Guard.Finite(y, nameof(y));
        var n = x.Length;
        if (n < 2)
        {
            return new LinearFit(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, n);
        }

        var m = PairedMoments.Compute(x, y, nameof(x), nameof(y));
        if (!(m.SumSquaresX > 0))
        {
            return new LinearFit(double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, n);
        }

        var slope = m.SumProducts / m.SumSquaresX;
        var intercept = m.MeanY - (slope * m.MeanX);
        var sse = 0.0;
        for (var i = 0; i < n; i++)
        {
            var e = (y[i] - m.MeanY) - (slope * (x[i] - m.MeanX));
            sse += e * e;
        }

        var rSquared = m.SumSquaresY > 0 ? Math.Max(0.0, 1.0 - (sse / m.SumSquaresY)) : double.NaN;
        if (n < 3)
        {
            return new LinearFit(intercept, slope, double.NaN, double.NaN, rSquared, double.NaN, double.NaN, n);
        }

        var df = n - 2.0;
        var sigma2 = sse / df;
        var slopeSe = Math.Sqrt(sigma2 / m.SumSquaresX);
        var interceptSe = Math.Sqrt(sigma2 * ((1.0 / n) + (m.MeanX * m.MeanX / m.SumSquaresX)));
        return new LinearFit(intercept, slope, interceptSe, slopeSe, rSquared, Math.Sqrt(sigma2), TwoSidedT(slope, slopeSe, df), n);
    }

    /// <summary>Fits y = b₀ + b₁x₁ + … + b_k x_k (or without b₀) by ordinary least squares through a Householder QR decomposition.</summary>
    /// <param name="predictors">The predictors, one array of n values per predictor (columns of the design matrix).</param>
    /// <param name="y">The response, n values.</param>
    /// <param name="includeIntercept">Whether to fit an intercept b₀ (a column of ones placed first).</param>
    /// <returns>
    /// The fit, coefficients in order (intercept first when fitted). Every value is NaN when the design is rank
    /// deficient (a predictor is, to working precision, a linear combination of the others) or n &lt; p. Standard
    /// errors, p-values, residual standard error, adjusted R² and F are NaN when n = p; F is NaN when there are no
    /// predictors besides the intercept.
    /// </returns>
    /// <remarks>
    /// <para>
    /// The normal equations are never formed: their condition number is the square of the design's, which loses
    /// every digit on NIST Filip and Wampler5. Columns are scaled by powers of two (exactly), reduced by Householder
    /// reflections (Golub &amp; Van Loan 2013, Alg. 5.2.1), b solves R b = Qᵀy, and b and the residuals are then refined
    /// on the augmented system with double-double residuals (Björck 1967), which removes the κ(X)² error term of
    /// large-residual problems (Wampler4–5). SSE = ‖y − Xb‖², Cov(b) = σ̂² R⁻¹R⁻ᵀ with σ̂² = SSE/(n − p).
    /// </para>
    /// <para>
    /// With an intercept, R² = 1 − SSE/Σ(y − ȳ)² and F = ((SST − SSE)/(p − 1))/(SSE/(n − p)); without one, both use the
    /// uncentred total Σy² and p model degrees of freedom (NIST NoInt1/NoInt2, statsmodels).
    /// </para>
    /// </remarks>
    /// <exception cref="ArgumentNullException"><paramref name="predictors"/> or one of its arrays is null.</exception>
    /// <exception cref="ArgumentException">A predictor's length differs from <paramref name="y"/>'s, or a value is NaN or infinite.</exception>
    public static MultipleLinearFit OrdinaryLeastSquares(IReadOnlyList<double[]> predictors, ReadOnlySpan<double> y, bool includeIntercept = true)
    {
        ArgumentNullException.ThrowIfNull(predictors);
        Guard.Finite(y, nameof(y));
        var n = y.Length;
        for (var j = 0; j < predictors.Count; j++)
        {
            var column = predictors[j] ?? throw new ArgumentNullException(nameof(predictors), $"Predictor {j} is null.");
            if (column.Length != n)
            {
                throw new ArgumentException($"Predictor {j} has {column.Length} values but y has {n}.", nameof(predictors));
            }

            Guard.Finite(column, nameof(predictors));
        }

        var offset = includeIntercept ? 1 : 0;
        var p = predictors.Count + offset;
        if (p == 0 || n < p)
        {
            return Undefined(p, n);
        }

        var columns = new double[p][];
        if (includeIntercept)
        {
            columns[0] = new double[n];
            Array.Fill(columns[0], 1.0);
        }

        for (var j = 0; j < predictors.Count; j++)
        {
            columns[j + offset] = (double[])predictors[j].Clone();
        }

        var solution = HouseholderLeastSquares.Solve(columns, y);
        if (double.IsNaN(solution.ResidualSumOfSquares))
        {
            return Undefined(p, n);
        }

        var coefficients = solution.Coefficients;
        var covariance = solution.UnscaledCovariance;
        var variances = new double[p];
        for (var j = 0; j < p; j++)
        {
            variances[j] = covariance[(j * p) + j];
        }

        var sse = solution.ResidualSumOfSquares;
        double sst;
        if (includeIntercept)
        {
            var mean = Descriptive.MeanCore(y);
            sst = Descriptive.SumOfSquaredDeviations(y, mean);
        }
        else
        {
            sst = 0;
            foreach (var v in y)
            {
                sst += v * v;
            }
        }

        var rSquared = sst > 0 ? 1.0 - (sse / sst) : double.NaN;
        var dfResidual = n - p;
        var dfModel = p - offset;
        var standardErrors = new double[p];
        var pValues = new double[p];
        double sigma, adjusted, f, fp;
        if (dfResidual > 0)
        {
            var sigma2 = sse / dfResidual;
            sigma = Math.Sqrt(sigma2);
            for (var j = 0; j < p; j++)
            {
                standardErrors[j] = Math.Sqrt(sigma2 * variances[j]);
                pValues[j] = TwoSidedT(coefficients[j], standardErrors[j], dfResidual);
            }

            adjusted = 1.0 - ((n - offset) / (double)dfResidual * (1.0 - rSquared));
            if (dfModel > 0)
            {
                f = (sst - sse) / dfModel / sigma2;
                fp = UpperF(f, dfModel, dfResidual);
            }
            else
            {
                f = double.NaN;
                fp = double.NaN;
            }
        }
        else
        {
            Array.Fill(standardErrors, double.NaN);
            Array.Fill(pValues, double.NaN);
            sigma = double.NaN;
            adjusted = double.NaN;
            f = double.NaN;
            fp = double.NaN;
        }

        return new MultipleLinearFit(coefficients, standardErrors, pValues, rSquared, adjusted, sigma, f, fp, n);
    }

    private static MultipleLinearFit Undefined(int p, int n)
    {
        var nan = new double[p];
        Array.Fill(nan, double.NaN);
        return new MultipleLinearFit(nan, (double[])nan.Clone(), (double[])nan.Clone(), double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, n);
    }

    /// <summary>Two-sided p-value of estimate/standardError under Student's t with df degrees of freedom.</summary>
    internal static double TwoSidedT(double estimate, double standardError, double df)
    {
        var t = estimate / standardError;
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        return double.IsInfinity(t) ? 0.0 : 2.0 * StudentT.CDF(0, 1, df, -Math.Abs(t));
    }

    /// <summary>P(F ≥ f) for the F distribution, through the regularized incomplete beta function for accuracy in the tail.</summary>
    internal static double UpperF(double f, double df1, double df2)
    {
        if (double.IsNaN(f))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(f))
        {
            return 0.0;
        }

        // P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2).
        return MathNet.Numerics.SpecialFunctions.BetaRegularized(df2 / 2.0, df1 / 2.0, df2 / (df2 + (df1 * f)));
    }
}
