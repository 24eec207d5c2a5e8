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
# The index is serve.sh's own, built from corpus/: one left by an older analyzer or schema
# version (the indexer refuses it, saying to rebuild) is rebuilt beside it, then swapped in.
errors=$(mktemp)
trap 'rm -f "$errors"' EXIT
status=0
build/indexer/tracuu-index --db "$index" corpus/ 2> >(tee "$errors" >&2) || status=$?
wait  # for tee
if [ "$status" = 3 ] && grep -q "rebuild the index" "$errors"; then
  echo "serve.sh: rebuilding $index from corpus/"
  rm -rf "$index.rebuild"
  build/indexer/tracuu-index --db "$index.rebuild" corpus/
  rm -rf "$index"
  mv "$index.rebuild" "$index"
elif [ "$status" != 0 ]; then
  exit "$status"
fi
rm -f "$errors"  # exec below runs no EXIT trap
cat <<MSG

tracuu is serving corpus/ on http://$listen (Ctrl-C stops it). Open http://$listen/ in a
browser for the search page, or try:
  curl 'http://$listen/search?q=nghi+quyet+126'
  curl 'http://$listen/search?q=126/NQ-CP'
  curl 'http://$listen/documents/001_a0a33c27a62ce187'
  curl 'http://$listen/health'

MSG
exec build/searchd/tracuu-searchd --db "$index" --listen "$listen"
