namespace PerformanceAnalytics.Analysis;

/// <summary>Why one item of a batch was rejected.</summary>
/// <param name="Index">The item's position in the batch.</param>
/// <param name="Field">The field at fault, for example <c>Metrics[views]</c> or <c>Timestamp</c>.</param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record TrackingError(int Index, string Field, string Reason);
