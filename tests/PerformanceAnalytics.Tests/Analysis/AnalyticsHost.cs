using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Tests.Analysis;

/// <summary>A real service provider over the in-memory store with a fake clock.</summary>
internal sealed class AnalyticsHost : IDisposable
{
    public static readonly DateTimeOffset Start = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly ServiceProvider _provider;

    public AnalyticsHost(Action<PerformanceAnalyticsOptions>? configure = null)
    {
        Clock = new FakeTimeProvider(Start);
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddPerformanceAnalytics(o => configure?.Invoke(o)).UseInMemoryStore();
        _provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }

    public FakeTimeProvider Clock { get; }

    public IPerformanceAnalyticsManager Manager => _provider.GetRequiredService<IPerformanceAnalyticsManager>();

    public IEngagementTracker Tracker => _provider.GetRequiredService<IEngagementTracker>();

    public IEngagementStore Store => _provider.GetRequiredService<IEngagementStore>();

    public void Dispose() => _provider.Dispose();

    public static TrackingRequest Request(string contentId, string platform, DateTimeOffset at, params (string Name, double Value)[] metrics)
        => new(contentId, platform, metrics.ToDictionary(m => m.Name, m => m.Value)) { Timestamp = at, SnapshotId = $"{contentId}@{at.UtcTicks}" };
}
