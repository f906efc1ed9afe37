#!/usr/bin/env bash
# `npm run fuzz [-- SECONDS [TARGET ...]]`: builds the libFuzzer targets
# (preset fuzz: clang, ASan+UBSan) and runs each for SECONDS (default 60),
# starting from tests/fuzz/corpus/<target>/. Inputs it finds go to
# build/fuzz/corpus/<target>/ (kept for the next run), logs to build/fuzz/logs/.
# A crash, hang or sanitizer report fails the run and names the reproducer.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-60}
[[ $seconds =~ ^[1-9][0-9]*$ ]] || { echo "usage: fuzz.sh [SECONDS [TARGET ...]]" >&2; exit 2; }
(( $# )) && shift
targets=("$@")
(( ${#targets[@]} )) || targets=(decode json_object base64url keys verify ed25519_tables)

bash scripts/build.sh fuzz

stat() {  # log, name: a libFuzzer -print_final_stats value
  sed -n "s/^stat::$2: *//p" "$1" | tail -n 1
}

failed=0
for target in "${targets[@]}"; do
  binary=build/fuzz/fuzz_$target
  seeds=tests/fuzz/corpus/$target
  [[ -x $binary && -d $seeds ]] || { echo "fuzz: unknown target $target" >&2; exit 2; }
  work=build/fuzz/corpus/$target
  artifacts=build/fuzz/artifacts/$target
  log=build/fuzz/logs/$target.log
  mkdir -p "$work" "$artifacts" "$(dirname "$log")"
  if UBSAN_OPTIONS=print_stacktrace=1 "$binary" -max_total_time="$seconds" -timeout=10 -max_len=8192 \
       -print_final_stats=1 -artifact_prefix="$artifacts/" "$work" "$seeds" >"$log" 2>&1; then
    coverage=$(grep -o 'cov: [0-9]*' "$log" | tail -n 1)
    printf 'fuzz_%s: %s execs in %ss (%s/s), %s, corpus %s files: no crash\n' "$target" \
      "$(stat "$log" number_of_executed_units)" "$seconds" "$(stat "$log" average_exec_per_sec)" \
      "$coverage" "$(find "$work" "$seeds" -type f | wc -l)"
  else
    failed=1
    echo "fuzz_$target: FAILED (log: $log)"
    grep -E '^(==[0-9]+==ERROR|SUMMARY|fuzz property failed|.*runtime error)' "$log" | head -n 5 || true
    reproducer=$(sed -n 's/.*Test unit written to //p' "$log" | tail -n 1)
    if [[ -n $reproducer ]]; then
      echo "  reproducer: $reproducer"
      echo "  replay: $binary $reproducer"
    fi
  fi
done
exit "$failed"
