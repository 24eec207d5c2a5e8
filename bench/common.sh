# Shared by the bench/run_*.sh drivers: options, paths to the programs, the data check,
# a work folder, and cleanup on exit. Source it; it parses the common options:
#   --data DIR     the shared data (default ../shared/data beside the repository)
#   --build DIR    the CMake build folder (default build/ in the repository)
#   --work DIR     keep intermediate files (indexes, unpacked data) there instead of a
#                  temporary folder removed at exit; what is already there is reused
#   --no-postgres  leave PostgreSQL out
# Anything else is left in BENCH_ARGS for the driver.
# Programs can also be named by TRACUU_INDEX, TRACUU_SEARCHD and BENCH_BIN (a folder).

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO_DIR=$(dirname "$BENCH_DIR")
DATA_DIR="$(dirname "$REPO_DIR")/shared/data"
BUILD_DIR="$REPO_DIR/build"
WORK_DIR=""
USE_POSTGRES=1
BENCH_ARGS=()

while [ $# -gt 0 ]; do
  case "$1" in
    --data) DATA_DIR=$2; shift 2 ;;
    --build) BUILD_DIR=$2; shift 2 ;;
    --work) WORK_DIR=$2; shift 2 ;;
    --no-postgres) USE_POSTGRES=0; shift ;;
    *) BENCH_ARGS+=("$1"); shift ;;
  esac
done

TRACUU_INDEX=${TRACUU_INDEX:-$BUILD_DIR/indexer/tracuu-index}
TRACUU_SEARCHD=${TRACUU_SEARCHD:-$BUILD_DIR/searchd/tracuu-searchd}
BENCH_BIN=${BENCH_BIN:-$BUILD_DIR/bench}

# Cleanup actions, run last-registered first when the driver exits for any reason.
CLEANUPS=()
on_exit() { CLEANUPS+=("$1"); }
run_cleanups() {
  local i
  for ((i = ${#CLEANUPS[@]} - 1; i >= 0; i--)); do eval "${CLEANUPS[$i]}" || true; done
}
trap run_cleanups EXIT
trap 'exit 130' INT TERM

die() { echo "$(basename "$0"): $*" >&2; exit 2; }
note() { echo "$(basename "$0"): $*" >&2; }

# require_data PATH...: stop with a clear message when the shared data is missing.
require_data() {
  local path
  for path in "$@"; do
    [ -e "$DATA_DIR/$path" ] ||
      die "no $DATA_DIR/$path: pass --data DIR, the folder described in ../shared/data/README.md"
  done
}

# require_programs PATH...: stop when the build is missing a program.
require_programs() {
  local program
  for program in "$@"; do
    [ -x "$program" ] || die "no $program: build first (cmake --build $BUILD_DIR -j2) or pass --build DIR"
  done
}

# make_work_dir: sets WORK_DIR, a temporary folder removed at exit unless --work was given.
make_work_dir() {
  if [ -n "$WORK_DIR" ]; then
    mkdir -p "$WORK_DIR"
    WORK_DIR=$(cd "$WORK_DIR" && pwd)
  else
    WORK_DIR=$(mktemp -d "${TMPDIR:-/tmp}/tracuu-bench.XXXXXX")
    on_exit "rm -rf '$WORK_DIR'"
  fi
}

# unpack ARCHIVE DIR: a .tar.zst into DIR, once (a marker file remembers it).
unpack() {
  local marker
  marker="$2/.unpacked-$(basename "$1")"
  if [ ! -e "$marker" ]; then
    mkdir -p "$2"
    tar --zstd -xf "$1" -C "$2"
    touch "$marker"
  fi
}

# now_ns: monotonic-enough wall clock in nanoseconds, for whole-program timings.
now_ns() { date +%s%N; }

# machine_line: what the figures were measured on.
machine_line() {
  local model commit
  model=$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -1)
  commit=$(git -C "$REPO_DIR" rev-parse --short HEAD 2>/dev/null || echo "no commit")
  echo "Machine: ${model:-unknown CPU}, $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo) RAM; $(date -u +%Y-%m-%d); commit $commit; load average at start $(cut -d' ' -f1-3 /proc/loadavg)"
}

# print_table TITLE SYSTEM... -- ROW...: a Markdown table as bench/table.hpp prints it.
# Each ROW is "metric|decimals|value|value|...", one value per system ("" when not
# measured); ratio columns divide the first system's value by each other's.
print_table() {
  local title=$1
  shift
  local systems=()
  while [ "$1" != -- ]; do systems+=("$1"); shift; done
  shift
  printf '\n### %s\n\n' "$title"
  printf '%s\n' "$@" | awk -F'|' -v systems="$(IFS='|'; echo "${systems[*]}")" '
    BEGIN {
      n = split(systems, name, "|")
      line = "| metric |"; rule = "|---|"
      for (i = 1; i <= n; i++) { line = line " " name[i] " |"; rule = rule "---:|" }
      for (i = 2; i <= n; i++) { line = line " " name[1] " ÷ " name[i] " |"; rule = rule "---:|" }
      print line; print rule
    }
    {
      line = "| " $1 " |"
      for (i = 1; i <= n; i++) line = line " " ($(i + 2) == "" ? "–" : sprintf("%.*f", $2, $(i + 2))) " |"
      for (i = 2; i <= n; i++)
        line = line " " ($3 == "" || $(i + 2) == "" || $(i + 2) == 0 ? "–" : sprintf("%.2f", $3 / $(i + 2))) " |"
      print line
    }'
}
