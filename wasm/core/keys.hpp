// Keys for verification. Ed25519 public keys: import from raw bytes, from a
// JWK's "x" (strict base64url, exactly 32 bytes) or from an SPKI PEM (strict
// DER, OID 1.3.101.112, RFC 8410), each checked once by
// ed25519::check_public_key so that verification does no key parsing. Keys
// of the other types stay with the platform (node:crypto, WebCrypto), which
// parses them; the core learns only what each is (KeyKind). Also the rules that decide whether a key may verify a token with a given
// alg: its type against the alg's, RSA and HMAC key sizes, and the JWK usage
// constraints ("use", "alg", "key_ops", RFC 7517 §4).
#pragma once

#include <array>
#include <cstdint>
#include <string>
#include <string_view>

#include "algorithms.hpp"
#include "status.hpp"

namespace edjwt::keys {

using PublicKey = std::array<std::uint8_t, 32>;

Outcome import_raw(const std::uint8_t* bytes, std::size_t size, PublicKey& out);
Outcome import_jwk_x(std::string_view x, PublicKey& out);
Outcome import_spki_pem(std::string_view pem, PublicKey& out);

// What a key is, as far as the rules below care. `bits`: the RSA modulus or
// the HMAC secret size; unused otherwise.
struct KeyKind {
  KeyType type = KeyType::none;
  unsigned bits = 0;
};

// How the caller holds the key, which decides jose's error for an alg the key
// cannot serve: a key object (jose's CryptoKey/KeyObject) or a plain JWK.
#define EDJWT_KEY_FORMS(X) \
  X(key_object, 0) \
  X(jwk, 1)
#define EDJWT_KEY_OPS(X) \
  X(absent, 0) \
  X(includes_verify, 1) \
  X(excludes_verify, 2)
#define EDJWT_ENUMERATOR(name, value) name = value,
enum class KeyForm : int { EDJWT_KEY_FORMS(EDJWT_ENUMERATOR) };
enum class KeyOps : int { EDJWT_KEY_OPS(EDJWT_ENUMERATOR) };
#undef EDJWT_ENUMERATOR

struct Usage {
  KeyForm form = KeyForm::key_object;
  std::string alg;  // the JWK's "alg", empty when absent
  std::string use;  // the JWK's "use", empty when absent
  KeyOps key_ops = KeyOps::absent;
};

// Whether a key of `kind`, held as `usage`, may verify a token whose header
// says `alg`, with jose's error for each way it may not.
Outcome check_usage(const Usage& usage, const KeyKind& kind, std::string_view alg);

}  // namespace edjwt::keys
