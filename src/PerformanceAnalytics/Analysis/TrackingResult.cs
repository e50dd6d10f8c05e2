using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Analysis;

/// <summary>The outcome of tracking one snapshot.</summary>
/// <param name="Snapshot">The snapshot as stored (with its id, timestamp and any derived engagement rate).</param>
/// <param name="IsDuplicate">Whether the tenant already had a snapshot with this id, so nothing was stored.</param>
public sealed record TrackingResult(EngagementSnapshot Snapshot, bool IsDuplicate)
{
    /// <summary>Gets the snapshot id.</summary>
    public string SnapshotId => Snapshot.SnapshotId;
}
