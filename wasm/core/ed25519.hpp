// Ed25519 through libsodium. Verification follows libsodium's strict rules
// (RFC 8032 §5.1.7 plus): S must be below the group order L (no malleable
// signatures), R and the public key must be canonical encodings and not of
// small order. Public keys are checked once, at import, by check_public_key.
#pragma once

#include <cstddef>
#include <cstdint>

namespace edjwt::ed25519 {

constexpr std::size_t kPublicKeyBytes = 32;
constexpr std::size_t kSignatureBytes = 64;

enum class KeyProblem { none, wrong_length, non_canonical, invalid_point };

// A key is accepted when its y coordinate is canonically encoded (below
// 2^255-19), it decodes to a curve point, and that point is neither of small
// order nor outside the prime-order subgroup: an honest key is never any of
// those, and the identity and other small-order keys allow forgeries that
// verify for every message (jose on OpenSSL accepts one under the identity key).
KeyProblem check_public_key(const std::uint8_t* key, std::size_t size);

// Verifies a detached signature; wrong lengths are simply false. The verdict
// is always crypto_sign_verify_detached's; a key verified more than once gets
// a precomputed table (key_tables.hpp) that makes the check about 3x faster.
bool verify(const std::uint8_t* key, std::size_t key_size, const std::uint8_t* message, std::size_t message_size,
            const std::uint8_t* signature, std::size_t signature_size);

// libsodium's crypto_sign_verify_detached alone, never a table: the reference
// the table path is tested against.
bool verify_without_tables(const std::uint8_t* key, std::size_t key_size, const std::uint8_t* message,
                           std::size_t message_size, const std::uint8_t* signature, std::size_t signature_size);

}  // namespace edjwt::ed25519
