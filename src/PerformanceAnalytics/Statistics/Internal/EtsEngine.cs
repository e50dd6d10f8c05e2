namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// The ETS state-space recursions (Hyndman et al. 2008, tables 2.2–2.3, error-correction form) with
/// R <c>forecast</c>'s conventions: state vector (ℓ, b, s₁ … sₘ) with s₁ the most recent seasonal state,
/// the same level, trend and seasonal corrections as <c>etscalc</c> (guards against near-zero divisors
/// included), and the criterion n ln Σε² (+ 2 Σ ln|ŷ| for multiplicative errors).
/// </summary>
/// <remarks>
/// The loop is arranged for speed without changing the model: it carries q = ℓ + φb and φb, updated as
/// q' = q + φ·φb + (α + φβ)(p − q) and φb' = φ·φb + φβ(p − q), algebraically identical to R's
/// ℓ' = q + α(p − q), b' = φb + (β/α)(ℓ' − ℓ − φb), so the loop-carried dependency is one subtraction and one
/// fused multiply-add per step; Σ ln|ŷ| is accumulated from binary exponents and mantissas instead of a
/// logarithm per step.
/// Results agree with R to rounding (the fixtures check 1e-9 relative).
/// </remarks>
internal static class EtsEngine
{
    /// <summary>Guard against division by a (near) zero seasonal index or level (as R's <c>TOL</c>).</summary>
    private const double Tolerance = 1e-10;

    /// <summary>Value substituted for a ratio with a (near) zero denominator (as R's <c>HUGEN</c>).</summary>
    private const double Huge = 1e10;

    private const long MantissaMask = 0x000F_FFFF_FFFF_FFFFL;
    private const long ExponentOfOne = 0x3FF0_0000_0000_0000L;

    /// <summary>
    /// Runs the recursion over <paramref name="y"/> from <paramref name="initialState"/> and returns the sum of
    /// squared innovations; <paramref name="logAbsForecastSum"/> receives Σ ln|ŷₜ| and
    /// <paramref name="rawSquaredErrorSum"/> Σ (yₜ − ŷₜ)².
    /// </summary>
    /// <param name="y">Observations.</param>
    /// <param name="model">Model structure.</param>
    /// <param name="m">Seasonal period (ignored without seasonality).</param>
    /// <param name="alpha">α.</param>
    /// <param name="beta">β (ignored without trend).</param>
    /// <param name="gamma">γ (ignored without seasonality).</param>
    /// <param name="phi">φ (1 when undamped).</param>
    /// <param name="initialState">(ℓ₀, b₀?, s₁ … sₘ) in R's order.</param>
    /// <param name="ring">Scratch of length ≥ 2m for the seasonal states and their reciprocals.</param>
    /// <param name="residuals">Receives εₜ when not empty.</param>
    /// <param name="finalState">Receives the state after the last observation when not empty (same layout as <paramref name="initialState"/>).</param>
    /// <param name="logAbsForecastSum">Σ ln|ŷₜ| (only computed for multiplicative errors; 0 otherwise).</param>
    /// <param name="rawSquaredErrorSum">Σ (yₜ − ŷₜ)² for additive errors; NaN for multiplicative ones (not needed).</param>
    /// <returns>Σ εₜ².</returns>
    public static double Run(
        ReadOnlySpan<double> y,
        EtsModel model,
        int m,
        double alpha,
        double beta,
        double gamma,
        double phi,
        ReadOnlySpan<double> initialState,
        Span<double> ring,
        Span<double> residuals,
        Span<double> finalState,
        out double logAbsForecastSum,
        out double rawSquaredErrorSum)
    {
        var hasTrend = model.Trend != EtsTrend.None;
        var multError = model.Error == EtsError.Multiplicative;
        return (hasTrend, model.Seasonal, multError) switch
        {
            (false, EtsSeasonal.None, false) => Core<No, No, No, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (false, EtsSeasonal.None, true) => Core<No, No, No, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (true, EtsSeasonal.None, false) => Core<Yes, No, No, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (true, EtsSeasonal.None, true) => Core<Yes, No, No, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (false, EtsSeasonal.Additive, false) => Core<No, Yes, No, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (false, EtsSeasonal.Additive, true) => Core<No, Yes, No, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (true, EtsSeasonal.Additive, false) => Core<Yes, Yes, No, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (true, EtsSeasonal.Additive, true) => Core<Yes, Yes, No, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (false, EtsSeasonal.Multiplicative, false) => Core<No, No, Yes, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (false, EtsSeasonal.Multiplicative, true) => Core<No, No, Yes, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            (true, EtsSeasonal.Multiplicative, false) => Core<Yes, No, Yes, No>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
            _ => Core<Yes, No, Yes, Yes>(y, m, alpha, beta, gamma, phi, initialState, ring, residuals, finalState, out logAbsForecastSum, out rawSquaredErrorSum),
        };
    }

