#!/usr/bin/env bash
# Every test: builds what is missing, then the native core's GoogleTest suite
# (plain, then under ASan+UBSan), a short libFuzzer smoke run of every fuzz
# target (EDJWT_FUZZ_SECONDS each, default 12), then the JS suites on Node's
# test runner, whose summary closes the output.
set -euo pipefail
cd "$(dirname "$0")/.."

EDJWT_SETUP_FLAGS=--with-browser bash scripts/build.sh
bash scripts/build-demo.sh
# CTest's summary on success; its whole output, failures included, otherwise.
ctest_quietly() {
  local log
  log=$(mktemp)
  if ctest "$@" --output-on-failure >"$log" 2>&1; then tail -n 3 "$log"; rm -f "$log"
  else cat "$log"; rm -f "$log"; return 1; fi
}
echo "== native core tests (CTest)"
ctest_quietly --preset native
echo "== native core tests under ASan+UBSan (CTest)"
ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1 ctest_quietly --preset native-sanitize
fuzz_seconds=${EDJWT_FUZZ_SECONDS:-12}
echo "== fuzz smoke run (libFuzzer, ASan+UBSan, ${fuzz_seconds} s per target)"
bash scripts/fuzz.sh "$fuzz_seconds"
echo "== JS tests (node --test)"
shopt -s globstar
exec node --test --test-concurrency=1 tests/**/*.test.js
