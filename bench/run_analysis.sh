#!/usr/bin/env bash
# Analysis speed: Google Benchmark of tracuu's analyzer on the news text, beside Xapian's
# TermGenerator and SQLite FTS5's unicode61 tokenizer on the same text, in MB/s.
# Usage: bench/run_analysis.sh [--data DIR] [--build DIR] [--work DIR] [--sample-mb N]
#                              [Google Benchmark flags such as --benchmark_repetitions=3]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

require_data news-vi-baomoi-2017.tar.zst
require_programs "$BENCH_BIN/bench_analyzer"
make_work_dir
unpack "$DATA_DIR/news-vi-baomoi-2017.tar.zst" "$WORK_DIR/news"

echo "## Analysis"
echo
machine_line
# Two seconds per benchmark at least, for several iterations of the slower ones, and the median
# of five such runs: single runs vary by a fifth on a shared machine. The runs of all benchmarks
# are interleaved in random order, so that the machine's drift over the minutes of the bench
# falls on tracuu and its peers alike instead of on whichever ran in a slow stretch; the ratios
# are what is compared. Flags given later win.
"$BENCH_BIN/bench_analyzer" --news "$WORK_DIR/news" --benchmark_min_time=2 --benchmark_repetitions=5 \
    --benchmark_enable_random_interleaving=true --benchmark_report_aggregates_only=true "${BENCH_ARGS[@]}"
