#!/usr/bin/env bash
# Builds everything `npm test` and `npm start` need, skipping what is done:
# system toolchain, npm dependencies, the native core (plain and with
# sanitizers) and the wasm module in dist/. Usage: build.sh [native|sanitize|wasm|fuzz ...]
# (fuzz, the libFuzzer targets, is built only when named: scripts/fuzz.sh does).
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup-toolchain.sh ${EDJWT_SETUP_FLAGS:-}
sodium_prefix=$(bash scripts/build-libsodium-wasm.sh)  # its only stdout: the prefix

# npm dependencies: reinstall only when package-lock.json changed.
stamp=node_modules/.edjwt-lock-sha256
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [[ ! -f $stamp || $(cat "$stamp") != "$lock_sum" ]]; then
  echo "build: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > "$stamp"
fi

# Configure once; again only when a -D value differs from the cached one.
configure() {  # preset, extra -DNAME=VALUE args...
  local preset=$1; shift
  local cache=build/$preset/CMakeCache.txt define
  local stale=0
  [[ -f $cache ]] || stale=1
  for define in "$@"; do
    grep -qxF "${define#-D}" <(sed 's/:[A-Z]*=/=/' "$cache" 2>/dev/null) || stale=1
  done
  (( stale )) || return 0
  if [[ $preset == wasm ]]; then quietly emcmake cmake --preset wasm "$@"
  else quietly cmake --preset "$preset" "$@"; fi
}

# Build output only on failure, which fails the script.
quietly() {
  local log
  log=$(mktemp)
  if ! "$@" >"$log" 2>&1; then cat "$log" >&2; rm -f "$log"; echo "build: '$*' failed" >&2; exit 1; fi
  grep -E 'warning:' "$log" >&2 || true
  rm -f "$log"
}

sodium=-DEDJWT_LIBSODIUM_PREFIX="$sodium_prefix"
targets=("$@")
(( ${#targets[@]} )) || targets=(native sanitize wasm)
for target in "${targets[@]}"; do
  case $target in
    native) configure native "$sodium"; quietly cmake --build --preset native -j2 ;;
    sanitize) configure native-sanitize "$sodium"; quietly cmake --build --preset native-sanitize -j2 ;;
    wasm)
      configure wasm "$sodium"
      quietly cmake --build --preset wasm -j2
      node scripts/generate-core-constants.mjs
      node scripts/build-package.mjs
      node scripts/size-report.mjs ;;
    fuzz) configure fuzz "$sodium"; quietly cmake --build --preset fuzz -j2 ;;
    *) echo "build: unknown target $target" >&2; exit 2 ;;
  esac
done
