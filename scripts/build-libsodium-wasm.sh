#!/usr/bin/env bash
# Builds libsodium for wasm32 with Emscripten, once, into a cache outside the
# clone (so CI's fresh clone on the same machine reuses it), and installs its
# private ref10 headers (include/sodium/private) beside the public ones: the
# core's per-key tables use libsodium's own field and group arithmetic, in the
# wasm and the native builds (wasm/core/sodium_ref10.hpp). The cache key is
# the source (Debian's .dsc, or the tarball/folder in LIBSODIUM_SRC), the
# configure flags and the compiler version: a change to any of them rebuilds.
# Prints the install prefix (include/, lib/libsodium.a) on stdout, and nothing
# else there: progress and errors go to stderr.
set -euo pipefail

cache_root="${XDG_CACHE_HOME:-$HOME/.cache}/edjwt"
src_cache="$cache_root/libsodium-source"
mkdir -p "$src_cache"
export NODE_PATH=/usr/share/nodejs   # emcc's JS optimizer needs Debian's acorn

fetch_debian_source() {
  if ! ls "$src_cache"/libsodium_*.dsc >/dev/null 2>&1; then
    if ! grep -rqs '^Types:.*deb-src' /etc/apt/sources.list.d/ && ! grep -qs '^deb-src' /etc/apt/sources.list; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > /etc/apt/sources.list.d/edjwt-deb-src.sources
      apt-get update -qq >&2
    fi
    (cd "$src_cache" && apt-get source --download-only -qq libsodium >&2) || {
      apt-get update -qq >&2 && (cd "$src_cache" && apt-get source --download-only -qq libsodium >&2)
    }
  fi
  ls "$src_cache"/libsodium_*.dsc | sort | tail -n 1
}

if [[ -n "${LIBSODIUM_SRC:-}" ]]; then
  source_id=$( { [[ -d "$LIBSODIUM_SRC" ]] && echo "$LIBSODIUM_SRC" || sha256sum "$LIBSODIUM_SRC"; } | sha256sum | cut -c1-16)
else
  dsc=$(fetch_debian_source)
  source_id=$(sha256sum "$dsc" | cut -c1-16)
fi
configure_flags=(--disable-shared --enable-minimal --without-pthreads --disable-ssp --disable-asm
  --disable-pie --host=wasm32-unknown-emscripten CFLAGS=-O3)
# emcc's first line names its version. Read whole: `emcc --version | head -n 1`
# fails at random under pipefail, when head exits before emcc has written all.
emcc_version=$(emcc --version)
key="$source_id-$(printf '%s\n%s\n' "${configure_flags[*]}" "${emcc_version%%$'\n'*}" | sha256sum | cut -c1-12)"
prefix="$cache_root/libsodium-wasm/$key"

work=$(mktemp -d "$cache_root/build.XXXXXX")
trap 'rm -rf "$work"' EXIT
unpack_source() {
  if [[ -n "${LIBSODIUM_SRC:-}" ]]; then
    if [[ -d "$LIBSODIUM_SRC" ]]; then cp -a "$LIBSODIUM_SRC" "$work/src"
    else mkdir "$work/src" && tar -xzf "$LIBSODIUM_SRC" -C "$work/src" --strip-components=1; fi
  else
    (cd "$work" && dpkg-source --no-check -x "$dsc" src >/dev/null)   # applies Debian's patches
  fi
}
install_private_headers() {
  mkdir -p "$prefix/include/sodium/private"
  cp "$work/src/src/libsodium/include/sodium/private/"*.h "$prefix/include/sodium/private/"
}

if [[ -f "$prefix/lib/libsodium.a" ]]; then
  if [[ ! -f "$prefix/include/sodium/private/ed25519_ref10.h" ]]; then
    unpack_source
    install_private_headers
  fi
  echo "$prefix"
  exit 0
fi

unpack_source

echo "libsodium-wasm: building into $prefix (about 3 minutes, once)" >&2
log="$work/build.log"
quietly() { "$@" >>"$log" 2>&1 || { tail -n 40 "$log" >&2; echo "libsodium-wasm: '$*' failed" >&2; exit 1; }; }
cd "$work/src"
# The configure probes run under Node: no global fetch (Emscripten 3.1.6's
# loader would try to fetch the .wasm by path), and a CommonJS scope.
echo '{"type":"commonjs"}' > package.json
export NODE_OPTIONS=--no-experimental-fetch
[[ -x configure ]] || DO_NOT_UPDATE_CONFIG_SCRIPTS=1 quietly ./autogen.sh
quietly emconfigure ./configure --prefix="$prefix" "${configure_flags[@]}"
quietly emmake make -j"$(nproc)"
quietly make install
install_private_headers
# Older builds (other sources or flags) are no longer used by this checkout.
find "$cache_root/libsodium-wasm" -mindepth 1 -maxdepth 1 ! -path "$prefix" -exec rm -rf {} +
echo "$prefix"
