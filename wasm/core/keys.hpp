// Public keys for verification: import from raw bytes, from a JWK's "x"
// (strict base64url, exactly 32 bytes) or from an SPKI PEM (strict DER, OID
// 1.3.101.112, RFC 8410), each checked once by ed25519::check_public_key so
// that verification does no key parsing. Also the JWK usage constraints
// ("use", "alg", "key_ops", RFC 7517 §4) that decide whether a key may verify
// a token with a given alg.
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "status.hpp"

namespace edjwt::keys {

using PublicKey = std::array<std::uint8_t, 32>;

Outcome import_raw(const std::uint8_t* bytes, std::size_t size, PublicKey& out);
Outcome import_jwk_x(std::string_view x, PublicKey& out);
Outcome import_spki_pem(std::string_view pem, PublicKey& out);

// How the caller holds the key, which decides jose's error for an alg the key
// cannot serve: a key object (jose's CryptoKey/KeyObject) or a plain JWK.
enum class KeyForm { key_object, jwk };
enum class KeyOps { absent, includes_verify, excludes_verify };

struct Usage {
  KeyForm form = KeyForm::key_object;
  std::string alg;  // the JWK's "alg", empty when absent
  std::string use;  // the JWK's "use", empty when absent
  KeyOps key_ops = KeyOps::absent;
};

// Whether a key held as `usage` may verify a token whose header says `alg`.
Outcome check_usage(const Usage& usage, std::string_view alg);

}  // namespace edjwt::keys
