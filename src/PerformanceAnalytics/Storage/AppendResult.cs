namespace PerformanceAnalytics.Storage;

/// <summary>The outcome of <see cref="IEngagementStore.AppendAsync"/>.</summary>
/// <param name="Inserted">Snapshots that were new.</param>
/// <param name="Duplicates">Snapshots whose id the tenant already had (or that repeated an id within the batch).</param>
public readonly record struct AppendResult(int Inserted, int Duplicates);
