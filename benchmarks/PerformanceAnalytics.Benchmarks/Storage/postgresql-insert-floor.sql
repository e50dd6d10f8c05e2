-- Setup for postgresql-insert-floor.sh (which see): the server-side floor of the PostgreSQL store's ingest path.
-- `schema` names any migrated store schema (pa_bench_ingest exists once PostgreSqlBenchmarks has run). Works in its
-- own schema pa_insert_floor and the file /tmp/pa_insert_floor.bin. The three operations the script times:
--   1. binary COPY of 10,000 snapshots into a table like engagement_snapshots (same columns, keys and indexes): the
--      benchmark's baseline;
--   2. binary COPY of the same rows into a temporary table without indexes: the store's staging copy;
--   3. INSERT … SELECT of the staged rows into a table like engagement_snapshots under the store's row-level
--      security policy (forced for the owner): the store's move.
-- Rows as PostgreSqlBenchmarks generates them: 100 content items × 100 snapshots, in content and time order.
\set ON_ERROR_STOP on
SET client_min_messages = warning;
DROP SCHEMA IF EXISTS pa_insert_floor CASCADE;
CREATE SCHEMA pa_insert_floor;
CREATE TABLE pa_insert_floor.raw (LIKE :schema.engagement_snapshots INCLUDING ALL);
CREATE TABLE pa_insert_floor.secured (LIKE :schema.engagement_snapshots INCLUDING ALL);
ALTER TABLE pa_insert_floor.secured ENABLE ROW LEVEL SECURITY;
ALTER TABLE pa_insert_floor.secured FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON pa_insert_floor.secured
    USING (tenant_id = current_setting('pa.tenant_id', true)) WITH CHECK (tenant_id = current_setting('pa.tenant_id', true));
CREATE TABLE pa_insert_floor.source (LIKE :schema.engagement_snapshots);
INSERT INTO pa_insert_floor.source
SELECT 'default', 'c' || lpad(c::text, 4, '0') || '-' || lpad(k::text, 4, '0'), 'content-' || lpad(c::text, 4, '0'),
       (ARRAY['youtube', 'tiktok', 'instagram', 'linkedin', 'x'])[c % 5 + 1],
       '2026-01-01T00:00:00Z'::timestamptz + k * interval '7 hours 12 minutes', 0,
       (k + 1) * 10.0, (k + 1) * 20.0, (k + 1) * 30.0, (k + 1) * 40.0, (k + 1) * 50.0, (k + 1) * 60.0, (k + 1) * 70.0,
       (k + 1) * 80.0, (k + 1) * 90.0, 0.01 * ((c + k) % 50), 0.01 * ((c + k) % 50), 0.01 * ((c + k) % 50), (k + 1) * 130.0, NULL
FROM generate_series(0, 99) c, generate_series(0, 99) k
ORDER BY c, k;
\copy pa_insert_floor.source TO '/tmp/pa_insert_floor.bin' (FORMAT binary)
