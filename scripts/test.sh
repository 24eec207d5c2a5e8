#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh --tests
# playwright-core for the web page's tests, as package-lock.json pins it (no browser download:
# they use Debian's Chromium).
if ! [ tests/browser/node_modules/.package-lock.json -nt tests/browser/package-lock.json ]; then
  (cd tests/browser && npm ci --prefer-offline --no-audit --no-fund --loglevel=error)
fi
scripts/build.sh -DTRACUU_BUILD_TESTS=ON
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
