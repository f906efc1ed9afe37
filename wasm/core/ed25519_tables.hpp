// Ed25519 verification with precomputed fixed-base tables: R' = [s]B + [h](-A)
// as a sum of table entries, with no doublings. A JWT issuer signs with the
// same few keys, so the multiples of a key's point can be computed once and
// reused; B's table is built once per process.
//
// Table layout: the scalar is recoded into kWindows signed digits of
// kWindowBits bits, d_i in [-16, 16]; window i holds k * 32^i * P for
// k = 1..16 in affine (y+x, y-x, 2dxy) form, so each nonzero digit costs one
// mixed addition (a negative digit subtracts). 51 windows x 16 entries x
// 120 bytes = 97,920 bytes per table. 5-bit windows were chosen by measurement
// against 4-bit ones (README, Performance): 51 instead of 64 additions per
// scalar for 1.6x the memory and 1.6x the build time.
//
// Everything here is variable-time: the inputs are a public key, a public
// message and a public signature.
#pragma once

#include <cstddef>
#include <cstdint>

namespace edjwt::ed25519 {

struct FixedBaseTable;  // opaque: its layout is libsodium's (sodium_ref10.hpp)

// Bytes of one table, for the README's memory figure and the bench.
std::size_t fixed_base_table_bytes();

// A table for -A, the negated point of `key` (32 bytes), or null when the key
// is not canonical, is of small order, does not decode, or memory ran out;
// then the caller verifies without a table. Delete with destroy_table.
FixedBaseTable* build_key_table(const std::uint8_t* key);
void destroy_table(FixedBaseTable* table);

// libsodium's crypto_sign_verify_detached verdict for (key, message,
// signature), computed with `negated_key_table` (built from that same key)
// and B's table. Same checks, in the same order: S < L, R not of small order,
// h = SHA-512(R || A || M) mod L, then encode R' and compare with R byte for
// byte. The key's own checks (canonical, not small order) were made when its
// table was built. False when B's table cannot be allocated.
bool verify_with_table(const FixedBaseTable& negated_key_table, const std::uint8_t* key,
                       const std::uint8_t* message, std::size_t message_size, const std::uint8_t* signature);

}  // namespace edjwt::ed25519
