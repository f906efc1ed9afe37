// Unverified decoding follows jose: decodeJwt reads the payload of a three-segment
// token; decodeProtectedHeader the first segment of a JWS or JWE.
#include "core/decode.hpp"

#include <gtest/gtest.h>

#include "core/base64url.hpp"

using edjwt::Limits;
using edjwt::Status;

namespace {
std::string b64(std::string_view text) {
  return edjwt::base64url::encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}
const std::string kHeader = b64(R"({"alg":"EdDSA","typ":"JWT"})");
}  // namespace

TEST(DecodeJwtClaims, ReturnsThePayloadJsonAndTypedClaims) {
  edjwt::RegisteredClaims claims;
  const auto result = edjwt::decode_jwt_claims(kHeader + "." + b64(R"({"sub":"u","exp":10})") + ".sig", Limits{}, &claims);
  ASSERT_TRUE(result.outcome.ok()) << result.outcome.message;
  EXPECT_EQ(result.json, R"({"sub":"u","exp":10})");
  EXPECT_EQ(claims.exp.seconds, 10.0);
}

TEST(DecodeJwtClaims, IgnoresTheHeaderAndSignatureAsJoseDoes) {
  EXPECT_TRUE(edjwt::decode_jwt_claims("!!!." + b64("{}") + ".!!!", Limits{}).outcome.ok());
}

TEST(DecodeJwtClaims, ReportsEachPayloadProblemAsMalformedClaims) {
  for (const std::string& payload : {std::string(""), std::string("e30="), b64("[]"), b64("{\"a\":1e999}")}) {
    EXPECT_EQ(edjwt::decode_jwt_claims(kHeader + "." + payload + ".", Limits{}).outcome.status,
              Status::claims_malformed)
        << payload;
  }
}

TEST(DecodeJwtClaims, NamesTheRuleInTheMessage) {
  const auto result = edjwt::decode_jwt_claims(kHeader + ".e30=.", Limits{});
  EXPECT_NE(result.outcome.message.find("padding"), std::string::npos) << result.outcome.message;
}

TEST(DecodeJwtClaims, RejectsJweAndOtherShapes) {
  EXPECT_EQ(edjwt::decode_jwt_claims("a.b.c.d.e", Limits{}).outcome.status, Status::jwe_not_supported);
  EXPECT_EQ(edjwt::decode_jwt_claims("a.b", Limits{}).outcome.status, Status::compact_malformed);
}

TEST(DecodeProtectedHeader, ReadsTheFirstSegmentOfAJwsOrJwe) {
  EXPECT_EQ(edjwt::decode_protected_header(kHeader + ".x.y", Limits{}).json, R"({"alg":"EdDSA","typ":"JWT"})");
  EXPECT_TRUE(edjwt::decode_protected_header(kHeader + ".a.b.c.d", Limits{}).outcome.ok());
  EXPECT_EQ(edjwt::decode_protected_header(kHeader + ".a", Limits{}).outcome.status, Status::compact_malformed);
}

TEST(DecodeProtectedHeader, RejectsMalformedHeaders) {
  EXPECT_EQ(edjwt::decode_protected_header(".a.b", Limits{}).outcome.status, Status::header_malformed);
  EXPECT_EQ(edjwt::decode_protected_header(b64("[1]") + ".a.b", Limits{}).outcome.status, Status::header_malformed);
}

TEST(DecodeProtectedHeader, HonoursTheDepthLimit) {
  Limits limits;
  limits.max_json_depth = 1;
  EXPECT_EQ(edjwt::decode_protected_header(b64(R"({"a":{}})") + ".a.b", limits).outcome.status,
            Status::header_malformed);
}

TEST(Decode, RefusesWhitespaceBeforeOrAfterTheTokenAsVerificationDoes) {
  const std::string token = kHeader + "." + b64("{}") + ".sig";
  for (const std::string& bad : {" " + token, "\n" + token, token + "\n", token + " ", "\t" + token + "\r\n"}) {
    const auto claims = edjwt::decode_jwt_claims(bad, Limits{});
    EXPECT_EQ(claims.outcome.status, Status::compact_malformed);
    EXPECT_NE(claims.outcome.message.find("whitespace is not allowed in base64url"), std::string::npos)
        << claims.outcome.message;
    EXPECT_EQ(edjwt::decode_protected_header(bad, Limits{}).outcome.status, Status::compact_malformed);
  }
  EXPECT_NE(edjwt::decode_jwt_claims(token + "\n", Limits{}).outcome.message.find("ends with whitespace"),
            std::string::npos);
}
