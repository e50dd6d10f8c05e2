namespace PerformanceAnalytics.Statistics.Internal;

/// <summary>
/// The function R's <c>etsNelderMead</c> minimises (<c>EtsTargetFunction</c>): +∞ outside the bounds or the
/// admissible region or with a negative multiplicative seasonal state, otherwise the ETS criterion.
/// Buffers are allocated once per fit; an evaluation allocates nothing.
/// </summary>
internal ref struct EtsObjective : IOptimObjective
{
    private readonly ReadOnlySpan<double> _y;
    private readonly EtsModel _model;
    private readonly int _m;
    private readonly double _fixedAlpha;
    private readonly double _fixedBeta;
    private readonly double _fixedGamma;
    private readonly double _fixedPhi;
    private readonly bool _optAlpha;
    private readonly bool _optBeta;
    private readonly bool _optGamma;
    private readonly bool _optPhi;
    private readonly double _lowerAlpha;
    private readonly double _lowerBeta;
    private readonly double _lowerGamma;
    private readonly double _lowerPhi;
    private readonly double _upperAlpha;
    private readonly double _upperBeta;
    private readonly double _upperGamma;
    private readonly double _upperPhi;
    private readonly EtsCriterion _criterion;
    private readonly double[] _state;
    private readonly double[] _ring;
    private readonly int _firstSeasonal;

    public EtsObjective(
        ReadOnlySpan<double> y,
        EtsModel model,
        int m,
        double alpha,
        double beta,
        double gamma,
        double phi,
        bool optAlpha,
        bool optBeta,
        bool optGamma,
        bool optPhi,
        ReadOnlySpan<double> lower,
        ReadOnlySpan<double> upper,
        EtsCriterion criterion)
    {
        _y = y;
        _model = model;
        _m = m;
        _fixedAlpha = alpha;
        _fixedBeta = beta;
        _fixedGamma = gamma;
        _fixedPhi = phi;
        _optAlpha = optAlpha;
        _optBeta = optBeta;
        _optGamma = optGamma;
        _optPhi = optPhi;
        _lowerAlpha = lower[0];
        _lowerBeta = lower[1];
        _lowerGamma = lower[2];
        _lowerPhi = lower[3];
        _upperAlpha = upper[0];
        _upperBeta = upper[1];
        _upperGamma = upper[2];
        _upperPhi = upper[3];
        _criterion = criterion;
        var hasTrend = model.Trend != EtsTrend.None;
        _firstSeasonal = hasTrend ? 2 : 1;
        _state = new double[_firstSeasonal + (model.Seasonal == EtsSeasonal.None ? 0 : m)];
        _ring = new double[2 * m];
    }

    /// <summary>Whether the starting point is inside the bounds (R stops with "Parameters out of range" otherwise).</summary>
    public readonly bool ParametersValid(ReadOnlySpan<double> x)
    {
        Unpack(x, out var alpha, out var beta, out var gamma, out var phi);
        return CheckParameters(alpha, beta, gamma, phi);
    }

    /// <summary>Full state (ℓ, b?, s₁ … sₘ) from the free states, adding sₘ = m·[M] − Σ others.</summary>
    public readonly double[] BuildState(ReadOnlySpan<double> freeStates)
    {
        var full = new double[_state.Length];
        freeStates.CopyTo(full);
        if (_model.Seasonal != EtsSeasonal.None)
        {
            var sum = 0.0;
            for (var i = _firstSeasonal; i < freeStates.Length; i++)
            {
                sum += freeStates[i];
            }

            full[^1] = (_model.Seasonal == EtsSeasonal.Multiplicative ? _m : 0) - sum;
        }

        return full;
    }

    public readonly double Evaluate(ReadOnlySpan<double> x)
    {
        var k = Unpack(x, out var alpha, out var beta, out var gamma, out var phi);
        if (!CheckParameters(alpha, beta, gamma, phi))
        {
            return double.PositiveInfinity;
        }

        var free = x[k..];
        var state = _state.AsSpan();
        free.CopyTo(state);
        if (_model.Seasonal != EtsSeasonal.None)
        {
            var sum = 0.0;
            for (var i = _firstSeasonal; i < free.Length; i++)
            {
                sum += free[i];
            }

            var multiplicative = _model.Seasonal == EtsSeasonal.Multiplicative;
            state[^1] = (multiplicative ? _m : 0) - sum;
            if (multiplicative)
            {
                for (var i = _firstSeasonal; i < state.Length; i++)
                {
                    if (state[i] < 0)
                    {
                        return double.PositiveInfinity;
                    }
                }
            }
        }

        var sse = EtsEngine.Run(_y, _model, _m, alpha, beta, gamma, phi, state, _ring, default, default, out var logSum, out var raw);
        if (_criterion == EtsCriterion.MeanSquaredError)
        {
            var mse = raw / _y.Length;
            return double.IsNaN(mse) ? double.PositiveInfinity : mse;
        }

        return EtsEngine.Criterion(_y.Length, sse, logSum, _model.Error == EtsError.Multiplicative);
    }

    private readonly int Unpack(ReadOnlySpan<double> x, out double alpha, out double beta, out double gamma, out double phi)
    {
        var k = 0;
        alpha = _optAlpha ? x[k++] : _fixedAlpha;
        beta = _optBeta ? x[k++] : _fixedBeta;
        gamma = _optGamma ? x[k++] : _fixedGamma;
        phi = _optPhi ? x[k++] : _fixedPhi;
        return k;
    }

    private readonly bool CheckParameters(double alpha, double beta, double gamma, double phi)
    {
        if (_optAlpha && (alpha < _lowerAlpha || alpha > _upperAlpha))
        {
            return false;
        }

        if (_optBeta && (beta < _lowerBeta || beta > alpha || beta > _upperBeta))
        {
            return false;
        }

        if (_optPhi && (phi < _lowerPhi || phi > _upperPhi))
        {
            return false;
        }

        if (_optGamma && (gamma < _lowerGamma || gamma > 1 - alpha || gamma > _upperGamma))
        {
            return false;
        }

        var hasTrend = _model.Trend != EtsTrend.None;
        if (_model.Seasonal == EtsSeasonal.None)
        {
            // Non-seasonal admissible region (Hyndman et al. 2008, ch. 10).
            if (phi < 0 || phi > 1 + 1e-8 || alpha < 1 - (1 / phi) || alpha > 1 + (1 / phi))
            {
                return false;
            }

            return !hasTrend || (beta >= alpha * (phi - 1) && beta <= (1 + phi) * (2 - alpha));
        }

        return _m <= 1 || EtsEstimation.SeasonalAdmissible(alpha, hasTrend ? beta : 0, gamma, phi, _m);
    }
}
