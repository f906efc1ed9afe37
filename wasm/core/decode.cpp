// Unverified decoding. See decode.hpp.
#include "decode.hpp"

#include "base64url.hpp"
#include "compact.hpp"
#include "json_object.hpp"

namespace edjwt {

Outcome decode_json_segment(std::string_view segment, const Limits& limits, std::string_view part,
                            Status encoding_failure, Status json_failure, std::string& json_out,
                            json::MemberSink* sink) {
  if (segment.empty()) return Outcome::failure(encoding_failure, std::string(part) + " segment is empty");
  if (const auto decoded = base64url::decode(segment, json_out); !decoded.ok()) {
    return Outcome::failure(encoding_failure, std::string(part) + ": " + base64url::describe(decoded));
  }
  if (const auto check = json::check_object(json_out, limits.max_json_depth, sink); !check.ok()) {
    return Outcome::failure(json_failure, std::string(part) + ": " + json::describe(check));
  }
  return Outcome::success();
}

DecodedJson decode_jwt_claims(std::string_view token, const Limits& limits, RegisteredClaims* claims) {
  DecodedJson result;
  CompactJws jws;
  result.outcome = split_compact_jws(token, limits, jws);
  if (result.outcome.ok()) result.outcome = check_no_surrounding_whitespace(token);
  if (!result.outcome.ok()) return result;
  // decodeJwt reports every payload problem as one class (JWTInvalid), so the
  // encoding and the JSON failures share a status here.
  RegisteredClaims unused;
  RegisteredClaimsSink sink(claims ? *claims : unused);
  result.outcome = decode_json_segment(jws.payload, limits, "payload", Status::claims_malformed,
                                       Status::claims_malformed, result.json, claims ? &sink : nullptr);
  return result;
}

DecodedJson decode_protected_header_segment(std::string_view segment, const Limits& limits) {
  DecodedJson result;
  result.outcome = check_token_length(segment, limits);
  if (!result.outcome.ok()) return result;
  result.outcome = decode_json_segment(segment, limits, "protected header", Status::header_malformed,
                                       Status::header_malformed, result.json, nullptr);
  return result;
}

DecodedJson decode_protected_header(std::string_view token, const Limits& limits) {
  DecodedJson result;
  result.outcome = check_token_length(token, limits);
  if (result.outcome.ok()) result.outcome = check_no_surrounding_whitespace(token);
  if (!result.outcome.ok()) return result;
  const std::size_t segments = count_segments(token);
  if (segments != 3 && segments != 5) {
    result.outcome = Outcome::failure(Status::compact_malformed,
                                      "a compact token has three (JWS) or five (JWE) segments, this one has " +
                                          std::to_string(segments));
    return result;
  }
  return decode_protected_header_segment(token.substr(0, token.find('.')), limits);
}

}  // namespace edjwt
