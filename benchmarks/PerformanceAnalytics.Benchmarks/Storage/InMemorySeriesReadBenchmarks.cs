using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Benchmarks.Storage;

/// <summary>
/// Reading one content item's 90-day daily view series (counter deltas, 90 buckets) from stores holding 100 and
/// 10,000 items with 120 days of daily snapshots each. The ratio shows whether the read depends on the item count.
/// </summary>
[MemoryDiagnoser]
public class InMemorySeriesReadBenchmarks
{
    private static readonly DateTimeOffset _start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private InMemoryEngagementStore _store = null!;
    private SeriesQuery _query = null!;

    [Params(100, 10_000)]
    public int Items { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _store = new InMemoryEngagementStore();
        const int Days = 120;
        var batch = new List<EngagementSnapshot>(Items);
        for (var d = 0; d < Days; d++)
        {
            batch.Clear();
            for (var i = 0; i < Items; i++)
            {
                var metrics = MetricValues.Empty.With(Metric.Views, (d + 1) * (100.0 + i)).With(Metric.Likes, d * 7.0);
                batch.Add(new EngagementSnapshot($"c{i}-{d}", $"c{i}", Platform.YouTube, _start.AddDays(d).AddHours(12), metrics));
            }

            _store.AppendAsync(batch).GetAwaiter().GetResult();
        }

        _query = new SeriesQuery("default", $"c{Items / 2}", Metric.Views, new TimeRange(_start.AddDays(Days - 90), _start.AddDays(Days)), BucketSize.Day);
    }

    [GlobalCleanup]
    public void Cleanup() => _store.Dispose();

    [Benchmark]
    public Task<BucketedSeries> DailySeries90Days() => _store.GetSeriesAsync(_query);
}