    /// <summary>
    /// The recursion, specialised per model structure through struct type arguments so the JIT removes the
    /// component switches from the loop (one tight loop per model class; no allocation).
    /// </summary>
    private static double Core<TTrend, TAddSeason, TMulSeason, TMulError>(
        ReadOnlySpan<double> y,
        int m,
        double alpha,
        double beta,
        double gamma,
        double phi,
        ReadOnlySpan<double> initialState,
        Span<double> ring,
        Span<double> residuals,
        Span<double> finalState,
        out double logAbsForecastSum,
        out double rawSquaredErrorSum)
        where TTrend : struct, IFlag
        where TAddSeason : struct, IFlag
        where TMulSeason : struct, IFlag
        where TMulError : struct, IFlag
    {
        var seasonal = TAddSeason.Value || TMulSeason.Value;
        var l = initialState[0];
        var phib = TTrend.Value ? phi * initialState[1] : 0.0;
        var phiBeta = phi * beta;
        var offset = TTrend.Value ? 2 : 1;
        if (!seasonal)
        {
            m = 1;
        }
        else
        {
            // ring[(head + k) % m] holds R's s[m − k] (k = 0 is the oldest state, used next).
            for (var j = 0; j < m; j++)
            {
                ring[m - 1 - j] = initialState[offset + j];
            }
        }

        // Reciprocals of the multiplicative seasonal states (second half of the scratch buffer).
        var inverse = TMulSeason.Value ? ring.Slice(m, m) : default;
        if (TMulSeason.Value)
        {
            for (var j = 0; j < m; j++)
            {
                inverse[j] = 1.0 / ring[j];
            }
        }

        // The one-step level-plus-trend forecast q = ℓ + φb is the loop-carried quantity:
        // q' = (q + φ·φb) + (α + φβ)(p − q), one fused multiply-add after p − q.
        var q = TTrend.Value ? l + phib : l;
        var qGain = alpha + phiBeta;
        var head = 0;
        var sse = 0.0;
        long exponentSum = 0;
        var mantissa = 1.0;
        var storeResiduals = !residuals.IsEmpty;
        for (var i = 0; i < y.Length; i++)
        {
            var yi = y[i];
            double f;
            double p;
            var s = 0.0;
            if (TAddSeason.Value)
            {
                s = ring[head];
                f = q + s;
                p = yi - s;
            }
            else if (TMulSeason.Value)
            {
                s = ring[head];
                f = q * s;

                // y / s through the stored reciprocal: one division fewer per step, none on the level's dependency chain.
                p = Math.Abs(s) < Tolerance ? Huge : yi * inverse[head];
            }
            else
            {
                f = q;
                p = yi;
            }

            var diff = yi - f;
            double e;
            if (TMulError.Value)
            {
                e = diff / f;

                // Σ ln|ŷ| without a logarithm per step: add the binary exponents and multiply the mantissas
                // (in [1, 2)), folding the mantissa product back every 512 steps so it cannot overflow.
                // No branch depends on the data, so the loop stays latency-bound on the level recursion.
                var bits = BitConverter.DoubleToInt64Bits(f);
                exponentSum += (bits >> 52) & 0x7FF;
                mantissa *= BitConverter.Int64BitsToDouble((bits & MantissaMask) | ExponentOfOne);
                if ((i & 511) == 511)
                {
                    var mb = BitConverter.DoubleToInt64Bits(mantissa);
                    exponentSum += ((mb >> 52) & 0x7FF) - 1023;
                    mantissa = BitConverter.Int64BitsToDouble((mb & MantissaMask) | ExponentOfOne);
                }
            }
            else
            {
                e = diff;
            }

            sse += e * e;
            if (storeResiduals)
            {
                residuals[i] = e;
            }

            // ℓ' − ℓ − φb = α(p − q), so b' = φb + β(p − q): the same update as R's φb + (β/α)(ℓ' − ℓ − φb).
            // The trend is carried as φb, (φb)' = φ·φb + φβ(p − q); ℓ' and (φb)' are off the critical path.
            var d = p - q;
            l = Math.FusedMultiplyAdd(alpha, d, q);
            double qNext;
            if (TTrend.Value)
            {
                var phiPhib = phi * phib;
                qNext = Math.FusedMultiplyAdd(qGain, d, q + phiPhib);
                phib = Math.FusedMultiplyAdd(phiBeta, d, phiPhib);
            }
            else
            {
                qNext = l;
            }

            if (seasonal)
            {
                var t = TAddSeason.Value ? yi - q : (Math.Abs(q) < Tolerance ? Huge : yi / q);
                var sNew = s + (gamma * (t - s));
                ring[head] = sNew;
                if (TMulSeason.Value)
                {
                    inverse[head] = 1.0 / sNew;
                }

                head++;
                if (head == m)
                {
                    head = 0;
                }
            }

            q = qNext;
        }

        logAbsForecastSum = TMulError.Value
            ? ((exponentSum - (1023L * y.Length)) * Math.Log(2.0)) + Math.Log(mantissa)
            : 0.0;
        // With additive errors ε = y − ŷ; the one-step MSE criterion is only used with them (R's ses, Theta).
        rawSquaredErrorSum = TMulError.Value ? double.NaN : sse;
        if (!finalState.IsEmpty)
        {
            finalState[0] = l;
            if (TTrend.Value)
            {
                finalState[1] = phib / phi;
            }

            if (seasonal)
            {
                for (var j = 0; j < m; j++)
                {
                    finalState[offset + j] = ring[(head + m - 1 - j) % m];
                }
            }
        }

        return sse;
    }

