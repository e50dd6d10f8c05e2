using Microsoft.Extensions.Logging;

namespace PerformanceAnalytics.Diagnostics;

/// <summary>The library's log messages. No content text or metadata is ever logged.</summary>
internal static partial class Log
{
    public const int BatchTrackedId = 1;
    public const int BatchRejectedId = 2;
    public const int CleanupId = 3;
    public const int CacheInvalidatedId = 4;

    [LoggerMessage(BatchTrackedId, LogLevel.Debug, "Tracked a batch: {Stored} stored, {Duplicates} duplicates, {Rejected} rejected.", EventName = "BatchTracked")]
    public static partial void BatchTracked(ILogger logger, int stored, int duplicates, int rejected);

    [LoggerMessage(BatchRejectedId, LogLevel.Information, "Rejected an all-or-nothing batch of {Count} snapshots with {Errors} invalid items.", EventName = "BatchRejected")]
    public static partial void BatchRejected(ILogger logger, int count, int errors);

    [LoggerMessage(CleanupId, LogLevel.Information, "Retention cleanup before {Cutoff:O}: {Snapshots} snapshots and {Records} analysis records deleted.", EventName = "Cleanup")]
    public static partial void Cleanup(ILogger logger, DateTimeOffset cutoff, long snapshots, long records);

    [LoggerMessage(CacheInvalidatedId, LogLevel.Trace, "Cache entries of {Scope} invalidated.", EventName = "CacheInvalidated")]
    public static partial void CacheInvalidated(ILogger logger, string scope);
}
