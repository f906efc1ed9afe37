// Registered claims are typed: a wrong type is reported as such, never defaulted.
#include "core/claims.hpp"

#include <gtest/gtest.h>

using edjwt::ClaimState;
using edjwt::RegisteredClaims;

namespace {
RegisteredClaims read(std::string_view json) {
  RegisteredClaims claims;
  edjwt::RegisteredClaimsSink sink(claims);
  EXPECT_TRUE(edjwt::json::check_object(json, 32, &sink).ok()) << json;
  return claims;
}
}  // namespace

TEST(Claims, AbsentClaimsAreAbsent) {
  const auto claims = read("{}");
  EXPECT_EQ(claims.exp.state, ClaimState::absent);
  EXPECT_EQ(claims.aud.state, ClaimState::absent);
  EXPECT_EQ(claims.iss.state, ClaimState::absent);
}

TEST(Claims, NumericDatesAreIntegersOrFractions) {
  const auto claims = read(R"({"exp":1700000000,"nbf":1699999999.25,"iat":-1})");
  EXPECT_EQ(claims.exp.state, ClaimState::present);
  EXPECT_EQ(claims.exp.seconds, 1700000000.0);
  EXPECT_EQ(claims.nbf.seconds, 1699999999.25);
  EXPECT_EQ(claims.iat.seconds, -1.0);
}

TEST(Claims, NumericDatesOfAnotherTypeAreWrongType) {
  const auto claims = read(R"({"exp":"1700000000","nbf":null,"iat":[1]})");
  EXPECT_EQ(claims.exp.state, ClaimState::wrong_type);
  EXPECT_EQ(claims.nbf.state, ClaimState::wrong_type);
  EXPECT_EQ(claims.iat.state, ClaimState::wrong_type);
}

TEST(Claims, StringClaims) {
  const auto claims = read(R"({"iss":"https://issuer","sub":"user-1","jti":7})");
  EXPECT_EQ(claims.iss.value, "https://issuer");
  EXPECT_EQ(claims.sub.value, "user-1");
  EXPECT_EQ(claims.jti.state, ClaimState::wrong_type);
}

TEST(Claims, AudienceIsAStringOrAnArrayOfStrings) {
  EXPECT_EQ(read(R"({"aud":"a"})").aud.values, std::vector<std::string>{"a"});
  EXPECT_EQ(read(R"({"aud":["a","b"]})").aud.values, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(read(R"({"aud":[]})").aud.state, ClaimState::present);
  EXPECT_EQ(read(R"({"aud":["a",1]})").aud.state, ClaimState::wrong_type);
  EXPECT_EQ(read(R"({"aud":{"a":1}})").aud.state, ClaimState::wrong_type);
}

TEST(Claims, ARepeatedClaimReplacesTheEarlierOneAsInJsonParse) {
  const auto claims = read(R"({"exp":"x","exp":5,"aud":["a"],"aud":"b"})");
  EXPECT_EQ(claims.exp.state, ClaimState::present);
  EXPECT_EQ(claims.exp.seconds, 5.0);
  EXPECT_EQ(claims.aud.values, std::vector<std::string>{"b"});
}

TEST(Claims, NestedMembersDoNotCount) {
  const auto claims = read(R"({"other":{"exp":5,"aud":"x"}})");
  EXPECT_EQ(claims.exp.state, ClaimState::absent);
  EXPECT_EQ(claims.aud.state, ClaimState::absent);
}