    /// <summary>R's criterion n ln Σε² (+ 2 Σ ln|ŷ|), +∞ when undefined and floored at −10¹⁰ (perfect fits).</summary>
    public static double Criterion(int n, double sse, double logAbsForecastSum, bool multiplicativeError)
    {
        var lik = n * Math.Log(sse);
        if (multiplicativeError)
        {
            lik += 2 * logAbsForecastSum;
        }

        if (double.IsNaN(lik))
        {
            return double.PositiveInfinity;
        }

        return lik < -1e10 ? -1e10 : lik;
    }

    /// <summary>Point forecasts from a state (R's <c>forecast</c>/<c>etsforecast</c>).</summary>
    public static void Forecast(ReadOnlySpan<double> state, EtsModel model, int m, double phi, Span<double> destination)
    {
        var hasTrend = model.Trend != EtsTrend.None;
        var offset = hasTrend ? 2 : 1;
        var l = state[0];
        var b = hasTrend ? state[1] : 0.0;
        var phistar = phi;
        for (var i = 0; i < destination.Length; i++)
        {
            var f = hasTrend ? l + (phistar * b) : l;
            if (model.Seasonal != EtsSeasonal.None)
            {
                // R: j = m − 1 − i (mod m) in the (s₁ … sₘ) layout.
                var j = m - 1 - (i % m);
                f = model.Seasonal == EtsSeasonal.Additive ? f + state[offset + j] : f * state[offset + j];
            }

            destination[i] = f;
            phistar += Math.Abs(phi - 1.0) < Tolerance ? 1.0 : Math.Pow(phi, i + 2);
        }
    }

    /// <summary>A compile-time boolean for specialising generic code.</summary>
    private interface IFlag
    {
        static abstract bool Value { get; }
    }

    private readonly struct Yes : IFlag
    {
        public static bool Value => true;
    }

    private readonly struct No : IFlag
    {
        public static bool Value => false;
    }
}
