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

# start_searchd CACHE_MB: tracuu-searchd on a free loopback port; sets url and searchd_pid.
# It logs the address it got on stderr.
start_searchd() {
  : >"$WORK_DIR/searchd.log"  # exists before the background job opens it, so the loop below can read it
  "$TRACUU_SEARCHD" --db "$WORK_DIR/tracuu.db" --listen 127.0.0.1:0 --threads "$(nproc)" --cache-mb "$1" \
    >>"$WORK_DIR/searchd.log" 2>&1 &
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
}

stop_searchd() {
  kill "$searchd_pid" 2>/dev/null
  wait "$searchd_pid" 2>/dev/null || true
}

# The daemon's resident memory now and at its peak, in MiB.
searchd_memory() {
  awk '/^VmRSS:/ { rss = $2 } /^VmHWM:/ { hwm = $2 } END { printf "%.0f MiB resident, %.0f MiB at peak", rss / 1024, hwm / 1024 }' \
    "/proc/$searchd_pid/status"
}

# wrk's latency figures ("512.00us", "1.20ms", "2.00s") in milliseconds.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) printf "%.2f", v / 1000; else if (v ~ /ms$/) printf "%.2f", v + 0
    else if (v ~ /m$/) printf "%.2f", v * 60000; else if (v ~ /s$/) printf "%.2f", v * 1000 }'
}

# wrk_row LABEL CONNECTIONS WRK-ARGS...: one table row from one wrk run.
wrk_row() {
  local label=$1 connections=$2
  shift 2
  local threads=$((connections < 2 ? 1 : 2))
  local out="$WORK_DIR/wrk.txt"
  wrk -t "$threads" -c "$connections" -d "${duration}s" --latency "$@" >"$out"
  local rps p50 p90 p99 errors
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' "$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
  p90=$(to_ms "$(awk '$1 == "90%" { print $2 }' "$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
  errors=$(awk '/Non-2xx or 3xx responses:/ { n += $NF } /Socket errors:/ { gsub(/,/, ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' "$out")
  echo "| $label | $connections | $rps | $p50 | $p90 | $p99 | $errors |"
}

table_head() {
  echo "| what | connections | requests/s | p50 ms | p90 ms | p99 ms | errors and non-2xx |"
  echo "|---|---:|---:|---:|---:|---:|---:|"
}

mix=(-s "$BENCH_DIR/wrk-queries.lua")
suggestions="$BENCH_DIR/suggest-news.txt"
number_lookup="/search?q=$(printf '126/NQ-CP' | sed 's|/|%2F|g')"

printf '\n### tracuu-searchd over HTTP, answer cache off (--cache-mb 0): wrk, %s s per run, searchd --threads %s, wrk on the same cores\n\n' \
  "$duration" "$(nproc)"
start_searchd 0
table_head
for connections in 1 8 64; do wrk_row "query mix" "$connections" "${mix[@]}" "$url" -- "$queries"; done
wrk_row "/suggest mix" 64 "${mix[@]}" "$url" -- "$suggestions" "/suggest?q="
wrk_row "one document number" 64 "$url$number_lookup"
wrk_row "/health" 64 "$url/health"
printf '\nsearchd memory after these runs: %s.\n' "$(searchd_memory)"
stop_searchd

printf '\n### The same with the answer cache on (--cache-mb 64, the default), after one pass over each mix\n\n'
start_searchd 64
wrk -t 1 -c 1 -d "${duration}s" "${mix[@]}" "$url" -- "$queries" >/dev/null        # warm: every query answered once
wrk -t 1 -c 1 -d 2s "${mix[@]}" "$url" -- "$suggestions" "/suggest?q=" >/dev/null
table_head
for connections in 1 8 64; do wrk_row "query mix" "$connections" "${mix[@]}" "$url" -- "$queries"; done
wrk_row "/suggest mix" 64 "${mix[@]}" "$url" -- "$suggestions" "/suggest?q="
printf '\nsearchd memory after these runs: %s.\n' "$(searchd_memory)"
stop_searchd
