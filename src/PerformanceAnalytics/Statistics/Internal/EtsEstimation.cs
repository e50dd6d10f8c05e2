namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>What the optimiser minimises (R's <c>opt.crit</c>).</summary>
internal enum EtsCriterion
{
    /// <summary>n ln Σε² (+ 2 Σ ln|ŷ|): minus twice the concentrated log-likelihood.</summary>
    Likelihood,

    /// <summary>Mean squared one-step error (used by R's <c>ses</c>, hence by the Theta method).</summary>
    MeanSquaredError,
}

/// <summary>An ETS model fitted to data (internal form, with the states needed for forecasting).</summary>
internal sealed class EtsEstimate
{
    public required EtsModel Model { get; init; }

    public required int Period { get; init; }

    public required double Alpha { get; init; }

    public required double Beta { get; init; }

    public required double Gamma { get; init; }

    public required double Phi { get; init; }

    /// <summary>Full initial state (ℓ, b?, s₁ … sₘ), including the seasonal state implied by normalisation.</summary>
    public required double[] InitialState { get; init; }

    public required double[] FinalState { get; init; }

    public required double Likelihood { get; init; }

    public required double Aic { get; init; }

    public required double Aicc { get; init; }

    public required double Bic { get; init; }

    public required double Sigma2 { get; init; }

    public required int SampleSize { get; init; }

    public required int FreeStateCount { get; init; }

    public EtsFit ToPublic()
    {
        var hasTrend = Model.Trend != EtsTrend.None;
        var seasonal = Model.Seasonal != EtsSeasonal.None;
        return new EtsFit(
            Model,
            Alpha,
            hasTrend ? Beta : double.NaN,
            seasonal ? Gamma : double.NaN,
            hasTrend ? Phi : double.NaN,
            InitialState.ToArray(),
            -0.5 * Likelihood,
            Aic,
            Aicc,
            Bic,
            Sigma2,
            SampleSize,
            Period);
    }
}

/// <summary>
/// Maximum-likelihood estimation of an ETS model as R's <c>forecast:::etsmodel</c> (8.20) does it: starting
/// values from <c>initparam</c>/<c>initstate</c>, Nelder–Mead over (α, β, γ, φ, ℓ₀, b₀, s₀ … s₋ₘ₊₂) with the
/// "both" bounds (usual region α, β, γ ∈ [10⁻⁴, 0.9999], β ≤ α, γ ≤ 1 − α, φ ∈ [0.8, 0.98], intersected with the
/// admissible region of Hyndman, Akram and Archibald 2008), reltol √ε, at most 2000 evaluations.
/// </summary>
internal static class EtsEstimation
{
    public const double LowerSmoothing = 1e-4;
    public const double UpperSmoothing = 0.9999;
    public const double LowerPhi = 0.8;
    public const double UpperPhi = 0.98;

    /// <summary>R's default reltol, √(machine ε).</summary>
    public const double RelativeTolerance = 1.4901161193847656e-08;

    /// <summary>Fits <paramref name="model"/>; returns <see langword="null"/> when R would not fit it (too many parameters, infeasible start).</summary>
    public static EtsEstimate? Fit(ReadOnlySpan<double> y, int period, EtsModel model, EtsCriterion criterion = EtsCriterion.Likelihood, int maxEvaluations = 2000)
    {
        var m = model.Seasonal == EtsSeasonal.None ? 1 : period;
        var n = y.Length;
        var hasTrend = model.Trend != EtsTrend.None;
        var damped = model.Trend == EtsTrend.AdditiveDamped;
        var seasonal = model.Seasonal != EtsSeasonal.None;

        // Bounds (lower/upper for α, β, γ, φ), tightened by fixed values as etsmodel does.
        Span<double> lower = [LowerSmoothing, LowerSmoothing, LowerSmoothing, LowerPhi];
        Span<double> upper = [UpperSmoothing, UpperSmoothing, UpperSmoothing, UpperPhi];
        if (model.Alpha is { } fa)
        {
            upper[1] = Math.Min(fa, upper[1]);
            upper[2] = Math.Min(1 - fa, upper[2]);
        }

        if (hasTrend && model.Beta is { } fb)
        {
            lower[0] = Math.Max(fb, lower[0]);
        }

        if (seasonal && model.Gamma is { } fg)
        {
            upper[0] = Math.Min(1 - fg, upper[0]);
        }

        // initparam
        var optAlpha = model.Alpha is null;
        var optBeta = hasTrend && model.Beta is null;
        var optGamma = seasonal && model.Gamma is null;
        var optPhi = damped && model.Phi is null;
        var alpha = model.Alpha ?? lower[0] + (0.2 * (upper[0] - lower[0]) / m);
        if (optAlpha && (alpha > 1 || alpha < 0))
        {
            alpha = lower[0] + 2e-3;
        }

        var beta = 0.0;
        if (hasTrend)
        {
            if (optBeta)
            {
                var ub = Math.Min(upper[1], alpha);
                beta = lower[1] + (0.1 * (ub - lower[1]));
                if (beta < 0 || beta > alpha)
                {
                    beta = alpha - 1e-3;
                }
            }
            else
            {
                beta = model.Beta!.Value;
            }
        }

        var gamma = 0.0;
        if (seasonal)
        {
            if (optGamma)
            {
                var ug = Math.Min(upper[2], 1 - alpha);
                gamma = lower[2] + (0.05 * (ug - lower[2]));
                if (gamma < 0 || gamma > 1 - alpha)
                {
                    gamma = 1 - alpha - 1e-3;
                }
            }
            else
            {
                gamma = model.Gamma!.Value;
            }
        }

        var phi = 1.0;
        if (damped)
        {
            if (optPhi)
            {
                phi = lower[3] + (0.99 * (upper[3] - lower[3]));
                if (phi < 0 || phi > 1)
                {
                    phi = upper[3] - 1e-3;
                }
            }
            else
            {
                phi = model.Phi!.Value;
            }
        }

        var states = EtsInitialization.InitialStates(y, model, m);
        var nOpt = (optAlpha ? 1 : 0) + (optBeta ? 1 : 0) + (optGamma ? 1 : 0) + (optPhi ? 1 : 0);
        var np = nOpt + states.Length;
        if (np >= n - 1)
        {
            return null;
        }

        var par = new double[np];
        var k = 0;
        if (optAlpha)
        {
            par[k++] = alpha;
        }

        if (optBeta)
        {
            par[k++] = beta;
        }

        if (optGamma)
        {
            par[k++] = gamma;
        }

        if (optPhi)
        {
            par[k++] = phi;
        }

        states.CopyTo(par, k);
        var objective = new EtsObjective(y, model, m, alpha, beta, gamma, phi, optAlpha, optBeta, optGamma, optPhi, lower, upper, criterion);
        if (!objective.ParametersValid(par))
        {
            return null;
        }

        var value = OptimNelderMead.Minimize(ref objective, par, RelativeTolerance, maxEvaluations, out _);
        if (!double.IsFinite(value))
        {
            return null;
        }

        k = 0;
        if (optAlpha)
        {
            alpha = par[k++];
        }

        if (optBeta)
        {
            beta = par[k++];
        }

        if (optGamma)
        {
            gamma = par[k++];
        }

        if (optPhi)
        {
            phi = par[k++];
        }

        var fullState = objective.BuildState(par.AsSpan(k));
        return Evaluate(y, model, period, alpha, beta, gamma, phi, fullState, states.Length, nOpt);
    }

    /// <summary>
    /// Runs the model with given parameters and full initial state and computes the criteria as
    /// <c>etsmodel</c> does (k = estimated parameters + free states + 1).
    /// </summary>
    public static EtsEstimate Evaluate(ReadOnlySpan<double> y, EtsModel model, int period, double alpha, double beta, double gamma, double phi, double[] fullState, int freeStates, int estimatedParameters)
    {
        var m = model.Seasonal == EtsSeasonal.None ? 1 : period;
        var n = y.Length;
        var hasTrend = model.Trend != EtsTrend.None;
        if (model.Trend != EtsTrend.AdditiveDamped)
        {
            phi = 1.0;
        }

        var ring = new double[2 * m];
        var final = new double[fullState.Length];
        var sse = EtsEngine.Run(y, model, m, alpha, hasTrend ? beta : 0, gamma, phi, fullState, ring, default, final, out var logSum, out _);
        var lik = EtsEngine.Criterion(n, sse, logSum, model.Error == EtsError.Multiplicative);
        var k = estimatedParameters + freeStates + 1;
        var aic = lik + (2.0 * k);
        var bic = lik + (Math.Log(n) * k);
        var aicc = n - k - 1 > 0 ? aic + (2.0 * k * (k + 1) / (n - k - 1)) : double.PositiveInfinity;
        var allParameters = 1 + (hasTrend ? 1 : 0) + (model.Seasonal != EtsSeasonal.None ? 1 : 0) + (model.Trend == EtsTrend.AdditiveDamped ? 1 : 0);
        var sigma2 = sse / (n - (allParameters + freeStates));
        return new EtsEstimate
        {
            Model = model,
            Period = m,
            Alpha = alpha,
            Beta = hasTrend ? beta : double.NaN,
            Gamma = model.Seasonal != EtsSeasonal.None ? gamma : double.NaN,
            Phi = hasTrend ? phi : double.NaN,
            InitialState = fullState,
            FinalState = final,
            Likelihood = lik,
            Aic = aic,
            Aicc = aicc,
            Bic = bic,
            Sigma2 = sigma2,
            SampleSize = n,
            FreeStateCount = freeStates,
        };
    }

    /// <summary>
    /// Admissibility of a seasonal model (Hyndman, Akram and Archibald 2008): the easy inequalities of R's
    /// <c>admissible()</c>, then every root of the characteristic polynomial within 1 + 10⁻¹⁰ of the unit circle,
    /// checked by the Schur–Cohn step-down recursion (no root finding, no allocation).
    /// </summary>
    public static bool SeasonalAdmissible(double alpha, double beta, double gamma, double phi, int m)
    {
        if (phi < 0 || phi > 1 + 1e-8)
        {
            return false;
        }

        var d = 1 - (1 / phi) - alpha;
        if (gamma < Math.Max(d, 0) || gamma > 1 + (1 / phi) - alpha)
        {
            return false;
        }

        if (alpha < 1 - (1 / phi) - (gamma * (1 - m + phi + (phi * m)) / (2 * phi * m)))
        {
            return false;
        }

        if (beta < -(1 - phi) * ((gamma / m) + alpha))
        {
            return false;
        }

        // P(z) = φ(1 − α − γ) + (α + β − αφ + γ − 1) z + (α + β − αφ)(z² + … + z^(m−1)) + (α + β − φ) z^m + z^(m+1).
        var degree = m + 1;
        Span<double> a = stackalloc double[degree + 1];
        a[0] = phi * (1 - alpha - gamma);
        a[1] = alpha + beta - (alpha * phi) + gamma - 1;
        for (var j = 2; j < m; j++)
        {
            a[j] = alpha + beta - (alpha * phi);
        }

        a[m] = alpha + beta - phi;
        a[m + 1] = 1;

        // Roots |z| ≤ r (r = 1 + 10⁻¹⁰) ⇔ roots of P(r w) in |w| ≤ 1; test strict |w| < 1 on the scaled polynomial.
        const double r = 1 + 1e-10;
        var scale = 1.0;
        for (var j = 0; j <= degree; j++)
        {
            a[j] *= scale;
            scale *= r;
        }

        Span<double> next = stackalloc double[degree + 1];
        for (var deg = degree; deg >= 1; deg--)
        {
            var k = a[0] / a[deg];
            if (!(Math.Abs(k) < 1))
            {
                return false;
            }

            // q(z) = (P(z) − k z^deg P(1/z)) / z has degree deg − 1 and the same number of roots inside the circle.
            for (var j = 0; j < deg; j++)
            {
                next[j] = a[j + 1] - (k * a[deg - 1 - j]);
            }

            next[..deg].CopyTo(a);
        }

        return true;
    }
}
