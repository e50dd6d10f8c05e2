using System.Text;
using PerformanceAnalytics.Model;

namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>
/// The store's SQL. Every value travels as a parameter; the only text spliced in is column names from
/// <see cref="SqliteSchema"/> and fixed fragments chosen by which filters a query sets.
/// </summary>
internal static class SqliteSql
{
    /// <summary>Snapshot columns in the order <c>ReadSnapshot</c> expects: id, content, platform, ticks, metrics…, metadata.</summary>
    public const int FirstMetricOrdinal = 4;

    /// <summary>The ordinal of the metadata column in a snapshot row.</summary>
    public static readonly int MetadataOrdinal = FirstMetricOrdinal + SqliteSchema.MetricCount;

    public static readonly string UpsertSeries = """
        INSERT INTO content_series (tenant_id, content_id, platform, metric_mask)
        VALUES ($tenant, $content, $platform, $mask)
        ON CONFLICT (tenant_id, content_id) DO UPDATE SET metric_mask = metric_mask | excluded.metric_mask
        RETURNING platform;
        """;

    public static readonly string InsertSnapshot = BuildInsertSnapshot();

    public static readonly string UpsertContent = """
        INSERT INTO content_items (tenant_id, content_id, platform, published_at, published_offset_minutes, title, numeric_features, categorical_features)
        VALUES ($tenant, $content, $platform, $published, $offset, $title, $numeric, $categorical)
        ON CONFLICT (tenant_id, content_id) DO UPDATE SET
            platform = excluded.platform,
            published_at = excluded.published_at,
            published_offset_minutes = excluded.published_offset_minutes,
            title = excluded.title,
            numeric_features = excluded.numeric_features,
            categorical_features = excluded.categorical_features;
        """;

    public const string ContentColumns = "content_id, platform, published_at, published_offset_minutes, title, numeric_features, categorical_features";

    public static readonly string UpsertAnalysis = """
        INSERT INTO analysis_records (tenant_id, record_id, kind, subject, created_at, created_offset_minutes, payload)
        VALUES ($tenant, $record, $kind, $subject, $created, $offset, $payload)
        ON CONFLICT (tenant_id, record_id) DO UPDATE SET
            kind = excluded.kind,
            subject = excluded.subject,
            created_at = excluded.created_at,
            created_offset_minutes = excluded.created_offset_minutes,
            payload = excluded.payload;
        """;

    private static readonly string[] _queryVariants = new string[16];
    private static readonly string[] _latestVariants = new string[16];
    private static readonly string[] _aggregateVariants = new string[2];
    private static readonly string[] _counterSeries = new string[SqliteSchema.MetricCount];
    private static readonly string[] _gaugeMeanSeries = new string[SqliteSchema.MetricCount];

    /// <summary>The common table expression that turns the JSON array <c>$bounds</c> into buckets (i, lo, hi).</summary>
    private const string Bounds = """
        bounds AS (
            SELECT CAST(key AS INTEGER) AS i, value AS lo, LEAD(value) OVER (ORDER BY key) AS hi FROM json_each($bounds)
        )
        """;

    /// <summary>
    /// Snapshots matching a filter, ordered by content id, timestamp, snapshot id: the content loop runs over
    /// <c>content_series</c> in key order and each item's rows come from the (tenant, content, ts, id) index in order.
    /// CROSS JOIN fixes that loop order (SQLite never reorders it), so no sort is needed whatever the statistics say.
    /// </summary>
    public static string Query(bool contentIds, bool platforms, bool range)
    {
        var key = Key(contentIds, platforms, range, false);
        return _queryVariants[key] ??= $"""
            SELECT {SnapshotColumns("s")}
            FROM content_series AS se
            CROSS JOIN engagement_snapshots AS s
            WHERE se.tenant_id = $tenant{SeriesFilter(contentIds, platforms)}
                AND s.tenant_id = se.tenant_id AND s.content_id = se.content_id{(range ? " AND s.ts >= $start AND s.ts < $end" : string.Empty)}
            ORDER BY se.content_id, s.ts, s.snapshot_id;
            """;
    }

