#!/usr/bin/env bash
# The server-side floor of the PostgreSQL store's ingest path, without the client or the store's own statements:
#   benchmarks/PerformanceAnalytics.Benchmarks/Storage/postgresql-insert-floor.sh "postgresql://user:password@host/db" [schema] [rounds]
# Times, in interleaved rounds through psql, (1) the benchmark's baseline, a binary COPY of 10,000 snapshots into a
# table like engagement_snapshots; (2) the store's staging copy, the same COPY into an unindexed temporary table; and
# (3) the store's move, INSERT … SELECT of the staged rows into the table under its row-level security policy. Prints
# the median of each and (2 + 3) / 1, the ratio the store's ingest cannot beat; then shows that PostgreSQL refuses
# COPY into a table under row-level security. `schema` (default pa_bench_ingest) is any migrated store schema.
set -euo pipefail
uri=${1:?connection URI}
schema=${2:-pa_bench_ingest}
rounds=${3:-15}
here=$(dirname "$0")
psql "$uri" -q -v ON_ERROR_STOP=1 -v schema="$schema" -f "$here/postgresql-insert-floor.sql" >/dev/null
{
  echo "SELECT set_config('pa.tenant_id', 'default', false);"
  echo "CREATE TEMP TABLE staging (LIKE $schema.engagement_snapshots);"
  echo '\timing on'
  for _ in $(seq "$rounds"); do
    echo 'TRUNCATE pa_insert_floor.raw;'
    echo '\echo ==raw'
    echo "\\copy pa_insert_floor.raw FROM '/tmp/pa_insert_floor.bin' (FORMAT binary)"
    echo 'TRUNCATE staging;'
    echo '\echo ==staging'
    echo "\\copy staging FROM '/tmp/pa_insert_floor.bin' (FORMAT binary)"
    echo 'TRUNCATE pa_insert_floor.secured;'
    echo '\echo ==insert'
    echo 'INSERT INTO pa_insert_floor.secured SELECT * FROM staging;'
  done
  echo '\timing off'
} | psql "$uri" -q -v ON_ERROR_STOP=1 | awk '
  /^==/ { stage = substr($0, 3); next }
  /^Time:/ && stage != "" { times[stage] = times[stage] " " $2; stage = ""; next }
  function median(list,    n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 2; i <= n; i++) { t = a[i]; for (j = i - 1; j >= 1 && a[j] > t; j--) a[j + 1] = a[j]; a[j + 1] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  END {
    r = median(times["raw"]); s = median(times["staging"]); i = median(times["insert"])
    printf "raw binary COPY into the indexed table:        %7.1f ms\n", r
    printf "binary COPY into the temporary staging table:  %7.1f ms\n", s
    printf "INSERT ... SELECT under row-level security:    %7.1f ms\n", i
    printf "(staging + insert) / raw:                      %7.2f\n", (s + i) / r
  }'
echo "COPY straight into the table under row-level security:"
psql "$uri" -q -c "\\copy pa_insert_floor.secured FROM '/dev/null' (FORMAT binary)" 2>&1 | grep -E 'ERROR|HINT' || true
psql "$uri" -q -c 'DROP SCHEMA pa_insert_floor CASCADE' 2>/dev/null
rm -f /tmp/pa_insert_floor.bin
