#!/usr/bin/env bash
# Installs, from Debian's packages, whatever tracuu needs and the machine lacks.
# Used by both README commands (scripts/serve.sh and scripts/test.sh). Idempotent:
# when everything is present it changes nothing and needs no network.
#   scripts/setup.sh [--tests]   --tests: also what the browser tests need (scripts/test.sh)
set -euo pipefail

packages=(
  # build
  build-essential cmake pkg-config
  # libraries
  libxapian-dev libicu-dev libboost-dev rapidjson-dev libcli11-dev libspdlog-dev
  # English spelling word lists, compiled into the analyzer (analyzers/english_words.hpp)
  wamerican wbritish
  # input formats for tracuu-index (issue 5): HTML5 parser, PDF text, Word and OpenDocument,
  # Markdown (cmark-gfm and its GitHub extensions: tables, strikethrough, autolinks, task lists)
  libgumbo-dev libpoppler-cpp-dev libzip-dev libpugixml-dev libcmark-gfm-dev libcmark-gfm-extensions-dev
  # legacy Word (.doc), read by catdoc in a process of its own (core/legacy_word.hpp)
  catdoc
  # tests and benchmarks
  libgtest-dev libgmock-dev libbenchmark-dev xapian-tools curl
  # peers and tools for bench/ (issue 3): SQLite FTS5, PostgreSQL, wrk, zstd for the data
  libsqlite3-dev sqlite3 libpq-dev postgresql postgresql-contrib wrk zstd
)

# The web page's tests drive Debian's Chromium with playwright-core from the npm registry
# (tests/browser/). A machine that has Node.js and npm from elsewhere keeps them.
if [ "${1:-}" = "--tests" ]; then
  packages+=(chromium)
  command -v node >/dev/null || packages+=(nodejs)
  command -v npm >/dev/null || packages+=(npm)
fi

missing=()
for package in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$package" 2>/dev/null || true)
  [ "$status" = "installed" ] || missing+=("$package")
done

if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "setup: installing ${missing[*]}" >&2
sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >&2
