-- 0002: daily materialized views (per content, per platform) and the daily trend function.
--
-- A materialized view has no row-level security, so the views hold every tenant's rows and are read only
-- through daily_content_performance and daily_platform_performance, which filter on pa.tenant_id. The raw
-- *_mv relations and the all-tenant row source are not granted to anyone but their owner.
-- REFRESH (PostgreSqlEngagementStore.RefreshMaterializedViewsAsync) must run as the owner: the row source
-- visits each registered tenant in turn with that tenant set, so row-level security holds while it reads.
-- On Citus, materialized views over distributed tables are local to the coordinator; see README.md.

CREATE FUNCTION __schema__.daily_content_rows_all_tenants()
RETURNS TABLE (
    tenant_id text, content_id text, platform text, day date, snapshot_count bigint,
    first_observed_at timestamptz, last_observed_at timestamptz,
    views double precision, likes double precision, comments double precision, shares double precision,
    saves double precision, impressions double precision, reach double precision, clicks double precision,
    watch_time double precision, followers_gained double precision,
    average_view_duration double precision, completion_rate double precision, engagement_rate double precision)
LANGUAGE plpgsql
AS $fn$
DECLARE
    t text;
    previous text := current_setting('pa.tenant_id', true);
BEGIN
    FOR t IN SELECT r.tenant_id FROM __schema__.tenants r ORDER BY r.tenant_id LOOP
        PERFORM set_config('pa.tenant_id', t, true);
        RETURN QUERY
            SELECT DISTINCT ON (s.content_id, s.day)
                s.tenant_id::text, s.content_id::text, s.platform::text, s.day,
                count(*) OVER w, min(s.observed_at) OVER w, max(s.observed_at) OVER w,
                s.views, s.likes, s.comments, s.shares, s.saves, s.impressions, s.reach, s.clicks,
                s.watch_time, s.followers_gained,
                avg(s.average_view_duration) OVER w, avg(s.completion_rate) OVER w, avg(s.engagement_rate) OVER w
            FROM (SELECT e.*, (e.observed_at AT TIME ZONE 'UTC')::date AS day FROM __schema__.engagement_snapshots e) s
            WINDOW w AS (PARTITION BY s.content_id, s.day)
            ORDER BY s.content_id, s.day, s.observed_at DESC, s.observed_tick DESC, s.snapshot_id DESC;
    END LOOP;
    PERFORM set_config('pa.tenant_id', coalesce(previous, ''), true);
END
$fn$;
REVOKE ALL ON FUNCTION __schema__.daily_content_rows_all_tenants() FROM PUBLIC;

-- Per content item and UTC day: counters are the day's last snapshot's lifetime totals; gauges are the mean
-- of the day's observations.
CREATE MATERIALIZED VIEW __schema__.daily_content_metrics_mv AS
    SELECT * FROM __schema__.daily_content_rows_all_tenants()
WITH DATA;
CREATE UNIQUE INDEX daily_content_metrics_mv_key ON __schema__.daily_content_metrics_mv (tenant_id, content_id, day);
CREATE INDEX daily_content_metrics_mv_platform_idx ON __schema__.daily_content_metrics_mv (tenant_id, platform, day);

-- Per platform and UTC day: counters are the day's activity summed over content (each item's last total of
-- the day minus its last total of its previous observed day, clamped at zero; an item's first observed day has
-- no activity, as its total accumulated before tracking began, like BucketedSeriesBuilder's first bucket);
-- gauges are the mean over content of the daily means.
CREATE MATERIALIZED VIEW __schema__.daily_platform_metrics_mv AS
    SELECT x.tenant_id, x.platform, x.day,
        count(*) AS content_count,
        sum(x.snapshot_count) AS snapshot_count,
        sum(x.views) AS views,
        sum(x.likes) AS likes,
        sum(x.comments) AS comments,
        sum(x.shares) AS shares,
        sum(x.saves) AS saves,
        sum(x.impressions) AS impressions,
        sum(x.reach) AS reach,
        sum(x.clicks) AS clicks,
        sum(x.watch_time) AS watch_time,
        sum(x.followers_gained) AS followers_gained,
        avg(x.average_view_duration) AS average_view_duration,
        avg(x.completion_rate) AS completion_rate,
        avg(x.engagement_rate) AS engagement_rate
    FROM (
        SELECT d.tenant_id, d.platform, d.day, d.snapshot_count,
            CASE WHEN d.views < lag(d.views) OVER c THEN 0 ELSE d.views - lag(d.views) OVER c END AS views,
            CASE WHEN d.likes < lag(d.likes) OVER c THEN 0 ELSE d.likes - lag(d.likes) OVER c END AS likes,
            CASE WHEN d.comments < lag(d.comments) OVER c THEN 0 ELSE d.comments - lag(d.comments) OVER c END AS comments,
            CASE WHEN d.shares < lag(d.shares) OVER c THEN 0 ELSE d.shares - lag(d.shares) OVER c END AS shares,
            CASE WHEN d.saves < lag(d.saves) OVER c THEN 0 ELSE d.saves - lag(d.saves) OVER c END AS saves,
            CASE WHEN d.impressions < lag(d.impressions) OVER c THEN 0 ELSE d.impressions - lag(d.impressions) OVER c END AS impressions,
            CASE WHEN d.reach < lag(d.reach) OVER c THEN 0 ELSE d.reach - lag(d.reach) OVER c END AS reach,
            CASE WHEN d.clicks < lag(d.clicks) OVER c THEN 0 ELSE d.clicks - lag(d.clicks) OVER c END AS clicks,
            CASE WHEN d.watch_time < lag(d.watch_time) OVER c THEN 0 ELSE d.watch_time - lag(d.watch_time) OVER c END AS watch_time,
            CASE WHEN d.followers_gained < lag(d.followers_gained) OVER c THEN 0 ELSE d.followers_gained - lag(d.followers_gained) OVER c END AS followers_gained,
            d.average_view_duration, d.completion_rate, d.engagement_rate
        FROM __schema__.daily_content_metrics_mv d
        WINDOW c AS (PARTITION BY d.tenant_id, d.content_id ORDER BY d.day)
    ) x
    GROUP BY x.tenant_id, x.platform, x.day
