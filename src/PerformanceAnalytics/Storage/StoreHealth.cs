namespace PerformanceAnalytics.Storage;

/// <summary>The result of a store's health probe.</summary>
/// <param name="IsHealthy">Whether the store answered.</param>
/// <param name="Description">A short description, such as the store's name and version, or the failure.</param>
public sealed record StoreHealth(bool IsHealthy, string Description)
{
    /// <summary>Gets figures the store reports, such as row counts.</summary>
    /// <value>Empty by default.</value>
    public IReadOnlyDictionary<string, string> Data { get; init; } = new Dictionary<string, string>(0);
}
