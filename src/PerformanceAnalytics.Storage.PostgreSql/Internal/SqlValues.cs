using System.Text;
using System.Text.Json;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.PostgreSql.Internal;

/// <summary>Conversions between model values and column values.</summary>
internal static class SqlValues
{
    private const long TicksPerMicrosecond = 10;

    /// <summary>The metric columns of engagement_snapshots, indexed by <see cref="Metric.Id"/>.</summary>
    internal static readonly string[] MetricColumns =
    [
        "views", "likes", "comments", "shares", "saves", "impressions", "reach", "clicks", "watch_time",
        "average_view_duration", "completion_rate", "engagement_rate", "followers_gained",
    ];

    /// <summary>The comma-separated metric column list.</summary>
    internal static readonly string MetricColumnList = string.Join(", ", MetricColumns);

    /// <summary>Returns the column of a catalogue metric (a fixed identifier, never caller text).</summary>
    internal static string ColumnOf(Metric metric)
    {
        if (metric.Id < 0 || metric.Id >= MetricColumns.Length || !string.Equals(MetricColumns[metric.Id], metric.Name, StringComparison.Ordinal))
        {
            throw new ArgumentException($"The metric '{metric}' has no column in this store.", nameof(metric));
        }

        return MetricColumns[metric.Id];
    }

    /// <summary>Splits an instant into a microsecond timestamp and the remaining 100 ns ticks (0–9).</summary>
    internal static (DateTime Utc, short Tick) Split(DateTimeOffset instant)
    {
        var ticks = instant.UtcTicks;
        var tick = ticks % TicksPerMicrosecond;
        return (new DateTime(ticks - tick, DateTimeKind.Utc), (short)tick);
    }

    /// <summary>Joins a stored timestamp and tick back into an instant with a zero offset.</summary>
    internal static DateTimeOffset Join(DateTime utc, short tick) => new(utc.Ticks + tick, TimeSpan.Zero);

    /// <summary>Serializes string pairs as a JSON object, or returns <see langword="null"/> when there are none.</summary>
    internal static string? ToJson(IReadOnlyDictionary<string, string>? pairs)
    {
        if (pairs is null || pairs.Count == 0)
        {
            return null;
        }

        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            foreach (var (key, value) in pairs)
            {
                writer.WriteString(key, value);
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length);
    }

    /// <summary>Parses a JSON object of strings; <see langword="null"/> gives an empty dictionary.</summary>
    internal static Dictionary<string, string> FromJson(string? json)
    {
        if (json is null)
        {
            return new Dictionary<string, string>(0, StringComparer.Ordinal);
        }

        using var document = JsonDocument.Parse(json);
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in document.RootElement.EnumerateObject())
        {
            result[property.Name] = property.Value.GetString() ?? string.Empty;
        }

        return result;
    }

    /// <summary>Parses a stored platform key.</summary>
    internal static Platform ToPlatform(string key) => key.Length == 0 ? default : Platform.Parse(key);

    /// <summary>Returns distinct values in first-seen order.</summary>
    internal static List<string> DistinctOrdinal(IEnumerable<string> values)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var result = new List<string>();
        foreach (var value in values)
        {
            if (seen.Add(value))
            {
                result.Add(value);
            }
        }

        return result;
    }
}
