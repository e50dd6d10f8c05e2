using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>Table and column names, and the mapping of catalogue metrics to their REAL columns.</summary>
internal static class SqliteSchema
{
    /// <summary>The metric columns, indexed by <see cref="Metric.Id"/>; the names are the catalogue's snake_case names.</summary>
    private static readonly string[] _metricColumnNames = CreateMetricColumns();

    /// <summary>Gets the number of metric columns.</summary>
    public static int MetricCount => _metricColumnNames.Length;

    /// <summary>Gets the comma-separated, quoted metric columns of the snapshots table, prefixed by an alias.</summary>
    /// <param name="alias">The table alias.</param>
    /// <returns>For example <c>s."views", s."likes", …</c>.</returns>
    public static string MetricColumnList(string alias)
        => string.Join(", ", _metricColumnNames.Select(c => $"{alias}.\"{c}\""));

    /// <summary>Returns the quoted column that holds a metric.</summary>
    /// <param name="metric">The metric.</param>
    /// <returns>The quoted column name, which comes from the catalogue, never from input.</returns>
    public static string Column(Metric metric) => $"\"{_metricColumnNames[metric.Id]}\"";

    /// <summary>Returns the quoted column of the metric with the given id.</summary>
    /// <param name="id">The metric id.</param>
    /// <returns>The quoted column name.</returns>
    public static string Column(int id) => $"\"{_metricColumnNames[id]}\"";

    private static string[] CreateMetricColumns()
    {
        // Migration 1 created one column per catalogue metric; a metric added to the catalogue later needs a
        // migration that adds its column. Names are checked to be plain identifiers, so interpolating them into
        // SQL is safe (they never come from input).
        string[] v1 =
        [
            "views", "likes", "comments", "shares", "saves", "impressions", "reach", "clicks", "watch_time",
            "average_view_duration", "completion_rate", "engagement_rate", "followers_gained",
        ];

        if (Metric.Count != v1.Length)
        {
            throw new InvalidOperationException(
                $"The metric catalogue has {Metric.Count} metrics but the SQLite schema has {v1.Length} metric columns; a schema migration is missing.");
        }

        foreach (var metric in Metric.Catalogue)
        {
            if (!string.Equals(v1[metric.Id], metric.Name, StringComparison.Ordinal))
            {
                throw new InvalidOperationException($"The SQLite column for metric {metric.Id} is '{v1[metric.Id]}', not '{metric.Name}'.");
            }
        }

        return v1;
    }
}
