namespace PerformanceAnalytics.Storage;

/// <summary>One observed lifetime total of a counter.</summary>
/// <param name="Timestamp">When it was observed.</param>
/// <param name="Value">The total.</param>
public readonly record struct CounterObservation(DateTimeOffset Timestamp, double Value);
