#!/usr/bin/env bash
# Query speed on the news index: the query mix (bench/queries-news.txt) in-process through
# tracuu and SQLite FTS5 (and PostgreSQL over its unix socket): p50/p95/p99; then over
# HTTP against tracuu-searchd with wrk at 1, 8 and 64 connections: requests/s and latency.
# Usage: bench/run_queries.sh [--data DIR] [--build DIR] [--work DIR] [--no-postgres]
#                             [--queries FILE] [--rounds N] [--duration SECONDS]
# With the --work folder of run_indexing.sh, its tracuu and FTS5 indexes are reused.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$BENCH_DIR/pg_cluster.sh"

queries="$BENCH_DIR/queries-news.txt"
rounds=5
duration=10
set -- "${BENCH_ARGS[@]}"
while [ $# -gt 0 ]; do
  case "$1" in
    --queries) queries=$2; shift 2 ;;
    --rounds) rounds=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[ -r "$queries" ] || die "cannot read the query mix $queries"
require_data news-vi-baomoi-2017.tar.zst
require_programs "$TRACUU_INDEX" "$TRACUU_SEARCHD" "$BENCH_BIN/bench_load" "$BENCH_BIN/bench_query_latency"
command -v wrk >/dev/null || die "no wrk: install it (scripts/setup.sh)"
make_work_dir

unpack "$DATA_DIR/news-vi-baomoi-2017.tar.zst" "$WORK_DIR/news"
if [ ! -e "$WORK_DIR/tracuu.db/iamglass" ] && [ ! -e "$WORK_DIR/tracuu.db/index.stub" ]; then
  note "building the tracuu index"
  status=0
  "$TRACUU_INDEX" --quiet --db "$WORK_DIR/tracuu.db" "$WORK_DIR/news" || status=$?
  [ "$status" -le 1 ] || die "tracuu-index failed"
fi
if [ ! -s "$WORK_DIR/fts5.sqlite" ]; then
  note "building the FTS5 index"
  "$BENCH_BIN/bench_load" fts5 --db "$WORK_DIR/fts5.sqlite" "$WORK_DIR/news" >/dev/null
fi
pg_args=()
if [ "$USE_POSTGRES" = 1 ]; then
  pg_cluster_start
  note "loading PostgreSQL (a throwaway cluster holds nothing from an earlier run)"
  "$BENCH_BIN/bench_load" postgres --pg "$PG_CONNINFO" --table news "$WORK_DIR/news" >/dev/null
  pg_args=(--pg "$PG_CONNINFO" --pg-table news)
fi

echo "## Queries"
echo
machine_line
"$BENCH_BIN/bench_query_latency" --index "$WORK_DIR/tracuu.db" --fts5 "$WORK_DIR/fts5.sqlite" "${pg_args[@]}" \
  --queries "$queries" --rounds "$rounds"

# searchd on a free loopback port; it logs the address it got (on stdout, though documented as stderr: take both).
: >"$WORK_DIR/searchd.log"  # exists before the background job opens it, so the loop below can read it
"$TRACUU_SEARCHD" --db "$WORK_DIR/tracuu.db" --listen 127.0.0.1:0 --threads "$(nproc)" >>"$WORK_DIR/searchd.log" 2>&1 &
searchd_pid=$!
on_exit "kill $searchd_pid 2>/dev/null; wait $searchd_pid 2>/dev/null"
url=""
for _ in $(seq 100); do
  url=$(sed -n 's/.*listening on \(http:\/\/[0-9.]*:[0-9]*\).*/\1/p' "$WORK_DIR/searchd.log" | head -1)
  [ -n "$url" ] && break
  kill -0 "$searchd_pid" 2>/dev/null || { cat "$WORK_DIR/searchd.log" >&2; die "tracuu-searchd did not start"; }
  sleep 0.1
done
[ -n "$url" ] || die "tracuu-searchd did not say where it listens (see $WORK_DIR/searchd.log)"

# wrk's latency figures ("512.00us", "1.20ms", "2.00s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0
    else if (v ~ /m$/) printf "%.2f", v * 60000; else if (v ~ /s$/) printf "%.2f", v * 1000 }'
}

printf '\n### tracuu-searchd over HTTP: wrk, %s s per run, searchd --threads %s, wrk on the same cores\n\n' "$duration" "$(nproc)"
echo "| connections | requests/s | p50 ms | p90 ms | p99 ms | errors and non-2xx |"
echo "|---:|---:|---:|---:|---:|---:|"
for connections in 1 8 64; do
  threads=$((connections < 2 ? 1 : 2))
  out="$WORK_DIR/wrk-$connections.txt"
  wrk -t "$threads" -c "$connections" -d "${duration}s" --latency -s "$BENCH_DIR/wrk-queries.lua" "$url" -- "$queries" >"$out"
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  echo "| $connections | $rps | $p50 | $p90 | $p99 | $errors |"
done
