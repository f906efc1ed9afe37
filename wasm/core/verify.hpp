// Verification of a compact JWS, and of a JWT inside it, in jose's order of
// checks: structure → header → crit → b64 → alg present and allowed → [key
// resolution, by the caller] → alg known → signature encoding → key usage →
// signature → payload → claims. The first failure is the result, so errors
// match jose's for the same input. The core checks Ed25519 signatures itself;
// for the platform's algorithms (RSA, ECDSA, HMAC) a first call stops at
// Stage::signature with the signature's bytes, the caller checks them with
// the platform, and a second, full call takes its verdict
// (VerifyKey::platform_verified): without it, such a key never verifies
// (fail closed). A hit in the verified-signature cache stands for either check. A payload is returned only after its
// signature has verified; claim failures (which come after) carry it, as
// jose's JWTExpired and JWTClaimValidationFailed do.
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
  X(header, 0)    /* stop once the header is accepted, for callers that pick a key from it */ \
  X(signature, 1) /* stop before the signature check, with its bytes, for the platform to check */ \
  X(full, 2)
#define EDJWT_ENUMERATOR(name, value) name = value,
enum class Stage : int { EDJWT_STAGES(EDJWT_ENUMERATOR) };
#undef EDJWT_ENUMERATOR

struct VerifyResult {
  Outcome outcome;
  std::string header_json;
  std::string payload;              // claims JSON (jwt) or payload bytes, once the signature verified
  // Stage::full: whether a payload may be returned with a claims failure.
  // Stage::signature: the cache already holds this token for this key, so the
  // platform need not check it (the full call finds it there too).
  bool signature_verified = false;
  std::vector<std::uint8_t> signature;  // Stage::signature: the decoded signature, of the size the key needs
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
  // The platform's verdict on this signing input and signature, for the key
  // types the core does not compute (RSA, EC, HMAC), read at Stage::full only.
  // Never read for an Ed25519 key: the core checks those itself.
  bool platform_verified = false;
};

VerifyResult verify_compact(std::string_view token, const VerifyKey& key, const VerifyOptions& options,
                            const Limits& limits, Stage stage = Stage::full);

}  // namespace edjwt
