#!/usr/bin/env bash
# Relevance, side by side: tracuu, SQLite FTS5 and PostgreSQL on
#   ALQAC 2023 and 2022 (Vietnamese legal questions -> law articles), as written and folded;
#   IRLeD 2017 task 2 (English judgments -> the prior cases they cited), "related to this text".
# Usage: bench/run_relevance.sh [--data DIR] [--build DIR] [--work DIR] [--no-postgres]
#                               [--only alqac|irled] [--terms K]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
source "$BENCH_DIR/pg_cluster.sh"

only=all
irled_args=()
set -- "${BENCH_ARGS[@]}"
while [ $# -gt 0 ]; do
  case "$1" in
    --only) only=$2; shift 2 ;;
    --terms) irled_args+=(--terms "$2"); shift 2 ;;
    *) die "unknown option $1" ;;
  esac
done
[[ $only =~ ^(all|alqac|irled)$ ]] || die "--only takes alqac or irled"

[ "$only" = irled ] || require_data alqac/law-2023.json alqac/law-2022.json alqac/train-2023.json \
  alqac/qrels-train-2023.tsv alqac/questions-2022.json alqac/qrels-2022.tsv
[ "$only" = alqac ] || require_data irled-en/prior-cases.tar.zst irled-en/current-cases-dev.tar.zst irled-en/qrels-dev.tsv
require_programs "$TRACUU_INDEX" "$BENCH_BIN/bench_relevance"
make_work_dir

pg_args=()
if [ "$USE_POSTGRES" = 1 ]; then
  pg_cluster_start
  pg_args=(--pg "$PG_CONNINFO")
fi

# index_with_tracuu DB INPUT: a fresh tracuu index, so a changed analyzer is always measured.
# Exit status 1 means some input was rejected and reported (IRLeD has six empty prior cases).
index_with_tracuu() {
  rm -rf "$1"
  local status=0
  "$TRACUU_INDEX" --quiet --db "$1" "$2" || status=$?
  [ "$status" -le 1 ] || die "tracuu-index failed on $2"
}

echo "## Relevance"
echo
machine_line

if [ "$only" != irled ]; then
  "$BENCH_BIN/bench_relevance" export-alqac --data "$DATA_DIR" --work "$WORK_DIR"
  for year in 2023 2022; do
    index_with_tracuu "$WORK_DIR/alqac-$year.db" "$WORK_DIR/alqac-$year.jsonl"
  done
  "$BENCH_BIN/bench_relevance" alqac --data "$DATA_DIR" --work "$WORK_DIR" "${pg_args[@]}"
fi

if [ "$only" != alqac ]; then
  unpack "$DATA_DIR/irled-en/prior-cases.tar.zst" "$WORK_DIR/irled"
  unpack "$DATA_DIR/irled-en/current-cases-dev.tar.zst" "$WORK_DIR/irled"
  index_with_tracuu "$WORK_DIR/irled.db" "$WORK_DIR/irled/prior_cases"
  "$BENCH_BIN/bench_relevance" irled --data "$DATA_DIR" --work "$WORK_DIR" "${pg_args[@]}" "${irled_args[@]}"
fi
