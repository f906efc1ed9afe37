// Unverified decoding with jose's semantics: decodeJwt reads only the payload
// of a three-segment token; decodeProtectedHeader reads the first segment of a
// three- or five-segment token. Results are the decoded JSON text, already
// checked by json::check_object, for JSON.parse on the JS side -- so the JS
// objects are exactly jose's, and nothing is built or serialised twice.
#pragma once

#include <string>
#include <string_view>

#include "claims.hpp"
#include "limits.hpp"
#include "status.hpp"

namespace edjwt {

struct DecodedJson {
  Outcome outcome;
  std::string json;
};

DecodedJson decode_jwt_claims(std::string_view token, const Limits& limits, RegisteredClaims* claims = nullptr);
DecodedJson decode_protected_header(std::string_view token, const Limits& limits);
// The base64url "protected" member of a flattened JWS or JWE.
DecodedJson decode_protected_header_segment(std::string_view segment, const Limits& limits);

// Shared by decoding and verification: base64url-decode `segment` into `json_out`
// and check it as a JSON object. `part` names the segment in messages.
Outcome decode_json_segment(std::string_view segment, const Limits& limits, std::string_view part,
                            Status encoding_failure, Status json_failure, std::string& json_out,
                            json::MemberSink* sink);

}  // namespace edjwt
