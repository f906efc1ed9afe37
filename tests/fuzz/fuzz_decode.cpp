// libFuzzer target: unverified token decoding (decodeJwt, decodeProtectedHeader).
// The input is the token text. Besides "no crash, no sanitizer report": a
// success hands back JSON that check_object accepts again, registered
// NumericDates are finite, and every failure carries a message.
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/decode.hpp"
#include "core/json_object.hpp"
#include "fuzz_check.hpp"

namespace {

void check_result(const edjwt::DecodedJson& result, const edjwt::Limits& limits) {
  if (!result.outcome.ok()) {
    FUZZ_REQUIRE(!result.outcome.message.empty());
    return;
  }
  FUZZ_REQUIRE(edjwt::json::check_object(result.json, limits.max_json_depth).ok());
}

void check_date(const edjwt::NumericDateClaim& claim) {
  if (claim.state == edjwt::ClaimState::present) FUZZ_REQUIRE(std::isfinite(claim.seconds));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view token(reinterpret_cast<const char*>(data), size);
  edjwt::Limits limits;
  limits.max_token_length = 4096;  // inputs beyond it (max_len 8192) reach the limit check

  edjwt::RegisteredClaims claims;
  const auto payload = edjwt::decode_jwt_claims(token, limits, &claims);
  check_result(payload, limits);
  if (payload.outcome.ok()) {
    check_date(claims.exp);
    check_date(claims.nbf);
    check_date(claims.iat);
    FUZZ_REQUIRE(edjwt::decode_jwt_claims(token, limits).json == payload.json);
  }
  check_result(edjwt::decode_protected_header(token, limits), limits);
  check_result(edjwt::decode_protected_header_segment(token, limits), limits);
  return 0;
}
