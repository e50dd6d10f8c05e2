namespace PerformanceAnalytics.Storage;

/// <summary>A filter over one tenant's analysis records.</summary>
/// <param name="TenantId">The tenant.</param>
/// <param name="Kind">The kind.</param>
public sealed record AnalysisQuery(string TenantId, AnalysisKind Kind)
{
    /// <summary>Gets the subject to match, or <see langword="null"/> for all.</summary>
    public string? Subject { get; init; }

    /// <summary>Gets the earliest creation instant to include, or <see langword="null"/> for all.</summary>
    public DateTimeOffset? Since { get; init; }

    /// <summary>Gets the maximum number of records, or <see langword="null"/> for no limit.</summary>
    public int? Limit { get; init; }
}
