namespace PerformanceAnalytics.Storage;

/// <summary>A persisted analysis result: its kind, what it is about and its JSON payload.</summary>
/// <param name="RecordId">The id; saving a record with an existing id (in the same tenant) replaces it.</param>
/// <param name="Kind">The kind.</param>
/// <param name="Subject">What it is about: a content id, a platform key, an experiment id …</param>
/// <param name="CreatedAt">When it was computed.</param>
/// <param name="PayloadJson">The result as JSON, stored verbatim.</param>
public sealed record AnalysisRecord(string RecordId, AnalysisKind Kind, string Subject, DateTimeOffset CreatedAt, string PayloadJson)
{
    /// <summary>Gets the tenant that owns the record.</summary>
    /// <value>Defaults to <c>"default"</c>.</value>
    public string TenantId { get; init; } = Model.EngagementSnapshot.DefaultTenant;
}
