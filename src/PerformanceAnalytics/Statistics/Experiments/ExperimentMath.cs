using MathNet.Numerics;
using MathNet.Numerics.Distributions;

namespace PerformanceAnalytics.Statistics;

/// <summary>Distribution tails, quantiles and special functions used by <see cref="Experiments"/>.</summary>
internal static class ExperimentMath
{
    private const double HalfLogTwoPi = 0.91893853320467274178;

    /// <summary>Returns P(T &gt; t) for Student's t with <paramref name="degreesOfFreedom"/> degrees of freedom.</summary>
    /// <remarks>
    /// Uses P(|T| &gt; t) = I_x(ν/2, 1/2) with x = ν/(ν + t²) (Abramowitz &amp; Stegun 26.7.1), which keeps full relative
    /// precision in the far tail where 1 − CDF would cancel. The incomplete beta is evaluated here rather than by
    /// MathNet because its prefactor x^a(1 − x)^b/B(a, b) must be formed without cancellation when ν is large
    /// (Welch degrees of freedom run into the millions): a·ln x = −(ν/2)·log1p(t²/ν), 1 − x = t²/(ν + t²) exactly,
    /// and ln B by <see cref="LogBeta"/>. The continued fraction is DLMF 8.17.22 by the modified Lentz method, applied
    /// to I_x(a, b) or to 1 − I_{1−x}(b, a), whichever converges (x below or above (a + 1)/(a + b + 2)). Its cost grows
    /// like √ν, so where the Cornish–Fisher expansion is exact to double precision (large ν, see
    /// <see cref="CornishFisherIsExact"/>) the tail is instead P(Z &gt; z) with z solving t = CF(z; ν), a few polynomial
    /// Newton steps: O(1) and as accurate.
    /// </remarks>
    public static double StudentTUpperTail(double t, double degreesOfFreedom)
    {
        if (double.IsNaN(t) || double.IsNaN(degreesOfFreedom))
        {
            return double.NaN;
        }

        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return NormalUpperTail(t);
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 0 : 1;
        }

        var nu = degreesOfFreedom;
        if (CornishFisherIsExact(Math.Abs(t), nu))
        {
            // Invert t = CF(z; ν) for z by Newton on the polynomial; then P(T > |t|) = P(Z > z).
            var target = Math.Abs(t);
            var z = target * (1 - (((target * target) + 1) / (4 * nu)));
            for (var iteration = 0; iteration < 20; iteration++)
            {
                var step = (CornishFisher(z, nu) - target) / CornishFisherSlope(z, nu);
                z -= step;
                if (!(Math.Abs(step) > 1e-16 * Math.Abs(z)))
                {
                    break;
                }
            }

            return t >= 0 ? NormalUpperTail(z) : NormalUpperTail(-z);
        }

        var t2 = t * t;
        var a = nu / 2;
        const double B = 0.5;
        var x = nu / (nu + t2);
        var oneMinusX = t2 / (nu + t2);
        double twoTail;
        if (t2 == 0)
        {
            twoTail = 1;
        }
        else
        {
            // ln[x^a (1 − x)^b / B(a, b)]
            var logPrefactor = (-a * Log1P(t2 / nu)) + (B * Math.Log(oneMinusX)) - LogBeta(a, B);
            twoTail = x < (a + 1) / (a + B + 2)
                ? Math.Exp(logPrefactor) * BetaContinuedFraction(a, B, x) / a
                : 1 - (Math.Exp(logPrefactor) * BetaContinuedFraction(B, a, oneMinusX) / B);
        }

