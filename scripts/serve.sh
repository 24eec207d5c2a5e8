#!/usr/bin/env bash
# README command 1: install what is missing, build, index corpus/, serve it on 127.0.0.1:8080.
#   TRACUU_LISTEN=HOST:PORT and TRACUU_INDEX=DIR override the defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -- tracuu-index tracuu-searchd
listen="${TRACUU_LISTEN:-127.0.0.1:8080}"
index="${TRACUU_INDEX:-var/index}"
mkdir -p "$(dirname "$index")"
build/indexer/tracuu-index --db "$index" corpus/
cat <<MSG

tracuu is serving corpus/ on http://$listen (Ctrl-C stops it). Try:
  curl 'http://$listen/search?q=nghi+quyet+126'
  curl 'http://$listen/search?q=126/NQ-CP'
  curl 'http://$listen/documents/001_a0a33c27a62ce187'
  curl 'http://$listen/health'

MSG
exec build/searchd/tracuu-searchd --db "$index" --listen "$listen"
