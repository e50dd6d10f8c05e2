namespace PerformanceAnalytics.Storage.Sqlite.Internal;

/// <summary>The schema history. Append new migrations; never edit a released one.</summary>
internal static class SqliteMigrations
{
    /// <summary>Gets the migrations in version order.</summary>
    public static IReadOnlyList<SqliteMigration> All { get; } =
    [
        new(1, "initial schema", V1),
    ];

    /// <summary>Gets the version the newest migration brings the schema to.</summary>
    public static int Latest => All[^1].Version;

    /// <summary>
    /// Version 1. Snapshots keep one REAL column per catalogue metric (NULL = not observed) and the UTC instant as
    /// .NET ticks. <c>content_series</c> holds each content item's platform (one platform per item) and a bit mask of
    /// the metrics it has ever reported, which lets aggregates skip searches for metrics an item never had.
    /// </summary>
    private const string V1 = """
        CREATE TABLE IF NOT EXISTS content_series (
            tenant_id   TEXT    NOT NULL,
            content_id  TEXT    NOT NULL,
            platform    TEXT    NOT NULL,
            metric_mask INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (tenant_id, content_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS ix_content_series_platform ON content_series (tenant_id, platform, content_id);

        CREATE TABLE IF NOT EXISTS engagement_snapshots (
            tenant_id             TEXT    NOT NULL,
            snapshot_id           TEXT    NOT NULL,
            content_id            TEXT    NOT NULL,
            platform              TEXT    NOT NULL,
            ts                    INTEGER NOT NULL,
            "views"                 REAL,
            "likes"                 REAL,
            "comments"              REAL,
            "shares"                REAL,
            "saves"                 REAL,
            "impressions"           REAL,
            "reach"                 REAL,
            "clicks"                REAL,
            "watch_time"            REAL,
            "average_view_duration" REAL,
            "completion_rate"       REAL,
            "engagement_rate"       REAL,
            "followers_gained"      REAL,
            metadata              TEXT
        );

        CREATE UNIQUE INDEX IF NOT EXISTS ux_snapshots_tenant_snapshot ON engagement_snapshots (tenant_id, snapshot_id);
        CREATE INDEX IF NOT EXISTS ix_snapshots_tenant_content_time ON engagement_snapshots (tenant_id, content_id, ts, snapshot_id);

        CREATE TABLE IF NOT EXISTS content_items (
            tenant_id                TEXT    NOT NULL,
            content_id               TEXT    NOT NULL,
            platform                 TEXT    NOT NULL,
            published_at             INTEGER NOT NULL,
            published_offset_minutes INTEGER NOT NULL,
            title                    TEXT    NOT NULL,
            numeric_features         TEXT    NOT NULL,
            categorical_features     TEXT    NOT NULL,
            PRIMARY KEY (tenant_id, content_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS ix_content_items_platform ON content_items (tenant_id, platform, content_id);

        CREATE TABLE IF NOT EXISTS analysis_records (
            tenant_id              TEXT    NOT NULL,
            record_id              TEXT    NOT NULL,
            kind                   TEXT    NOT NULL,
            subject                TEXT    NOT NULL,
            created_at             INTEGER NOT NULL,
            created_offset_minutes INTEGER NOT NULL,
            payload                TEXT    NOT NULL,
            PRIMARY KEY (tenant_id, record_id)
        ) WITHOUT ROWID;

        CREATE INDEX IF NOT EXISTS ix_analysis_tenant_kind_created ON analysis_records (tenant_id, kind, created_at);
        CREATE INDEX IF NOT EXISTS ix_analysis_created ON analysis_records (created_at);
        """;
}
