// Compact JWS / JWT verification. See verify.hpp for the order of checks.
#include "verify.hpp"

#include <algorithm>
#include <vector>

#include "algorithms.hpp"
#include "base64url.hpp"
#include "compact.hpp"
#include "decode.hpp"
#include "ed25519.hpp"
#include "header.hpp"
#include "verified_signatures.hpp"

namespace edjwt {
namespace {

bool contains(const std::vector<std::string>& list, std::string_view value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

bool is_ascii(std::string_view text) {
  return std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// RFC 7515 §4.1.11: every "crit" entry must be understood and present; b64
// (RFC 7797) is the one extension edjwt itself understands.
Outcome check_crit(const JoseHeader& header, const VerifyOptions& options) {
  if (header.crit_state == ClaimState::absent) return Outcome::success();
  const bool well_formed = header.crit_state == ClaimState::present && !header.crit.empty() &&
                           std::none_of(header.crit.begin(), header.crit.end(), [](const auto& s) { return s.empty(); });
  if (!well_formed) {
    return Outcome::failure(Status::header_invalid,
                            "\"crit\" (Critical) Header Parameter MUST be an array of non-empty strings when present");
  }
  for (const auto& parameter : header.crit) {
    if (parameter != "b64" && !contains(options.crit, parameter)) {
      return Outcome::failure(Status::crit_unsupported, "Extension Header Parameter \"" + parameter + "\" is not recognized");
    }
    if (!header.has(parameter)) {
      return Outcome::failure(Status::header_invalid, "Extension Header Parameter \"" + parameter + "\" is missing");
    }
  }
  return Outcome::success();
}

// b64 counts only when "crit" lists it (RFC 7797 §6); then it must be a boolean.
Outcome read_b64(const JoseHeader& header, bool& b64) {
  b64 = true;
  if (!contains(header.crit, "b64")) return Outcome::success();
  if (header.b64_state != ClaimState::present) {
    return Outcome::failure(Status::header_invalid,
                            "The \"b64\" (base64url-encode payload) Header Parameter must be a boolean");
  }
  b64 = header.b64;
  return Outcome::success();
}

const char kSignatureInvalid[] = "signature verification failed";

// Whether the signature stands, and how: of the one size the key's scheme
// produces, then found in the verified-signature cache, or verified by the
// core (Ed25519, and then remembered), or left pending for the platform's
// verdict (the other key types). Unchecked: refused.
SignatureState check_signature(const VerifyKey& key, const Algorithm& algorithm, const CompactJws& jws,
                               std::string_view token, const std::vector<std::uint8_t>& signature) {
  if (signature.size() != signature_size(algorithm, key.kind.bits)) return SignatureState::unchecked;
  // An Ed25519 key is its own identity in the cache; only the platform's keys need the caller's.
  const bool ed25519 = key.kind.type == KeyType::ed25519;
  const std::string_view cache_key =
      ed25519 && key.public_key != nullptr
          ? std::string_view(reinterpret_cast<const char*>(key.public_key->data()), key.public_key->size())
          : key.cache_key;
  VerifiedSignatures& cache = verified_signatures();
  if (key.cache_capacity != 0 && !cache_key.empty() && cache.contains(cache_key, token)) return SignatureState::verified;
  if (!ed25519) return SignatureState::pending;
  if (key.public_key == nullptr ||
      !ed25519::verify(key.public_key->data(), key.public_key->size(),
                       reinterpret_cast<const std::uint8_t*>(jws.signing_input.data()), jws.signing_input.size(),
                       signature.data(), signature.size())) {
    return SignatureState::unchecked;
  }
  if (!cache_key.empty()) cache.remember(cache_key, token, key.cache_capacity);
  return SignatureState::verified;
}

}  // namespace

VerifyResult verify_compact(std::string_view token, const VerifyKey& key, const VerifyOptions& options,
                            const Limits& limits, Stage stage) {
  VerifyResult result;
  Outcome& outcome = result.outcome;
  CompactJws jws;
  if (outcome = split_compact_jws(token, limits, jws); !outcome.ok()) return result;

  JoseHeader header;
  JoseHeaderSink header_sink(header);
  outcome = decode_json_segment(jws.header, limits, "protected header", Status::header_malformed,
                                Status::header_malformed, result.header_json, &header_sink);
  if (!outcome.ok()) return result;
  if (outcome = check_crit(header, options); !outcome.ok()) return result;
  bool b64 = true;
  if (outcome = read_b64(header, b64); !outcome.ok()) return result;
  if (header.alg.state != ClaimState::present || header.alg.value.empty()) {
    outcome = Outcome::failure(Status::header_invalid, "JWS \"alg\" (Algorithm) Header Parameter missing or invalid");
    return result;
  }
  const std::string& alg = header.alg.value;
  if (options.check_algorithms && !contains(options.algorithms, alg)) {
    outcome = Outcome::failure(Status::alg_not_allowed, "\"alg\" (Algorithm) Header Parameter value not allowed");
    return result;
  }
  if (!is_ascii(jws.payload)) {
    outcome = Outcome::failure(Status::payload_encoding_malformed, "the payload must use only ASCII characters");
    return result;
  }
  if (stage == Stage::header) return result;

  const Algorithm* algorithm = find_algorithm(alg);
  if (algorithm == nullptr) {
    outcome = Outcome::failure(Status::alg_not_supported, "alg " + alg + " is not supported");
    return result;
  }
  std::vector<std::uint8_t> signature;
  if (const auto decoded = base64url::decode(jws.signature, signature); !decoded.ok()) {
    outcome = Outcome::failure(Status::signature_malformed, "signature: " + base64url::describe(decoded));
    return result;
  }
  if (key.kind.type == KeyType::none) {
    outcome = Outcome::failure(Status::key_invalid, "no key to verify with");
    return result;
  }
  if (outcome = keys::check_usage(key.usage, key.kind, alg); !outcome.ok()) return result;
  result.signature_state = check_signature(key, *algorithm, jws, token, signature);
  if (result.signature_state == SignatureState::unchecked) {
    outcome = Outcome::failure(Status::signature_invalid, kSignatureInvalid);
    return result;
  }
  if (result.signature_state == SignatureState::pending) {
    result.signature = std::move(signature);
    result.signing_input = jws.signing_input;
  }

  if (!b64) {
    result.payload.assign(jws.payload);
  } else if (const auto decoded = base64url::decode(jws.payload, result.payload); !decoded.ok()) {
    outcome = Outcome::failure(Status::payload_encoding_malformed, "payload: " + base64url::describe(decoded));
    result.payload.clear();
    return result;
  }
  if (!options.jwt) return result;
  if (!b64) {
    outcome = Outcome::failure(Status::unencoded_payload, "JWTs MUST NOT use unencoded payload");
    result.payload.clear();
    return result;
  }
  RegisteredClaims claims;
  RegisteredClaimsSink claims_sink(claims);
  if (const auto check = json::check_object(result.payload, limits.max_json_depth, &claims_sink); !check.ok()) {
    outcome = Outcome::failure(Status::claims_malformed, "JWT Claims Set must be a top-level JSON object: " +
                                                             json::describe(check));
    result.payload.clear();
    return result;
  }
  ClaimCheck claim_check = validate_claims(claims, header, options.claims);
  outcome = std::move(claim_check.outcome);
  result.claim = std::move(claim_check.claim);
  result.reason = std::move(claim_check.reason);
  return result;
}

Outcome settle_signature(std::string_view token, std::string_view cache_key, std::size_t cache_capacity,
                         bool platform_verified) {
  if (!platform_verified) return Outcome::failure(Status::signature_invalid, kSignatureInvalid);
  if (!cache_key.empty()) verified_signatures().remember(cache_key, token, cache_capacity);
  return Outcome::success();
}

}  // namespace edjwt
