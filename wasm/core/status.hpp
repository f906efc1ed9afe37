// The core's one error model: every fallible operation returns a Status and a
// short message naming the rule that failed. The JS layer maps each Status to a
// jose error class in one table (js/status.js). The numeric values cross the
// wasm boundary: append new codes, never renumber.
#pragma once

#include <string>
#include <utility>

namespace edjwt {

// What each status means (JS maps each to jose's error class in js/status.js):
//   ok                          the operation succeeded
//   token_too_long              over Limits::max_token_length
//   compact_malformed           not exactly three dot-separated segments
//   jwe_not_supported           five segments: a JWE, which edjwt does not decrypt
//   header_malformed            protected header: base64url, UTF-8, JSON, not an object, too deep
//   payload_encoding_malformed  payload segment is not strict base64url
//   claims_malformed            decoded payload is not a JSON object edjwt can represent faithfully
//   signature_malformed         signature segment is not strict base64url
//   header_invalid              a header parameter breaks a rule: alg missing, crit or b64 malformed
//   crit_unsupported            "crit" names an extension the caller did not recognise
//   alg_not_allowed             alg outside the caller's `algorithms`
//   alg_not_supported           alg unknown to JOSE, or 'none', Ed448, lower-case spellings
//   key_unusable                the key cannot be used with this alg (use, alg, key_ops, key type)
//   key_type_not_supported      a JWK cannot serve this alg's key type (jose: JOSENotSupported)
//   signature_invalid           the signature does not verify under the key
//   unencoded_payload           b64:false in a JWT, which RFC 7797 forbids for JWTs
//   claim_invalid               a claim check failed (iss, aud, sub, typ, nbf, iat, types, presence)
//   claim_expired               exp passed, or iat older than maxTokenAge
//   key_invalid                 a key is malformed: not 32 bytes, non-canonical, small order, bad DER/PEM
//   request_malformed           edjwt's own JS wrote a request the bindings cannot read: a bug, never user input
// Every status, as X(name, value): the enum below and the table the bindings
// export to JS (scripts/generate-core-constants.mjs writes js/core-constants.js
// from it) both come from this one list.
#define EDJWT_STATUSES(X) \
  X(ok, 0) \
  X(token_too_long, 1) \
  X(compact_malformed, 2) \
  X(jwe_not_supported, 3) \
  X(header_malformed, 4) \
  X(payload_encoding_malformed, 5) \
  X(claims_malformed, 6) \
  X(signature_malformed, 7) \
  X(header_invalid, 8) \
  X(crit_unsupported, 9) \
  X(alg_not_allowed, 10) \
  X(alg_not_supported, 11) \
  X(key_unusable, 12) \
  X(key_type_not_supported, 13) \
  X(signature_invalid, 14) \
  X(unencoded_payload, 15) \
  X(claim_invalid, 16) \
  X(claim_expired, 17) \
  X(key_invalid, 18) \
  X(request_malformed, 19)

enum class Status : int {
#define EDJWT_STATUS_ENUMERATOR(name, value) name = value,
  EDJWT_STATUSES(EDJWT_STATUS_ENUMERATOR)
#undef EDJWT_STATUS_ENUMERATOR
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
