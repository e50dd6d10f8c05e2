namespace PerformanceAnalytics.Model;

/// <summary>A content item and the features that analyses relate to its performance.</summary>
/// <param name="ContentId">The id, unique within the tenant.</param>
/// <param name="Platform">The platform it is published on.</param>
/// <param name="PublishedAt">When it was published.</param>
/// <param name="Title">The title (may be empty).</param>
public sealed record ContentItem(string ContentId, Platform Platform, DateTimeOffset PublishedAt, string Title)
{
    /// <summary>Gets the tenant that owns the item.</summary>
    /// <value>Defaults to <see cref="EngagementSnapshot.DefaultTenant"/>.</value>
    public string TenantId { get; init; } = EngagementSnapshot.DefaultTenant;

    /// <summary>Gets numeric features, for example <c>duration_seconds</c> or <c>hashtag_count</c>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, double> NumericFeatures { get; init; } = new Dictionary<string, double>(0);

    /// <summary>Gets categorical features, for example <c>format = "short"</c> or <c>topic = "cooking"</c>.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, string> CategoricalFeatures { get; init; } = EngagementSnapshot.EmptyMetadata;
}