    /// <summary>The last snapshot (greatest ts, then id) of each matching content item, one index seek per item.</summary>
    public static string Latest(bool contentIds, bool platforms, bool range)
    {
        var key = Key(contentIds, platforms, range, false);
        return _latestVariants[key] ??= $"""
            SELECT {SnapshotColumns("s")}
            FROM content_series AS se
            JOIN engagement_snapshots AS s ON s.rowid = (
                SELECT x.rowid FROM engagement_snapshots AS x
                WHERE x.tenant_id = se.tenant_id AND x.content_id = se.content_id{(range ? " AND x.ts >= $start AND x.ts < $end" : string.Empty)}
                ORDER BY x.ts DESC, x.snapshot_id DESC LIMIT 1)
            WHERE se.tenant_id = $tenant{SeriesFilter(contentIds, platforms)}
            ORDER BY se.content_id;
            """;
    }

    /// <summary>
    /// Three result sets for a counter series: per bucket its last observation (i, ts, value); the last observation
    /// before <c>$first</c>; the first at or after <c>$last</c>. Rows carry their bucket index, in no particular order.
    /// </summary>
    public static string CounterSeriesSql(Metric metric)
    {
        var c = SqliteSchema.Column(metric);
        return _counterSeries[metric.Id] ??= $"""
            WITH {Bounds},
            picks AS MATERIALIZED (
                SELECT bk.i AS i, (
                    SELECT x.rowid FROM engagement_snapshots AS x
                    WHERE x.tenant_id = $tenant AND x.content_id = $content AND x.ts >= bk.lo AND x.ts < bk.hi AND x.{c} IS NOT NULL
                    ORDER BY x.ts DESC, x.snapshot_id DESC LIMIT 1) AS r
                FROM bounds AS bk
                WHERE bk.hi IS NOT NULL
            )
            SELECT p.i, s.ts, s.{c} FROM picks AS p JOIN engagement_snapshots AS s ON s.rowid = p.r;

            SELECT x.ts, x.{c} FROM engagement_snapshots AS x
            WHERE x.tenant_id = $tenant AND x.content_id = $content AND x.ts < $first AND x.{c} IS NOT NULL
            ORDER BY x.ts DESC, x.snapshot_id DESC LIMIT 1;

            SELECT x.ts, x.{c} FROM engagement_snapshots AS x
            WHERE x.tenant_id = $tenant AND x.content_id = $content AND x.ts >= $last AND x.{c} IS NOT NULL
            ORDER BY x.ts, x.snapshot_id LIMIT 1;
            """;
    }

    /// <summary>Per bucket (i, mean) of a gauge, in no particular order; the mean is NULL for a bucket without observations.</summary>
    public static string GaugeMeanSeriesSql(Metric metric)
    {
        var c = SqliteSchema.Column(metric);
        return _gaugeMeanSeries[metric.Id] ??= $"""
            WITH {Bounds}
            SELECT bk.i, (
                SELECT AVG(x.{c}) FROM engagement_snapshots AS x
                WHERE x.tenant_id = $tenant AND x.content_id = $content AND x.ts >= bk.lo AND x.ts < bk.hi)
            FROM bounds AS bk
            WHERE bk.hi IS NOT NULL;
            """;
    }

    /// <summary>
    /// Per-platform aggregates. Per content item: the last row in the range, the last row before it and the first
    /// row in the range (one index seek each) and the row count in the range (a covering index range). A metric
    /// missing from such a row falls back to a search for its nearest non-NULL value, but only when the item's
    /// metric mask says it ever had one. Counters: SUM(MAX(0, last − baseline)), the baseline being the last total
    /// before the range or else the first in it; gauges: AVG(last); grouped by platform.
    /// </summary>
    public static string Aggregates(bool platforms)
    {
        return _aggregateVariants[platforms ? 1 : 0] ??= BuildAggregates(platforms);
    }

