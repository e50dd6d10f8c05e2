using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage;

/// <summary>What one platform's content did over a range.</summary>
/// <param name="Platform">The platform.</param>
/// <param name="ContentCount">Content items with at least one snapshot in the range.</param>
/// <param name="SnapshotCount">Snapshots in the range.</param>
/// <param name="Values">
/// Per metric: for counters, the activity in the range summed over content — for each item, its last total in the
/// range minus its last total before the range — or, when it has none, its first total in the range — clamped at
/// zero (so the activity equals the sum of the item's daily deltas over the range); for gauges, the mean over
/// content of each item's last value in the range. Metrics that no item reported are absent.
/// </param>
public sealed record PlatformAggregate(Platform Platform, int ContentCount, long SnapshotCount, MetricValues Values);
