using BenchmarkDotNet.Attributes;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage;

namespace PerformanceAnalytics.Benchmarks.Storage;

/// <summary>
/// Batch ingest into <see cref="InMemoryEngagementStore"/>: 10 batches of 10,000 snapshots (1,000 content items,
/// five metrics each) into a fresh store. The baseline does the least any idempotent in-memory store must do with
/// the same snapshots: remember the id in a hash set and keep the record in a list.
/// </summary>
[MemoryDiagnoser]
public class InMemoryIngestBenchmarks
{
    private const int BatchSize = 10_000;
    private const int Batches = 10;
    private List<EngagementSnapshot>[] _batches = [];

    [GlobalSetup]
    public void Setup()
    {
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _batches = new List<EngagementSnapshot>[Batches];
        for (var b = 0; b < Batches; b++)
        {
            _batches[b] = new List<EngagementSnapshot>(BatchSize);
            for (var i = 0; i < BatchSize; i++)
            {
                var item = i % 1_000;
                var round = (b * (BatchSize / 1_000)) + (i / 1_000);
                var metrics = MetricValues.FromDense(Dense(round * 10.0, round));
                _batches[b].Add(new EngagementSnapshot($"c{item}-{round}", $"c{item}", Platform.BuiltIn[item % 5], start.AddHours(round), metrics));
            }
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = BatchSize * Batches)]
    public int ListAndIdSet()
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        var rows = new List<EngagementSnapshot>();
        foreach (var batch in _batches)
        {
            foreach (var snapshot in batch)
            {
                if (ids.Add(snapshot.SnapshotId))
                {
                    rows.Add(snapshot);
                }
            }
        }

        return rows.Count;
    }

    [Benchmark(OperationsPerInvoke = BatchSize * Batches)]
    public async Task<int> InMemoryStore()
    {
        using var store = new InMemoryEngagementStore();
        var inserted = 0;
        foreach (var batch in _batches)
        {
            inserted += (await store.AppendAsync(batch).ConfigureAwait(false)).Inserted;
        }

        return inserted;
    }

    private static double[] Dense(double views, int round)
    {
        var dense = new double[Metric.Count];
        dense.AsSpan().Fill(double.NaN);
        dense[Metric.Views.Id] = views;
        dense[Metric.Likes.Id] = views / 10;
        dense[Metric.Comments.Id] = round;
        dense[Metric.Shares.Id] = round / 2;
        dense[Metric.WatchTime.Id] = views * 30;
        return dense;
    }
}
