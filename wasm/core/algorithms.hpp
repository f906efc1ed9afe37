// The JWS "alg" registry as jose v6 knows it (RFC 7518 §3, RFC 8037, RFC
// 9864, ML-DSA): each algorithm's signature scheme, the one key type that may
// verify it, and its hash size. The key decides the family: a header can only
// pick an algorithm whose key type is the key's own, so an RSA public key never
// verifies HS256 and a P-256 key never verifies ES384. EdDSA/Ed25519 verify in
// the core; the others' signature arithmetic runs on the platform (node:crypto
// or WebCrypto) between a verify call and its settling (verify.hpp).
// The lists below also reach JS as generated constants (js/core-constants.js).
#pragma once

#include <cstddef>
#include <string_view>

namespace edjwt {

// What a key is. `none`: no key edjwt holds (ML-DSA keys, or no key at all).
#define EDJWT_KEY_TYPES(X) \
  X(none, 0) \
  X(ed25519, 1) \
  X(rsa, 2) \
  X(ec_p256, 3) \
  X(ec_p384, 4) \
  X(ec_p521, 5) \
  X(oct, 6)

#define EDJWT_SCHEMES(X) \
  X(eddsa, 0) \
  X(hmac, 1) \
  X(rsa_pkcs1, 2) \
  X(rsa_pss, 3) \
  X(ecdsa, 4) \
  X(ml_dsa, 5)

// X(name, scheme, key type, hash bits). ML-DSA is known, so that a header
// naming it is refused for its key rather than as an unknown alg, as jose does.
#define EDJWT_ALGORITHMS(X) \
  X("EdDSA", eddsa, ed25519, 512) \
  X("Ed25519", eddsa, ed25519, 512) \
  X("HS256", hmac, oct, 256) \
  X("HS384", hmac, oct, 384) \
  X("HS512", hmac, oct, 512) \
  X("RS256", rsa_pkcs1, rsa, 256) \
  X("RS384", rsa_pkcs1, rsa, 384) \
  X("RS512", rsa_pkcs1, rsa, 512) \
  X("PS256", rsa_pss, rsa, 256) \
  X("PS384", rsa_pss, rsa, 384) \
  X("PS512", rsa_pss, rsa, 512) \
  X("ES256", ecdsa, ec_p256, 256) \
  X("ES384", ecdsa, ec_p384, 384) \
  X("ES512", ecdsa, ec_p521, 512) \
  X("ML-DSA-44", ml_dsa, none, 0) \
  X("ML-DSA-65", ml_dsa, none, 0) \
  X("ML-DSA-87", ml_dsa, none, 0)

#define EDJWT_ENUMERATOR(name, value) name = value,
enum class KeyType : int { EDJWT_KEY_TYPES(EDJWT_ENUMERATOR) };
enum class Scheme : int { EDJWT_SCHEMES(EDJWT_ENUMERATOR) };
#undef EDJWT_ENUMERATOR

struct Algorithm {
  std::string_view name;
  Scheme scheme;
  KeyType key_type;
  int hash_bits;
};

// The registry entry for `alg` (case-sensitive, RFC 7515 §4.1.1), or nullptr
// for anything else: 'none', Ed448, 'eddsa', JWE algorithms.
const Algorithm* find_algorithm(std::string_view alg);

// The only JWS signature length each platform scheme can produce for a key
// (RFC 7518 §3.2, §3.3, §3.4): checked before the platform sees a signature,
// so a DER-encoded ECDSA signature, a truncated HMAC or an RSA signature of
// another modulus size fails here, closed, whatever the platform would do.
// `key_bits` is the RSA modulus or HMAC secret size; 0 means any length.
std::size_t signature_size(const Algorithm& alg, unsigned key_bits);

// RFC 7518 §3.3 (and jose): an RSA modulus under 2048 bits is refused.
constexpr unsigned kMinRsaBits = 2048;

}  // namespace edjwt
