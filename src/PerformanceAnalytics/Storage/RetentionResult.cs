namespace PerformanceAnalytics.Storage;

/// <summary>What a retention delete removed.</summary>
/// <param name="SnapshotsDeleted">Snapshots deleted.</param>
/// <param name="AnalysisRecordsDeleted">Analysis records deleted.</param>
public readonly record struct RetentionResult(long SnapshotsDeleted, long AnalysisRecordsDeleted);
