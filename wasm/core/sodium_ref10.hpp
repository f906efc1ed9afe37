// The one door to libsodium's private Ed25519 arithmetic (its ref10 code,
// include/sodium/private/ed25519_ref10.h of the same 1.0.18 source the library
// is built from; scripts/build-libsodium-wasm.sh installs those headers beside
// the wasm build, and the native build links Debian's static libsodium.a of the
// same source, whose shared library hides these symbols).
//
// What edjwt relies on, and nothing more:
// - the field element type fe25519 and its static inline operations
//   (fe25519_add/sub/neg/mul/sq/copy/0/1/iszero/scalar_product), plus
//   fe25519_invert/frombytes;
// - the group element layouts ge25519_p2/p3/p1p1/precomp/cached and the
//   exported functions ge25519_add, ge25519_p1p1_to_p3, ge25519_p3_to_cached,
//   ge25519_p3_tobytes, ge25519_frombytes, ge25519_frombytes_negate_vartime,
//   ge25519_is_canonical, ge25519_has_small_order;
// - the scalar functions sc25519_reduce and sc25519_is_canonical.
// ge25519_madd/msub and p2_dbl are static in libsodium; ed25519_tables.cpp has
// its own copies of those three short formulas, and ed25519_subgroup.cpp its
// own copy of the fe25519_pow22523 addition chain.
//
// The field representation must be the one the library was compiled with:
// 64-bit limbs (HAVE_TI_MODE) or 32-bit limbs. libsodium's configure enables
// TI mode exactly when the compiler has a 128-bit type on x86-64 or AArch64
// and the target is not Emscripten; the same test is repeated here, and the
// native and wasm differential tests would fail at once on a mismatch.
#pragma once

#ifndef CONFIGURED
#define CONFIGURED 1  // what libsodium's configure defines; silences its "undocumented method" warning
#endif
#ifndef NATIVE_LITTLE_ENDIAN
#define NATIVE_LITTLE_ENDIAN 1  // x86-64, AArch64 and wasm32 are all little-endian
#endif
#if !defined(__EMSCRIPTEN__) && defined(__SIZEOF_INT128__) && (defined(__x86_64__) || defined(__aarch64__))
#ifndef HAVE_TI_MODE
#define HAVE_TI_MODE 1
#endif
#endif

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wpedantic"
#pragma GCC diagnostic ignored "-Wsign-conversion"
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wcast-qual"
#pragma GCC diagnostic ignored "-Wunused-function"
extern "C" {
#include "private/ed25519_ref10.h"
}
#pragma GCC diagnostic pop
