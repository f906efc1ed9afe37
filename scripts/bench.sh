#!/usr/bin/env bash
# `npm run bench`: build what is missing (the wasm module, and the native core's
# Google Benchmark when libbenchmark is installed), then every benchmark in one run.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/build.sh native wasm
if cmake --build --preset native --target help | grep -c native_bench >/dev/null; then
  cmake --build --preset native --target native_bench -j2 >/dev/null
fi
node bench/run.mjs
bash scripts/setup-toolchain.sh --with-browser >/dev/null
node bench/browser.mjs