        return t >= 0 ? twoTail / 2 : 1 - (twoTail / 2);
    }

    /// <summary>
    /// Returns the regularized incomplete beta I_x(a, b), with x and 1 − x both supplied so that neither is formed by
    /// subtraction, and the prefactor x^a(1 − x)^b/B(a, b) taken in log space with <see cref="LogBeta"/>.
    /// </summary>
    public static double RegularizedBeta(double a, double b, double x, double oneMinusX)
    {
        if (x <= 0)
        {
            return 0;
        }

        if (oneMinusX <= 0)
        {
            return 1;
        }

        var logPrefactor = (a * Math.Log(x)) + (b * Math.Log(oneMinusX)) - LogBeta(a, b);
        return x < (a + 1) / (a + b + 2)
            ? Math.Exp(logPrefactor) * BetaContinuedFraction(a, b, x) / a
            : 1 - (Math.Exp(logPrefactor) * BetaContinuedFraction(b, a, oneMinusX) / b);
    }

    /// <summary>Returns P(Z &gt; z) for the standard normal, accurate in the far tail.</summary>
    public static double NormalUpperTail(double z) => 0.5 * SpecialFunctions.Erfc(z / Constants.Sqrt2);

    /// <summary>Returns the standard normal density.</summary>
    public static double NormalDensity(double z) => Math.Exp(-0.5 * z * z) / Constants.Sqrt2Pi;

    /// <summary>Returns the standard normal quantile Φ⁻¹(p).</summary>
    public static double NormalQuantile(double p) => Normal.InvCDF(0, 1, p);

    /// <summary>Returns the Student t quantile t such that P(T ≤ t) = <paramref name="p"/>, for 0.5 ≤ p &lt; 1.</summary>
    /// <remarks>
    /// The four-term Cornish–Fisher expansion about the normal quantile (Abramowitz &amp; Stegun 26.7.5) where it is exact to
    /// double precision (large ν); otherwise that expansion, or MathNet's inverse for ν &lt; 3, is polished with Newton steps
    /// on the exact tail <see cref="StudentTUpperTail"/> until the step is below a few ulps. (SciPy 1.10's <c>t.ppf</c> is
    /// only about 1e-9 accurate for fractional ν; the fixtures use 40-digit mpmath quantiles.)
    /// </remarks>
    public static double StudentTQuantile(double p, double degreesOfFreedom)
    {
        if (double.IsNaN(degreesOfFreedom))
        {
            return double.NaN;
        }

        var z = NormalQuantile(p);
        if (double.IsPositiveInfinity(degreesOfFreedom))
        {
            return z;
        }

        var nu = degreesOfFreedom;
        if (CornishFisherIsExact(z, nu))
        {
            return CornishFisher(z, nu);
        }

        var t = nu >= 3 ? CornishFisher(z, nu) : StudentT.InvCDF(0, 1, nu, p);
        var upper = 1 - p;
        var logNorm = -LogBeta(nu / 2, 0.5) - (0.5 * Math.Log(nu));
        for (var iteration = 0; iteration < 30; iteration++)
        {
            var density = Math.Exp(logNorm - ((nu + 1) / 2 * Log1P(t * t / nu)));
            var step = (StudentTUpperTail(t, nu) - upper) / density;
            t += step;
            if (!(Math.Abs(step) > 4e-16 * Math.Abs(t)))
            {
                break;
            }
        }

        return t;
    }

    /// <summary>
    /// Whether the four-term Cornish–Fisher expansion t = z + g₁(z)/ν + … + g₄(z)/ν⁴ (Abramowitz &amp; Stegun 26.7.5)
    /// is exact to about 1e-15 relative for this z and ν.
    /// </summary>
    /// <remarks>
    /// The truncation error behaves like c·z⁹/ν⁵; checked against 30-digit mpmath quantiles it is 1e-13 at ν = 1000,
    /// z = 3.9 and 2e-16 at ν = 1000, z = 1.64, which gives the bound ν ≥ 2600·max(0.3, (z/3.9)²) used here.
    /// </remarks>
    private static bool CornishFisherIsExact(double z, double nu) => nu >= 2600 * Math.Max(0.3, z * z / 15.21);

    private static double CornishFisher(double z, double nu)
    {
        var z2 = z * z;
        var g1 = z * (z2 + 1) / 4;
        var g2 = z * ((((5 * z2) + 16) * z2) + 3) / 96;
        var g3 = z * ((((((3 * z2) + 19) * z2) + 17) * z2) - 15) / 384;
        var g4 = z * ((((((((79 * z2) + 776) * z2) + 1482) * z2) - 1920) * z2) - 945) / 92160;
        return z + ((g1 + ((g2 + ((g3 + (g4 / nu)) / nu)) / nu)) / nu);
    }

    private static double CornishFisherSlope(double z, double nu)
    {
        var z2 = z * z;
        var d1 = ((3 * z2) + 1) / 4;
        var d2 = ((((25 * z2) + 48) * z2) + 3) / 96;
        var d3 = ((((((21 * z2) + 95) * z2) + 51) * z2) - 15) / 384;
        var d4 = ((((((((711 * z2) + 5432) * z2) + 7410) * z2) - 5760) * z2) - 945) / 92160;
        return 1 + ((d1 + ((d2 + ((d3 + (d4 / nu)) / nu)) / nu)) / nu);
    }

    /// <summary>Returns ln B(p, q), keeping absolute accuracy near 1e-16·max(p, q) for large arguments.</summary>
    /// <remarks>
    /// For arguments of 10 or more the Stirling series is used with the x·ln x parts grouped through
    /// the logarithm of 1 + ratio (log1p), so the large terms cancel analytically instead of
    /// numerically: ln B(s, x) = −(x − ½)·log1p(s/x) − s·log1p(x/s) − ½ ln s + ½ ln 2π + δ(s) + δ(x) − δ(s + x),
    /// with δ the Stirling remainder. Below 10 the Lanczos log-gamma of MathNet is exact enough.
    /// </remarks>
    public static double LogBeta(double p, double q)
    {
        var small = Math.Min(p, q);
        var large = Math.Max(p, q);
        if (large < 10)
        {
            return SpecialFunctions.GammaLn(small) + SpecialFunctions.GammaLn(large) - SpecialFunctions.GammaLn(small + large);
        }

        if (small < 10)
        {
            // ln Γ(large) − ln Γ(large + small) by Stirling, plus ln Γ(small).
            var difference = (-(large - 0.5) * Log1P(small / large)) - (small * Math.Log(large + small)) + small
                + StirlingRemainder(large) - StirlingRemainder(large + small);
            return SpecialFunctions.GammaLn(small) + difference;
        }

        return (-(large - 0.5) * Log1P(small / large)) - (small * Log1P(large / small)) - (0.5 * Math.Log(small))
            + HalfLogTwoPi + StirlingRemainder(small) + StirlingRemainder(large) - StirlingRemainder(small + large);
    }

    /// <summary>Returns ln(1 + x) without cancellation for small x.</summary>
    public static double Log1P(double x)
    {
        // Goldberg's trick: exact when 1 + x rounds, with the rounding error folded back in.
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    /// <summary>Returns eˣ − 1 without cancellation for small x.</summary>
    public static double ExpM1(double x) => Math.Abs(x) < 1e-5 ? x * (1 + (x / 2 * (1 + (x / 3)))) : Math.Exp(x) - 1;

    /// <summary>Returns expected losses (E[max(Δ, 0)], E[max(−Δ, 0)]) of a normal N(μ, σ²) effect.</summary>
    /// <remarks>
    /// E[max(Δ, 0)] = μΦ(μ/σ) + σφ(μ/σ) and E[max(−Δ, 0)] = −μΦ(−μ/σ) + σφ(μ/σ) (truncated-normal means).
    /// Beyond |μ/σ| &gt; 37 the smaller loss is below 1e-300·σ and is returned as 0, the larger as |μ|.
    /// </remarks>
    public static (double Control, double Treatment) Risk(double mean, double standardDeviation)
    {
        var z = mean / standardDeviation;
        if (z > 37)
        {
            return (mean, 0);
        }

        if (z < -37)
        {
            return (0, -mean);
        }

        var density = standardDeviation * NormalDensity(z);
        var control = (mean * NormalUpperTail(-z)) + density;
        var treatment = (-mean * NormalUpperTail(z)) + density;
        return (control, treatment);
    }

    private static double BetaContinuedFraction(double a, double b, double x)
    {
        // Modified Lentz evaluation of the continued fraction of I_x(a, b)·a·B(a, b)/(x^a (1 − x)^b) (DLMF 8.17.22).
        const double Tiny = 1e-300;
        const double Epsilon = 1e-16;
        var c = 1.0;
        var d = 1 - ((a + b) * x / (a + 1));
        if (Math.Abs(d) < Tiny)
        {
            d = Tiny;
        }

        d = 1 / d;
        var h = d;
        for (var m = 1; m <= 10000; m++)
        {
            var m2 = 2 * m;
            var even = m * (b - m) * x / ((a + m2 - 1) * (a + m2));
            d = 1 + (even * d);
            d = Math.Abs(d) < Tiny ? 1 / Tiny : 1 / d;
            c = 1 + (even / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            h *= d * c;
            var odd = -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1));
            d = 1 + (odd * d);
            d = Math.Abs(d) < Tiny ? 1 / Tiny : 1 / d;
            c = 1 + (odd / c);
            if (Math.Abs(c) < Tiny)
            {
                c = Tiny;
            }

            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                break;
            }
        }

        return h;
    }

    private static double StirlingRemainder(double x)
    {
        // δ(x) = ln Γ(x) − [(x − ½) ln x − x + ½ ln 2π], asymptotic series (A&S 6.1.41); error < 1e-16 for x ≥ 10.
        var inverse = 1 / x;
        var inverse2 = inverse * inverse;
        return inverse * ((1.0 / 12) - (inverse2 * ((1.0 / 360) - (inverse2 * ((1.0 / 1260) - (inverse2 * ((1.0 / 1680) - (inverse2 / 1188))))))));
    }
}
