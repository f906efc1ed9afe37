// Verification of a compact JWS, and of a JWT inside it, in jose's order of
// checks: structure → header → crit → b64 → alg present and allowed → [key
// resolution, by the caller] → alg known → signature encoding → key usage →
// signature → payload → claims. The first failure is the result, so errors
// match jose's for the same input. The core checks Ed25519 signatures itself.
// For the platform's algorithms (RSA, ECDSA, HMAC) one call does every check
// but the signature's arithmetic and leaves the signature pending
// (SignatureState::pending): its outcome is the token's outcome only if the
// platform verifies the signature, whose bytes it hands over. The caller then
// gives the platform's verdict to settle_signature(), which says whether the
// signature stands (and remembers it); a false verdict is the result, before
// any payload or claims outcome, as in jose. Each check runs once: the token
// is parsed once however its signature is checked. A hit in the
// verified-signature cache stands for either check. A payload is returned
// only once its signature has verified or is pending; claim failures (which
// come after) carry it, as jose's JWTExpired and JWTClaimValidationFailed do.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "claims_validation.hpp"
#include "keys.hpp"
#include "limits.hpp"
#include "status.hpp"

namespace edjwt {

struct VerifyOptions {
  bool check_algorithms = false;
  std::vector<std::string> algorithms;  // the caller's allow-list
  std::vector<std::string> crit;        // extensions the caller recognises (b64 always is)
  bool jwt = true;                      // validate the payload as a JWT claims set
  ClaimRules claims;
};

#define EDJWT_STAGES(X) \
  X(header, 0) /* stop once the header is accepted, for callers that pick a key from it */ \
  X(full, 1)

#define EDJWT_SIGNATURE_STATES(X) \
  X(unchecked, 0) /* not reached, or refused */ \
  X(verified, 1)  /* by the core, or found in the verified-signature cache */ \
  X(pending, 2)   /* the platform's to check, then settle_signature()'s to accept */

#define EDJWT_ENUMERATOR(name, value) name = value,
enum class Stage : int { EDJWT_STAGES(EDJWT_ENUMERATOR) };
enum class SignatureState : int { EDJWT_SIGNATURE_STATES(EDJWT_ENUMERATOR) };
#undef EDJWT_ENUMERATOR

struct VerifyResult {
  Outcome outcome;
  std::string header_json;
  std::string payload;              // claims JSON (jwt) or payload bytes, once the signature verified or is pending
  // Pending: `outcome` and `payload` stand only once settle_signature() accepts the signature.
  SignatureState signature_state = SignatureState::unchecked;
  std::vector<std::uint8_t> signature;  // pending: the decoded signature, of the size the key's scheme gives
  std::string_view signing_input;       // pending: what it signs, a view into the token (valid while the token is)
  std::string claim, reason;        // for claim failures
};

struct VerifyKey {
  keys::KeyKind kind;
  const keys::PublicKey* public_key = nullptr;  // Ed25519 keys only
  keys::Usage usage;
  // The key's identity in the verified-signature cache (verified_signatures.hpp)
  // for the platform's keys: the caller's canonical text of the public key (an
  // Ed25519 key is its own bytes). How many verified tokens to remember; 0: none.
  std::string_view cache_key;
  std::size_t cache_capacity = 0;
};

VerifyResult verify_compact(std::string_view token, const VerifyKey& key, const VerifyOptions& options,
                            const Limits& limits, Stage stage = Stage::full);

// The platform's verdict on the pending signature of `token` under a key whose
// identity in the verified-signature cache is `cache_key` (capacity as
// VerifyKey's): success, the signature remembered, when the platform verified
// it; signature_invalid when it did not. Fail closed: a pending result stands
// only on this success.
Outcome settle_signature(std::string_view token, std::string_view cache_key, std::size_t cache_capacity,
                         bool platform_verified);

}  // namespace edjwt
