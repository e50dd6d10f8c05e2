namespace PerformanceAnalytics.Statistics;

/// <summary>The outcome of an anomaly detector: which points are anomalous and how far every point lies from normal.</summary>
/// <param name="Indices">The positions of the anomalous points in the input, ascending.</param>
/// <param name="Scores">
/// One signed score per input point, aligned with the input: the point's deviation from the detector's centre in
/// units of its scale (the detector's documentation says which centre and scale). A fresh array the caller owns.
/// </param>
public sealed record AnomalyResult(IReadOnlyList<int> Indices, double[] Scores);
