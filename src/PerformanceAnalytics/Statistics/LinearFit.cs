namespace PerformanceAnalytics.Statistics;

/// <summary>A least-squares straight line y = Intercept + Slope · x with its standard errors and fit statistics.</summary>
/// <param name="Intercept">The fitted intercept.</param>
/// <param name="Slope">The fitted slope.</param>
/// <param name="InterceptStandardError">The standard error of the intercept.</param>
/// <param name="SlopeStandardError">The standard error of the slope.</param>
/// <param name="RSquared">The coefficient of determination, 1 − SSE/SST.</param>
/// <param name="ResidualStandardError">√(SSE/(n − 2)).</param>
/// <param name="SlopePValue">The two-sided p-value of the t test of a zero slope, n − 2 degrees of freedom.</param>
/// <param name="SampleSize">The number of points.</param>
public sealed record LinearFit(double Intercept, double Slope, double InterceptStandardError,
    double SlopeStandardError, double RSquared, double ResidualStandardError, double SlopePValue, int SampleSize);
