#!/usr/bin/env bash
# README command 2: install what is missing, build, run every test through CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build.sh -DTRACUU_BUILD_TESTS=ON
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 600
