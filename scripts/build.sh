#!/usr/bin/env bash
# Configures and builds tracuu (Release) into build/.
#   scripts/build.sh [CMAKE_OPTION...] [-- TARGET...]
set -euo pipefail
cd "$(dirname "$0")/.."
options=() targets=()
while [ $# -gt 0 ]; do
  if [ "$1" = "--" ]; then shift; targets=("$@"); break; fi
  options+=("$1"); shift
done
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "${options[@]}" >/dev/null
if [ ${#targets[@]} -gt 0 ]; then
  cmake --build build -j"$(nproc)" --target "${targets[@]}"
else
  cmake --build build -j"$(nproc)"
fi
