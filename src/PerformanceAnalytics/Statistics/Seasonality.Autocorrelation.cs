using System.Numerics;
using MathNet.Numerics.IntegralTransforms;
using PerformanceAnalytics.Statistics.Internal;

namespace PerformanceAnalytics.Statistics;

public static partial class Seasonality
{
    /// <summary>
    /// Returns the sample autocorrelation function r₀ … r_maxLag, as statsmodels 0.13
    /// <c>acf(y, nlags=maxLag, adjusted=False)</c>: r_k = Σ_{t&lt;n−k} (y_t − ȳ)(y_{t+k} − ȳ) / Σ_t (y_t − ȳ)², so r₀ = 1.
    /// </summary>
    /// <param name="y">The series.</param>
    /// <param name="maxLag">The largest lag, 0 ≤ maxLag &lt; n.</param>
    /// <returns>
    /// maxLag + 1 autocorrelations; every value is NaN when the series is constant (zero variance).
    /// </returns>
    /// <exception cref="ArgumentException"><paramref name="y"/> contains NaN or an infinity.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="maxLag"/> is negative or not less than the length of <paramref name="y"/>.</exception>
    /// <remarks>
    /// The divisor is n at every lag (the biased, positive semi-definite estimator; Box &amp; Jenkins). Small problems use
    /// the direct O(n·maxLag) sums with vectorised inner products; large ones the Wiener–Khinchin route (zero-padded FFT
    /// of length ≥ n + maxLag, squared modulus, inverse FFT), O(m log m). Both agree with statsmodels to about 1e-15.
    /// </remarks>
    public static double[] Autocorrelation(ReadOnlySpan<double> y, int maxLag)
    {
        Guard.Finite(y, nameof(y));
        ArgumentOutOfRangeException.ThrowIfNegative(maxLag);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(maxLag, y.Length);
        return UseFft(y.Length, maxLag) ? AutocorrelationFft(y, maxLag) : AutocorrelationDirect(y, maxLag);
    }

    /// <summary>Chooses the FFT route when the direct sums would cost clearly more.</summary>
    internal static bool UseFft(int n, int maxLag)
    {
        if (maxLag < 32)
        {
            return false;
        }

        var m = FftLength(n, maxLag);
        var direct = (double)n * (maxLag + 1);
        var fft = 24.0 * m * Math.Log2(m);
        return direct > fft;
    }

    /// <summary>The direct O(n·maxLag) estimator.</summary>
    internal static double[] AutocorrelationDirect(ReadOnlySpan<double> y, int maxLag)
    {
        var n = y.Length;
        var z = Centre(y);
        var result = new double[maxLag + 1];
        var c0 = LoessVector.Dot(z, z);
        if (c0 == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        for (var k = 0; k <= maxLag; k++)
        {
            result[k] = LoessVector.Dot(z.AsSpan(0, n - k), z.AsSpan(k)) / c0;
        }

        return result;
    }

    /// <summary>The FFT estimator (autocovariance as the inverse transform of the periodogram).</summary>
    internal static double[] AutocorrelationFft(ReadOnlySpan<double> y, int maxLag)
    {
        var n = y.Length;
        var z = Centre(y);
        var result = new double[maxLag + 1];
        var m = FftLength(n, maxLag);
        var buffer = new Complex[m];
        for (var i = 0; i < n; i++)
        {
            buffer[i] = new Complex(z[i], 0);
        }

        Fourier.Forward(buffer, FourierOptions.Matlab);
        for (var i = 0; i < m; i++)
        {
            var c = buffer[i];
            buffer[i] = new Complex((c.Real * c.Real) + (c.Imaginary * c.Imaginary), 0);
        }

        Fourier.Inverse(buffer, FourierOptions.Matlab);
        var c0 = buffer[0].Real;
        if (!(c0 > 0) || LoessVector.Dot(z, z) == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        result[0] = 1.0;
        for (var k = 1; k <= maxLag; k++)
        {
            result[k] = buffer[k].Real / c0;
        }

        return result;
    }

    private static int FftLength(int n, int maxLag)
    {
        var m = 1;
        while (m < n + maxLag)
        {
            m <<= 1;
        }

        return m;
    }

    private static double[] Centre(ReadOnlySpan<double> y)
    {
        var n = y.Length;
        var mean = 0.0;
        foreach (var v in y)
        {
            mean += v;
        }

        mean /= n;

        // Second pass: correct the mean by the mean residual (as Descriptive does) before centring.
        var correction = 0.0;
        foreach (var v in y)
        {
            correction += v - mean;
        }

        mean += correction / n;
        var z = new double[n];
        for (var i = 0; i < n; i++)
        {
            z[i] = y[i] - mean;
        }

        return z;
    }
}
