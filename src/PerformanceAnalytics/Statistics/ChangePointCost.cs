namespace PerformanceAnalytics.Statistics;

/// <summary>The segment cost that a change-point search minimises: which parameters may change between segments.</summary>
/// <remarks>
/// Both costs are, up to terms that do not depend on the segmentation, twice the negative maximised Gaussian
/// log-likelihood of a segment, so the penalised sum is a penalised likelihood (Killick, Fearnhead &amp; Eckley 2012).
/// </remarks>
public enum ChangePointCost
{
    /// <summary>
    /// Changes in the mean at a common variance: the cost of a segment is its sum of squared deviations
    /// Σ (y − ȳ_segment)². The penalty is therefore in units of y².
    /// </summary>
    Mean = 0,

    /// <summary>
    /// Changes in mean and variance together: the cost of a segment of length m is m · ln(σ̂² + ε), with
    /// σ̂² = SSE / m the maximum-likelihood variance of the segment and ε a small floor (see
    /// <see cref="ChangePoints"/>) that keeps a constant segment finite. The penalty is dimensionless.
    /// </summary>
    MeanVariance = 1,
}
