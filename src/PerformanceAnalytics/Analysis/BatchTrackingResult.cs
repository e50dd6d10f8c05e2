namespace PerformanceAnalytics.Analysis;

/// <summary>The outcome of tracking a batch.</summary>
/// <param name="Stored">Snapshots stored.</param>
/// <param name="Duplicates">Valid snapshots whose id was already stored.</param>
/// <param name="SnapshotIds">Per batch item, the id of its snapshot, or <see langword="null"/> when it was rejected or not stored.</param>
/// <param name="Errors">The rejected items, in batch order.</param>
public sealed record BatchTrackingResult(int Stored, int Duplicates, IReadOnlyList<string?> SnapshotIds, IReadOnlyList<TrackingError> Errors)
{
    /// <summary>Gets a value indicating whether every item was valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
