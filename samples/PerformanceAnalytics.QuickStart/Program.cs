using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using PerformanceAnalytics;
using PerformanceAnalytics.Analysis;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.QuickStart;

CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
const int ItemsPerPlatform = 60;

// The embedded SQLite store, in a file of its own that the sample recreates on every run.
var databasePath = Path.Combine(Path.GetTempPath(), "performance-analytics-quickstart.db");
foreach (var file in new[] { databasePath, databasePath + "-wal", databasePath + "-shm" })
{
    File.Delete(file);
}

var services = new ServiceCollection();
services.AddPerformanceAnalytics(o => o.MinimumDataPoints = 14).UseSqliteStore($"Data Source={databasePath}");
await using var provider = services.BuildServiceProvider();
var analytics = provider.GetRequiredService<IPerformanceAnalyticsManager>();

Console.WriteLine("PerformanceAnalytics QuickStart");
Console.WriteLine("===============================");
Console.WriteLine($"Store: SQLite file {databasePath}");
// The history ends at midnight UTC today, so runs on the same day load the same snapshots.
var today = new DateTimeOffset(TimeProvider.System.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero);
var data = new SyntheticCreatorData(seed: 42, today);
var plans = data.Plan(ItemsPerPlatform).ToList();
Console.WriteLine($"Generating {plans.Count} content items on 5 platforms, {SyntheticCreatorData.Days} days of snapshots every 6 hours (seed 42).");

var stopwatch = Stopwatch.StartNew();
var batch = new List<TrackingRequest>(5_000);
long stored = 0;
var done = 0;
foreach (var plan in plans)
{
    foreach (var request in data.Snapshots(plan))
    {
        batch.Add(request);
        if (batch.Count == batch.Capacity)
        {
            stored += await FlushAsync(batch);
        }
    }

    done++;
    if (done % 60 == 0 || done == plans.Count)
    {
        Console.WriteLine($"  loading: {done,3}/{plans.Count} items, {stored + batch.Count,9:N0} snapshots, {stopwatch.Elapsed.TotalSeconds,5:F1} s");
    }
}

stored += await FlushAsync(batch);
Console.WriteLine($"  loaded {stored:N0} snapshots of {plans.Count} items in {stopwatch.Elapsed.TotalSeconds:F1} s.");
Console.WriteLine();

Console.WriteLine("Last 30 days by platform, against the 30 days before");
Console.WriteLine($"  {"platform",-10} {"items",5} {"views",12} {"Δ views",9} {"likes",10} {"Δ likes",9} {"eng. rate",9}  formula");
foreach (var platform in Platform.BuiltIn)
{
    var m = await analytics.GetPlatformMetricsAsync(new PlatformMetricsQuery(platform) { Timeframe = Timeframe.Last30Days });
    var views = m.Metrics.FirstOrDefault(x => x.Metric == Metric.Views);
    var likes = m.Metrics.FirstOrDefault(x => x.Metric == Metric.Likes);
    Console.WriteLine(
        $"  {platform.Key,-10} {m.ContentCount,5} {views?.Current,12:N0} {Percent(views?.PercentChange),9} {likes?.Current,10:N0} {Percent(likes?.PercentChange),9} {m.EngagementRate?.Value,9:P2}  {m.EngagementRate?.Formula}");
}

Console.WriteLine();
Console.WriteLine("Top content by views in the last 30 days");
var summaries = new List<EngagementSummary>();
foreach (var plan in plans)
{
    if (await analytics.GetEngagementSummaryAsync(new ContentSummaryQuery(plan.ContentId)) is { } summary)
    {
        summaries.Add(summary);
    }
}

foreach (var s in summaries.OrderByDescending(s => Views(s)).Take(5))
{
    var plan = plans.Single(p => p.ContentId == s.ContentId);
    var growth = s.Activity.First(a => a.Metric == Metric.Views).PercentChange;
    Console.WriteLine($"  {s.ContentId,-14} {plan.Topic,-8} {(plan.ShortForm ? "short" : "long"),-5} {plan.Hashtags,2} tags  {Views(s),10:N0} views  {Percent(growth),8} vs previous  eng. {s.EngagementRate?.Value,6:P2}");
}

Console.WriteLine();
Console.WriteLine("Anomalous days: modified z-score above 3.5 on daily views, last 90 days");
var planted = plans.Where(p => p.SpikeDay >= 0).ToList();
var found = 0;
var flagged = 0;
foreach (var plan in plans)
{
    var report = await analytics.DetectAnomaliesAsync(new AnomalyQuery(plan.ContentId));
    flagged += report.Anomalies.Count > 0 ? 1 : 0;
    if (plan.SpikeDay < 0)
    {
        continue;
    }

    var spikeDay = data.FirstDay.AddDays(plan.SpikeDay);
    var hit = report.Anomalies.FirstOrDefault(a => a.BucketStart == spikeDay);
    found += hit is null ? 0 : 1;
    if (planted.IndexOf(plan) < 8)
    {
        Console.WriteLine(hit is null
            ? $"  {plan.ContentId,-14} planted spike on {spikeDay:yyyy-MM-dd} not flagged ({report.Status}, {report.DataPoints} days)"
            : $"  {plan.ContentId,-14} planted spike on {spikeDay:yyyy-MM-dd} flagged: {hit.Value,9:N0} views, score {hit.Score,6:F1}");
    }
}

Console.WriteLine($"  {found} of {planted.Count} planted spikes flagged; {flagged} of {plans.Count} items have at least one anomalous day (launch bursts included).");
Console.WriteLine();

var status = await analytics.GetSystemStatusAsync();
Console.WriteLine($"Store: {status.Store.Description} ({string.Join(", ", status.Store.Data.Select(kv => $"{kv.Key} {kv.Value}"))})");
Console.WriteLine($"Cache: {status.Cache.Hits} hits, {status.Cache.Misses} misses, {status.Cache.Entries} entries");
return 0;

async Task<long> FlushAsync(List<TrackingRequest> pending)
{
    if (pending.Count == 0)
    {
        return 0;
    }

    var result = await analytics.TrackBatchAsync(pending, BatchMode.AllOrNothing);
    if (!result.IsValid)
    {
        throw new InvalidOperationException($"The generated batch was rejected: {result.Errors[0].Field}: {result.Errors[0].Reason}");
    }

    pending.Clear();
    return result.Stored;
}

static double Views(EngagementSummary s) => s.Activity.FirstOrDefault(a => a.Metric == Metric.Views)?.Current ?? 0;

static string Percent(double? change) => change is { } c ? c.ToString("+0.0;-0.0", CultureInfo.InvariantCulture) + " %" : "n/a";
