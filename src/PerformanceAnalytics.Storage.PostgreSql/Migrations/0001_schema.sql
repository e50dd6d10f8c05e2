-- 0001: tables, keys, indexes and row-level security.
--
-- Every table is keyed by tenant_id first: it is the distribution column on Citus, and every primary
-- key and unique constraint includes it. On Citus, after this migration (see README.md):
--   SELECT create_reference_table('__schema__.tenants');
--   SELECT create_distributed_table('__schema__.engagement_snapshots', 'tenant_id');
--   SELECT create_distributed_table('__schema__.content_series', 'tenant_id', colocate_with => '__schema__.engagement_snapshots');
--   SELECT create_distributed_table('__schema__.content_items', 'tenant_id', colocate_with => '__schema__.engagement_snapshots');
--   ... and likewise for the seven analysis tables.
--
-- Timestamps are timestamptz (microseconds) plus a *_tick smallint holding the remaining 100 ns ticks
-- (0-9), so .NET instants round-trip exactly. Ids use the "C" collation: ordering is by code point.

CREATE TABLE __schema__.tenants (
    tenant_id text COLLATE "C" NOT NULL,
    first_seen timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT tenants_pkey PRIMARY KEY (tenant_id)
);

-- Which platform each content item's snapshots are on (one platform per content item).
CREATE TABLE __schema__.content_series (
    tenant_id text COLLATE "C" NOT NULL,
    content_id text COLLATE "C" NOT NULL,
    platform text COLLATE "C" NOT NULL,
    CONSTRAINT content_series_pkey PRIMARY KEY (tenant_id, content_id)
);
CREATE INDEX content_series_platform_idx ON __schema__.content_series (tenant_id, platform, content_id);

CREATE TABLE __schema__.engagement_snapshots (
    tenant_id text COLLATE "C" NOT NULL,
    snapshot_id text COLLATE "C" NOT NULL,
    content_id text COLLATE "C" NOT NULL,
    platform text COLLATE "C" NOT NULL,
    observed_at timestamptz NOT NULL,
    observed_tick smallint NOT NULL DEFAULT 0,
    views double precision,
    likes double precision,
    comments double precision,
    shares double precision,
    saves double precision,
    impressions double precision,
    reach double precision,
    clicks double precision,
    watch_time double precision,
    average_view_duration double precision,
    completion_rate double precision,
    engagement_rate double precision,
    followers_gained double precision,
    metadata jsonb,
    CONSTRAINT engagement_snapshots_pkey PRIMARY KEY (tenant_id, snapshot_id),
    CONSTRAINT engagement_snapshots_tick_check CHECK (observed_tick BETWEEN 0 AND 9)
);
-- Series reads, latest per content and per-content aggregates: one descending index walk per content.
CREATE INDEX engagement_snapshots_content_time_idx
    ON __schema__.engagement_snapshots (tenant_id, content_id, observed_at, observed_tick, snapshot_id);
-- Range scans over time (retention, platform aggregates, daily views): rows arrive roughly in time order.
CREATE INDEX engagement_snapshots_observed_brin
    ON __schema__.engagement_snapshots USING brin (observed_at) WITH (pages_per_range = 32);

CREATE TABLE __schema__.content_items (
    tenant_id text COLLATE "C" NOT NULL,
    content_id text COLLATE "C" NOT NULL,
    platform text COLLATE "C" NOT NULL,
    published_at timestamptz NOT NULL,
    published_tick smallint NOT NULL DEFAULT 0,
    title text NOT NULL,
    numeric_feature_names text[] NOT NULL DEFAULT '{}',
    numeric_feature_values double precision[] NOT NULL DEFAULT '{}',
    categorical_features jsonb,
    updated_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT content_items_pkey PRIMARY KEY (tenant_id, content_id)
);
CREATE INDEX content_items_platform_idx ON __schema__.content_items (tenant_id, platform, content_id);

-- The analysis tables of the original design; one AnalysisKind each, identical columns.
CREATE TABLE __schema__.content_performance_history (
    tenant_id text COLLATE "C" NOT NULL,
    record_id text COLLATE "C" NOT NULL,
    subject text COLLATE "C" NOT NULL,
    created_at timestamptz NOT NULL,
    created_tick smallint NOT NULL DEFAULT 0,
    payload text NOT NULL,
    CONSTRAINT content_performance_history_pkey PRIMARY KEY (tenant_id, record_id)
);
CREATE TABLE __schema__.content_feature_analysis (LIKE __schema__.content_performance_history INCLUDING ALL);
CREATE TABLE __schema__.correlation_analysis_results (LIKE __schema__.content_performance_history INCLUDING ALL);
CREATE TABLE __schema__.trend_analysis_results (LIKE __schema__.content_performance_history INCLUDING ALL);
CREATE TABLE __schema__.optimization_insights (LIKE __schema__.content_performance_history INCLUDING ALL);
CREATE TABLE __schema__.ab_test_performance (LIKE __schema__.content_performance_history INCLUDING ALL);
CREATE TABLE __schema__.performance_benchmarks (LIKE __schema__.content_performance_history INCLUDING ALL);

CREATE INDEX content_performance_history_created_idx ON __schema__.content_performance_history (tenant_id, created_at DESC);
CREATE INDEX content_feature_analysis_created_idx ON __schema__.content_feature_analysis (tenant_id, created_at DESC);
CREATE INDEX correlation_analysis_results_created_idx ON __schema__.correlation_analysis_results (tenant_id, created_at DESC);
CREATE INDEX trend_analysis_results_created_idx ON __schema__.trend_analysis_results (tenant_id, created_at DESC);
CREATE INDEX optimization_insights_created_idx ON __schema__.optimization_insights (tenant_id, created_at DESC);
CREATE INDEX ab_test_performance_created_idx ON __schema__.ab_test_performance (tenant_id, created_at DESC);
CREATE INDEX performance_benchmarks_created_idx ON __schema__.performance_benchmarks (tenant_id, created_at DESC);

-- Row-level security: a session sees and writes only the rows of the tenant named by the transaction-local
-- setting pa.tenant_id (set by the store with set_config('pa.tenant_id', $1, true)). With no tenant set, no
-- row is visible. FORCE makes the policy bind the table owner too, so an application that connects as the
-- owner is isolated as well; only superusers and BYPASSRLS roles are exempt.
DO $rls$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY['content_series', 'engagement_snapshots', 'content_items',
        'content_performance_history', 'content_feature_analysis', 'correlation_analysis_results',
        'trend_analysis_results', 'optimization_insights', 'ab_test_performance', 'performance_benchmarks']
    LOOP
        EXECUTE format('ALTER TABLE __schema__.%I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE __schema__.%I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format(
            'CREATE POLICY tenant_isolation ON __schema__.%I USING (tenant_id = current_setting(''pa.tenant_id'', true)) '
            || 'WITH CHECK (tenant_id = current_setting(''pa.tenant_id'', true))', t);
    END LOOP;
END
$rls$;

-- The tenant registry lists tenant ids (no tenant data) so that maintenance can visit every tenant:
-- anyone may read it, a session may only register its own tenant, nobody may change or delete entries.
ALTER TABLE __schema__.tenants ENABLE ROW LEVEL SECURITY;
ALTER TABLE __schema__.tenants FORCE ROW LEVEL SECURITY;
CREATE POLICY tenants_read ON __schema__.tenants FOR SELECT USING (true);
CREATE POLICY tenants_register ON __schema__.tenants FOR INSERT
    WITH CHECK (tenant_id = current_setting('pa.tenant_id', true));
