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
        var fft = 30.0 * m * Math.Log2(m);
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

    /// <summary>The FFT estimator: autocovariance as the inverse transform of the periodogram of the zero-padded,
    /// centred series (Wiener–Khinchin).</summary>
    internal static double[] AutocorrelationFft(ReadOnlySpan<double> y, int maxLag)
    {
        var n = y.Length;
        var z = Centre(y);
        var result = new double[maxLag + 1];
        if (LoessVector.Dot(z, z) == 0)
        {
            Array.Fill(result, double.NaN);
            return result;
        }

        var m = FftLength(n, maxLag);
        var re = new double[m];
        var im = new double[m];
        z.CopyTo(re, 0);
        var (cos, sin) = Twiddles(m);
        Transform(re, im, cos, sin);
        for (var i = 0; i < m; i++)
        {
            re[i] = (re[i] * re[i]) + (im[i] * im[i]);
            im[i] = 0;
        }

        // The periodogram is real and even, so its inverse transform equals its forward transform divided by m.
        Transform(re, im, cos, sin);
        var c0 = re[0];
        result[0] = 1.0;
        for (var k = 1; k <= maxLag; k++)
        {
            result[k] = re[k] / c0;
        }

        return result;
    }

    /// <summary>cos and sin of 2πk/m for k &lt; m/2.</summary>
    private static (double[] Cos, double[] Sin) Twiddles(int m)
    {
        var half = m / 2;
        var cos = new double[half];
        var sin = new double[half];
        for (var k = 0; k < half; k++)
        {
            (sin[k], cos[k]) = Math.SinCos(2 * Math.PI * k / m);
        }

        return (cos, sin);
    }

    /// <summary>In-place forward DFT X_k = Σ x_t e^{−2πikt/m} of a power-of-two length (iterative radix-2
    /// Cooley–Tukey, decimation in time after a bit-reversal permutation).</summary>
    private static void Transform(double[] re, double[] im, double[] cos, double[] sin)
    {
        var m = re.Length;
        for (int i = 1, j = 0; i < m; i++)
        {
            var bit = m >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var length = 2; length <= m; length <<= 1)
        {
            var half = length >> 1;
            var stride = m / length;
            for (var start = 0; start < m; start += length)
            {
                for (var k = 0; k < half; k++)
                {
                    var wr = cos[k * stride];
                    var wi = -sin[k * stride];
                    var a = start + k;
                    var b = a + half;
                    var tr = (re[b] * wr) - (im[b] * wi);
                    var ti = (re[b] * wi) + (im[b] * wr);
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
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
