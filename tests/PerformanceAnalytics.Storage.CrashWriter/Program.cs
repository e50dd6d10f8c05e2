// Appends batches of snapshots to a SQLite database until it is killed, printing "BEGIN <batch>" before each
// append and "ACK <batch>" once the append has returned. Batch b holds content "batch-<b>" with <size> snapshots.
// Usage: PerformanceAnalytics.Storage.CrashWriter <database file> <first batch> <batch size>
using System.Globalization;
using PerformanceAnalytics.Model;
using PerformanceAnalytics.Storage.Sqlite;

if (args.Length != 3)
{
    Console.Error.WriteLine("usage: <database file> <first batch> <batch size>");
    return 2;
}

var first = int.Parse(args[1], CultureInfo.InvariantCulture);
var size = int.Parse(args[2], CultureInfo.InvariantCulture);
var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
using var store = new SqliteEngagementStore($"Data Source={args[0]}");
Console.Out.Flush();
for (var b = first; b < first + 100_000; b++)
{
    var batch = new EngagementSnapshot[size];
    for (var i = 0; i < size; i++)
    {
        var metrics = MetricValues.From([new KeyValuePair<Metric, double>(Metric.Views, i), new KeyValuePair<Metric, double>(Metric.Likes, i / 10)]);
        batch[i] = new EngagementSnapshot($"b{b}-{i}", $"batch-{b}", Platform.YouTube, start.AddSeconds(i), metrics)
        {
            Metadata = new Dictionary<string, string> { ["batch"] = b.ToString(CultureInfo.InvariantCulture) },
        };
    }

    Console.WriteLine($"BEGIN {b}");
    Console.Out.Flush();
    await store.AppendAsync(batch);
    Console.WriteLine($"ACK {b}");
    Console.Out.Flush();
}

return 0;