    private static string BuildAggregates(bool platforms)
    {
        const string InRange = "x.tenant_id = $tenant AND x.content_id = d.content_id AND x.ts >= $start AND x.ts < $end";
        const string Before = "x.tenant_id = $tenant AND x.content_id = d.content_id AND x.ts < $start";
        const string Newest = "ORDER BY x.ts DESC, x.snapshot_id DESC LIMIT 1";
        const string Oldest = "ORDER BY x.ts, x.snapshot_id LIMIT 1";
        var values = new StringBuilder();
        var outer = new StringBuilder();
        foreach (var metric in Metric.Catalogue)
        {
            var c = SqliteSchema.Column(metric);
            var bit = 1L << metric.Id;
            values.Append(FormattableString.Invariant($"""
                ,
                        COALESCE(l.{c}, CASE WHEN d.mask & {bit} THEN (SELECT x.{c} FROM engagement_snapshots AS x WHERE {InRange} AND x.{c} IS NOT NULL {Newest}) END) AS l{metric.Id}
                """));
            if (metric.IsCounter)
            {
                // Baseline: the last total before the range or, when there is none, the first total in the range.
                values.Append(FormattableString.Invariant($"""
                    ,
                            COALESCE(
                                CASE WHEN d.br IS NULL THEN NULL ELSE COALESCE(b.{c}, CASE WHEN d.mask & {bit} THEN (SELECT x.{c} FROM engagement_snapshots AS x WHERE {Before} AND x.{c} IS NOT NULL {Newest}) END) END,
                                f.{c},
                                CASE WHEN d.mask & {bit} THEN (SELECT x.{c} FROM engagement_snapshots AS x WHERE {InRange} AND x.{c} IS NOT NULL {Oldest}) END) AS b{metric.Id}
                    """));
                outer.Append(FormattableString.Invariant($", SUM(MAX(0, l{metric.Id} - b{metric.Id}))"));
            }
            else
            {
                outer.Append(FormattableString.Invariant($", AVG(l{metric.Id})"));
            }
        }

        var platformFilter = platforms ? " AND se.platform IN (SELECT value FROM json_each($platforms))" : string.Empty;
        return $"""
            WITH c AS MATERIALIZED (
                SELECT se.platform AS platform, se.content_id AS content_id, se.metric_mask AS mask, (
                    SELECT x.rowid FROM engagement_snapshots AS x
                    WHERE x.tenant_id = se.tenant_id AND x.content_id = se.content_id AND x.ts >= $start AND x.ts < $end
                    {Newest}) AS lr
                FROM content_series AS se
                WHERE se.tenant_id = $tenant{platformFilter}
            ),
            d AS MATERIALIZED (
                SELECT c.platform AS platform, c.content_id AS content_id, c.mask AS mask, c.lr AS lr, (
                    SELECT COUNT(*) FROM engagement_snapshots AS x
                    WHERE x.tenant_id = $tenant AND x.content_id = c.content_id AND x.ts >= $start AND x.ts < $end) AS n, (
                    SELECT x.rowid FROM engagement_snapshots AS x
                    WHERE x.tenant_id = $tenant AND x.content_id = c.content_id AND x.ts < $start
                    {Newest}) AS br, (
                    SELECT x.rowid FROM engagement_snapshots AS x
                    WHERE x.tenant_id = $tenant AND x.content_id = c.content_id AND x.ts >= $start AND x.ts < $end
                    {Oldest}) AS fr
                FROM c
                WHERE c.lr IS NOT NULL
            ),
            v AS MATERIALIZED (
                SELECT d.platform AS platform, d.n AS n{values}
                FROM d
                JOIN engagement_snapshots AS l ON l.rowid = d.lr
                LEFT JOIN engagement_snapshots AS b ON b.rowid = d.br
                JOIN engagement_snapshots AS f ON f.rowid = d.fr
            )
            SELECT platform, COUNT(*), SUM(n){outer}
            FROM v
            GROUP BY platform
            ORDER BY platform;
            """;
    }

    private static string BuildInsertSnapshot()
    {
        var columns = string.Join(", ", Enumerable.Range(0, SqliteSchema.MetricCount).Select(SqliteSchema.Column));
        var parameters = string.Join(", ", Enumerable.Range(0, SqliteSchema.MetricCount).Select(i => FormattableString.Invariant($"$m{i}")));
        return $"""
            INSERT OR IGNORE INTO engagement_snapshots (tenant_id, snapshot_id, content_id, platform, ts, {columns}, metadata)
            VALUES ($tenant, $id, $content, $platform, $ts, {parameters}, $metadata);
            """;
    }

    private static string SnapshotColumns(string alias)
        => $"{alias}.snapshot_id, {alias}.content_id, {alias}.platform, {alias}.ts, {SqliteSchema.MetricColumnList(alias)}, {alias}.metadata";

    private static string SeriesFilter(bool contentIds, bool platforms)
        => (contentIds ? " AND se.content_id IN (SELECT value FROM json_each($contentIds))" : string.Empty)
            + (platforms ? " AND se.platform IN (SELECT value FROM json_each($platforms))" : string.Empty);

    private static int Key(bool a, bool b, bool c, bool d) => (a ? 1 : 0) | (b ? 2 : 0) | (c ? 4 : 0) | (d ? 8 : 0);
}
