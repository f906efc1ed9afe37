#!/usr/bin/env bash
# Installs the system toolchain edjwt builds with (Debian packages, as root) and
# builds libsodium for wasm32 once into a cache outside the clone. Idempotent:
# every step checks first, so a second run costs a few dpkg queries.
set -euo pipefail

REQUIRED_PACKAGES=(
  cmake g++ make pkg-config
  emscripten             # emcc/em++ 3.1.6 + binaryen; Debian's, since emsdk cannot download here
  nlohmann-json3-dev
  libsodium-dev          # native build only: Debian's libsodium is x86-64
  googletest libgtest-dev
  libbenchmark-dev
  clang                  # libFuzzer builds of the native core
  libclang-rt-14-dev     # libFuzzer and the sanitizer runtimes (only a Recommends of clang)
  dpkg-dev               # dpkg-source, to unpack libsodium's source package with Debian's patches
  autoconf automake libtool
)
# Packages that only the browser tests and the demo need.
BROWSER_PACKAGES=(chromium redis-server)   # redis-server: the demo backend's scaling-out tests

want_browser=0
[[ "${1:-}" == "--with-browser" ]] && want_browser=1

is_debian() { [[ -r /etc/debian_version ]] && command -v apt-get >/dev/null; }

missing_packages() {
  local p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || echo "$p"
  done
}

packages=("${REQUIRED_PACKAGES[@]}")
(( want_browser )) && packages+=("${BROWSER_PACKAGES[@]}")

if ! is_debian || [[ $EUID -ne 0 ]]; then
  mapfile -t missing < <(is_debian && missing_packages "${packages[@]}" || printf '%s\n' "${packages[@]}")
  if (( ${#missing[@]} )); then
    cat >&2 <<MSG
edjwt set-up needs system packages it cannot install here (not root, or not Debian).
Install these (Debian/Ubuntu names) and run again:
  apt-get install -y ${missing[*]}
Elsewhere: Emscripten 3.1.x (emsdk), CMake >= 3.21, a C++17 compiler, nlohmann/json 3.x,
libsodium (native), GoogleTest, and libsodium 1.0.18 source in LIBSODIUM_SRC
(https://download.libsodium.org/libsodium/releases/libsodium-1.0.18.tar.gz).
MSG
    exit 1
  fi
else
  mapfile -t missing < <(missing_packages "${packages[@]}")
  if (( ${#missing[@]} )); then
    echo "setup: installing ${missing[*]}"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

bash "$(dirname "$0")/build-libsodium-wasm.sh" >/dev/null
