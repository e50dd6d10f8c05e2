using System.Diagnostics.Metrics;

namespace PerformanceAnalytics.Diagnostics;

/// <summary>
/// The library's instruments, on the Meter <c>PerformanceAnalytics</c>. The meter comes from <see cref="IMeterFactory"/>
/// when the host registers one, else it is created here.
/// </summary>
internal sealed class PerformanceAnalyticsMetrics : IDisposable
{
    public const string MeterName = "PerformanceAnalytics";
    private readonly Meter? _ownedMeter;

    public PerformanceAnalyticsMetrics(IMeterFactory? meterFactory = null)
    {
        var version = typeof(PerformanceAnalyticsMetrics).Assembly.GetName().Version?.ToString();
        Meter meter;
        if (meterFactory is null)
        {
            _ownedMeter = new Meter(MeterName, version);
            meter = _ownedMeter;
        }
        else
        {
            meter = meterFactory.Create(new MeterOptions(MeterName) { Version = version });
        }

        SnapshotsStored = meter.CreateCounter<long>("performance_analytics.snapshots.stored", "{snapshot}", "Snapshots stored by the tracker.");
        SnapshotsDuplicate = meter.CreateCounter<long>("performance_analytics.snapshots.duplicate", "{snapshot}", "Snapshots ignored because their id was already stored.");
        SnapshotsRejected = meter.CreateCounter<long>("performance_analytics.snapshots.rejected", "{snapshot}", "Snapshots rejected by validation.");
        CacheLookups = meter.CreateCounter<long>("performance_analytics.cache.lookups", "{lookup}", "Cache lookups, tagged with result = hit or miss.");
    }

    public Counter<long> SnapshotsStored { get; }

    public Counter<long> SnapshotsDuplicate { get; }

    public Counter<long> SnapshotsRejected { get; }

    public Counter<long> CacheLookups { get; }

    public void Dispose() => _ownedMeter?.Dispose();
}
