// Verification of a compact JWS, and of a JWT inside it, in jose's order of
// checks: structure → header → crit → b64 → alg present and allowed → [key
// resolution, by the caller] → alg known → signature encoding → key usage →
// signature → payload → claims. The first failure is the result, so errors
// match jose's for the same input. A payload is returned only after its
// signature has verified; claim failures (which come after) carry it, as
// jose's JWTExpired and JWTClaimValidationFailed do.
#pragma once

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

enum class Stage {
  header,  // stop once the header is accepted, for callers that pick a key from it
  full,
};

struct VerifyResult {
  Outcome outcome;
  std::string header_json;
  std::string payload;              // claims JSON (jwt) or payload bytes, once the signature verified
  bool signature_verified = false;  // whether a payload may be returned with a claims failure
  std::string claim, reason;        // for claim failures
};

struct VerifyKey {
  const keys::PublicKey* public_key = nullptr;
  keys::Usage usage;
  // How many verified tokens to remember for this key (verified_signatures.hpp); 0: none.
  std::size_t cache_capacity = 0;
};

VerifyResult verify_compact(std::string_view token, const VerifyKey& key, const VerifyOptions& options,
                            const Limits& limits, Stage stage = Stage::full);

}  // namespace edjwt
