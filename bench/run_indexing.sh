#!/usr/bin/env bash
# Indexing speed, side by side: the 35,440 news articles into tracuu (tracuu-index),
# SQLite FTS5 and PostgreSQL (bench_load), each timed as a whole program run on the
# same unpacked .txt files: docs/s, MB/s, peak memory, index size. A fourth column,
# plain Xapian (bench_load xapian: TermGenerator, one term per word), is the reference
# for what Xapian 1.4's writer costs before tracuu's analysis and extra terms.
# Usage: bench/run_indexing.sh [--data DIR] [--build DIR] [--work DIR] [--no-postgres] [--repeat N]
# --repeat N runs each N times, taking turns, and keeps each one's fastest run: on a shared
# machine, the run least disturbed. With --work, the indexes stay there for run_queries.sh.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$BENCH_DIR/pg_cluster.sh"

repeat=1
set -- "${BENCH_ARGS[@]}"
while [ $# -gt 0 ]; do
  case "$1" in
    --repeat) repeat=$2; shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
require_data news-vi-baomoi-2017.tar.zst
require_programs "$TRACUU_INDEX" "$BENCH_BIN/bench_load"
make_work_dir

unpack "$DATA_DIR/news-vi-baomoi-2017.tar.zst" "$WORK_DIR/news"
input="$WORK_DIR/news"
documents=$(find "$input" -name '*.txt' | wc -l)
input_bytes=$(find "$input" -name '*.txt' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')

# measure NAME COMMAND...: runs COMMAND (stdout to $WORK_DIR/NAME.out) and keeps, over the
# --repeat runs, the fastest one's WALL_<NAME> seconds, CPU_<NAME> seconds (user + system)
# and RSS_KIB_<NAME> (peak resident memory), the last two from GNU time when installed.
# Exit status 1 of tracuu-index (some input rejected and reported) is not fatal.
measure() {
  local name=$1
  shift
  local time_cmd=() started status=0 wall cpu="" rss="" best
  [ -x /usr/bin/time ] && time_cmd=(/usr/bin/time -v -o "$WORK_DIR/$name.time")
  started=$(now_ns)
  "${time_cmd[@]}" "$@" >"$WORK_DIR/$name.out" || status=$?
  wall=$(awk -v ns=$(($(now_ns) - started)) 'BEGIN { printf "%.3f", ns / 1e9 }')
  [ "$status" -le 1 ] || die "$name: $* failed with status $status"
  [ "$status" -eq 0 ] || note "$name: some input was rejected (status 1)"
  if [ -e "$WORK_DIR/$name.time" ]; then
    rss=$(sed -n 's/.*Maximum resident set size (kbytes): //p' "$WORK_DIR/$name.time")
    cpu=$(awk -F': ' '/User time|System time/ { s += $2 } END { printf "%.3f", s }' "$WORK_DIR/$name.time")
  fi
  best="WALL_$name"
  if [ -z "${!best:-}" ] || awk -v a="$wall" -v b="${!best}" 'BEGIN { exit !(a < b) }'; then
    printf -v "WALL_$name" '%s' "$wall"
    printf -v "CPU_$name" '%s' "$cpu"
    printf -v "RSS_KIB_$name" '%s' "$rss"
  fi
}

echo "## Indexing"
echo
machine_line
echo "Input: $documents .txt files, $input_bytes bytes"

WALL_postgres="" CPU_postgres="" RSS_KIB_postgres="" size_postgres=""
[ "$USE_POSTGRES" = 0 ] || pg_cluster_start
for ((run = 1; run <= repeat; run++)); do
  rm -rf "$WORK_DIR/tracuu.db"
  measure tracuu "$TRACUU_INDEX" --quiet --db "$WORK_DIR/tracuu.db" "$input"
  measure fts5 "$BENCH_BIN/bench_load" fts5 --db "$WORK_DIR/fts5.sqlite" "$input"
  measure xapian "$BENCH_BIN/bench_load" xapian --db "$WORK_DIR/xapian.db" "$input"
  if [ "$USE_POSTGRES" = 1 ]; then
    before=$WALL_postgres
    measure postgres "$BENCH_BIN/bench_load" postgres --pg "$PG_CONNINFO" --table news "$input"
    if [ "$WALL_postgres" != "$before" ]; then
      # The loader only streams; the server process does the work: its memory, and its CPU time too.
      RSS_KIB_postgres=$(sed -n 's/.*server_peak_rss_kib=\([0-9]*\).*/\1/p' "$WORK_DIR/postgres.out")
      CPU_postgres=$(sed -n 's/.*server_cpu_seconds=\([0-9.]*\).*/\1/p' "$WORK_DIR/postgres.out" |
        awk -v client="$CPU_postgres" '{ printf "%.3f", $1 + client }')
    fi
  fi
done
size_tracuu=$(du -sb "$WORK_DIR/tracuu.db" | cut -f1)
size_fts5=$(stat -c %s "$WORK_DIR/fts5.sqlite")
size_xapian=$(du -sb "$WORK_DIR/xapian.db" | cut -f1)
[ "$USE_POSTGRES" = 0 ] || size_postgres=$(sed -n 's/.*table_bytes=\([0-9]*\).*/\1/p' "$WORK_DIR/postgres.out")

# per_second SECONDS AMOUNT: AMOUNT / SECONDS, or "" when not measured.
per_second() { [ -n "$1" ] && awk -v s="$1" -v a="$2" 'BEGIN { printf "%.3f", a / s }' || true; }
mib() { [ -n "$1" ] && awk -v b="$1" 'BEGIN { printf "%.3f", b / 1048576 }' || true; }
mib_of_kib() { [ -n "$1" ] && awk -v k="$1" 'BEGIN { printf "%.3f", k / 1024 }' || true; }
ratio() { [ -n "$1" ] && awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }' || true; }

title="Indexing $documents news articles ($(mib "$input_bytes" | cut -d. -f1) MiB)"
[ "$repeat" -eq 1 ] || title="$title, fastest of $repeat runs"
print_table "$title" tracuu FTS5 PostgreSQL "plain Xapian" -- \
  "wall seconds (lower is better)|2|$WALL_tracuu|$WALL_fts5|$WALL_postgres|$WALL_xapian" \
  "CPU seconds (lower is better)|1|$CPU_tracuu|$CPU_fts5|$CPU_postgres|$CPU_xapian" \
  "documents/s|0|$(per_second "$WALL_tracuu" "$documents")|$(per_second "$WALL_fts5" "$documents")|$(per_second "$WALL_postgres" "$documents")|$(per_second "$WALL_xapian" "$documents")" \
  "MB/s (input)|2|$(per_second "$WALL_tracuu" "$(mib "$input_bytes")")|$(per_second "$WALL_fts5" "$(mib "$input_bytes")")|$(per_second "$WALL_postgres" "$(mib "$input_bytes")")|$(per_second "$WALL_xapian" "$(mib "$input_bytes")")" \
  "peak memory MiB (lower is better)|0|$(mib_of_kib "$RSS_KIB_tracuu")|$(mib_of_kib "$RSS_KIB_fts5")|$(mib_of_kib "$RSS_KIB_postgres")|$(mib_of_kib "$RSS_KIB_xapian")" \
  "index MiB (lower is better)|0|$(mib "$size_tracuu")|$(mib "$size_fts5")|$(mib "$size_postgres")|$(mib "$size_xapian")" \
  "index ÷ input (lower is better)|2|$(ratio "$size_tracuu" "$input_bytes")|$(ratio "$size_fts5" "$input_bytes")|$(ratio "$size_postgres" "$input_bytes")|$(ratio "$size_xapian" "$input_bytes")"
echo
echo "documents/s and MB/s are per wall second. CPU: user + system time of the indexing program; for PostgreSQL"
echo "the loader's plus the server process's that ran COPY and CREATE INDEX (background writers not counted)."
echo "Peak memory: the indexing program (GNU time); for PostgreSQL that server process (VmHWM)."
echo "Index size: the tracuu database folder; the SQLite file; pg_total_relation_size (heap, TOAST, GIN), WAL not counted;"
echo "the plain Xapian database folder."
echo "Plain Xapian: bench_load xapian, issue 5's recipe (TermGenerator with positions, no stemming, one database a core,"
echo "a commit every 500 documents, compacted into one); it stores the text too, but has no folded, exact or word terms."
