// The core's one error model: every fallible operation returns a Status and a
// short message naming the rule that failed. The JS layer maps each Status to a
// jose error class in one table (js/status.js). The numeric values cross the
// wasm boundary: append new codes, never renumber.
#pragma once

#include <string>
#include <utility>

namespace edjwt {

enum class Status : int {
  ok = 0,
  token_too_long = 1,             // over Limits::max_token_length
  compact_malformed = 2,          // not exactly three dot-separated segments
  jwe_not_supported = 3,          // five segments: a JWE, which edjwt does not decrypt
  header_malformed = 4,           // protected header: base64url, UTF-8, JSON, not an object, too deep
  payload_encoding_malformed = 5, // payload segment is not strict base64url
  claims_malformed = 6,           // decoded payload is not a JSON object edjwt can represent faithfully
  signature_malformed = 7,        // signature segment is not strict base64url
  header_invalid = 8,             // a header parameter breaks a rule: alg missing, crit or b64 malformed
  crit_unsupported = 9,           // "crit" names an extension the caller did not recognise
  alg_not_allowed = 10,           // alg outside the caller's `algorithms`
  alg_not_supported = 11,         // alg unknown to JOSE, or 'none', Ed448, lower-case spellings
  key_unusable = 12,              // the key cannot be used with this alg (use, alg, key_ops, key type)
  key_type_not_supported = 13,    // a JWK cannot serve this alg's key type (jose: JOSENotSupported)
  signature_invalid = 14,         // the signature does not verify under the key
  unencoded_payload = 15,         // b64:false in a JWT, which RFC 7797 forbids for JWTs
  claim_invalid = 16,             // a claim check failed (iss, aud, sub, typ, nbf, iat, types, presence)
  claim_expired = 17,             // exp passed, or iat older than maxTokenAge
  key_invalid = 18,               // a key is malformed: not 32 bytes, non-canonical, small order, bad DER/PEM
  request_malformed = 19,         // edjwt's own JS wrote a request the bindings cannot read: a bug, never user input
};

// A status plus the message that goes with it. Messages never quote token content.
struct Outcome {
  Status status = Status::ok;
  std::string message;

  bool ok() const { return status == Status::ok; }
  static Outcome success() { return {}; }
  static Outcome failure(Status status, std::string message) { return {status, std::move(message)}; }
};

}  // namespace edjwt