WITH DATA;
CREATE UNIQUE INDEX daily_platform_metrics_mv_key ON __schema__.daily_platform_metrics_mv (tenant_id, platform, day);

REVOKE ALL ON __schema__.daily_content_metrics_mv FROM PUBLIC;
REVOKE ALL ON __schema__.daily_platform_metrics_mv FROM PUBLIC;

-- The tenant's rows of the materialized views (what applications read).
CREATE VIEW __schema__.daily_content_performance WITH (security_barrier) AS
    SELECT * FROM __schema__.daily_content_metrics_mv WHERE tenant_id = current_setting('pa.tenant_id', true);
CREATE VIEW __schema__.daily_platform_performance WITH (security_barrier) AS
    SELECT * FROM __schema__.daily_platform_metrics_mv WHERE tenant_id = current_setting('pa.tenant_id', true);

-- Least-squares trend of one content item's metric over UTC days: for each day in [p_from, p_to) with an
-- observation, y is the day's last observed value (a counter's lifetime total, so the slope is the mean
-- activity per day; a gauge's value) and x is the day number counted from p_from's day. Reads the table
-- under the caller's row-level security. Returns NULL slope and intercept with fewer than two days.
CREATE FUNCTION __schema__.daily_metric_trend(
    p_content_id text, p_metric text, p_from timestamptz, p_to timestamptz)
RETURNS TABLE (days bigint, slope double precision, intercept double precision, r_squared double precision)
LANGUAGE plpgsql STABLE
AS $fn$
BEGIN
    IF p_metric IS NULL OR p_metric NOT IN ('views', 'likes', 'comments', 'shares', 'saves', 'impressions', 'reach',
        'clicks', 'watch_time', 'average_view_duration', 'completion_rate', 'engagement_rate', 'followers_gained') THEN
        RAISE EXCEPTION 'unknown metric %', quote_literal(coalesce(p_metric, 'NULL')) USING ERRCODE = '22023';
    END IF;
    RETURN QUERY
        SELECT regr_count(d.y, d.x), regr_slope(d.y, d.x), regr_intercept(d.y, d.x), regr_r2(d.y, d.x)
        FROM (
            SELECT DISTINCT ON (v.day) (v.day - (p_from AT TIME ZONE 'UTC')::date)::double precision AS x, v.y
            FROM (
                SELECT (e.observed_at AT TIME ZONE 'UTC')::date AS day, e.observed_at, e.observed_tick, e.snapshot_id,
                    CASE p_metric
                        WHEN 'views' THEN e.views WHEN 'likes' THEN e.likes WHEN 'comments' THEN e.comments
                        WHEN 'shares' THEN e.shares WHEN 'saves' THEN e.saves WHEN 'impressions' THEN e.impressions
                        WHEN 'reach' THEN e.reach WHEN 'clicks' THEN e.clicks WHEN 'watch_time' THEN e.watch_time
                        WHEN 'average_view_duration' THEN e.average_view_duration
                        WHEN 'completion_rate' THEN e.completion_rate WHEN 'engagement_rate' THEN e.engagement_rate
                        WHEN 'followers_gained' THEN e.followers_gained
                    END AS y
                FROM __schema__.engagement_snapshots e
                WHERE e.tenant_id = current_setting('pa.tenant_id', true)
                  AND e.content_id = p_content_id
                  AND e.observed_at >= p_from AND e.observed_at < p_to
            ) v
            WHERE v.y IS NOT NULL
            ORDER BY v.day, v.observed_at DESC, v.observed_tick DESC, v.snapshot_id DESC
        ) d;
END
$fn$;
