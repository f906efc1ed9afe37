// Claim validation follows jose: typ, presence, iss, sub, aud, then time windows
// with a tolerance; each failure names the claim and a reason.
#include "core/claims_validation.hpp"

#include <gtest/gtest.h>

using edjwt::ClaimRules;
using edjwt::Status;

namespace {
edjwt::ClaimCheck check(std::string_view claims_json, const ClaimRules& rules, std::string_view header_json = "{}") {
  edjwt::RegisteredClaims claims;
  edjwt::RegisteredClaimsSink claims_sink(claims);
  EXPECT_TRUE(edjwt::json::check_object(claims_json, 32, &claims_sink).ok());
  edjwt::JoseHeader header;
  edjwt::JoseHeaderSink header_sink(header);
  EXPECT_TRUE(edjwt::json::check_object(header_json, 32, &header_sink).ok());
  return edjwt::validate_claims(claims, header, rules);
}
ClaimRules at(double now) {
  ClaimRules rules;
  rules.now = now;
  return rules;
}
}  // namespace

TEST(ClaimsValidation, ExpIsExclusiveAndToleranceExtendsIt) {
  EXPECT_TRUE(check(R"({"exp":101})", at(100)).outcome.ok());
  const auto expired = check(R"({"exp":100})", at(100));
  EXPECT_EQ(expired.outcome.status, Status::claim_expired);
  EXPECT_EQ(expired.claim, "exp");
  EXPECT_EQ(expired.reason, "check_failed");
  ClaimRules tolerant = at(100);
  tolerant.clock_tolerance = 5;
  EXPECT_TRUE(check(R"({"exp":96})", tolerant).outcome.ok());
  EXPECT_EQ(check(R"({"exp":95})", tolerant).outcome.status, Status::claim_expired);
}

TEST(ClaimsValidation, NbfInTheFutureFailsBeyondTolerance) {
  EXPECT_TRUE(check(R"({"nbf":100})", at(100)).outcome.ok());
  EXPECT_EQ(check(R"({"nbf":101})", at(100)).claim, "nbf");
  ClaimRules tolerant = at(100);
  tolerant.clock_tolerance = 1;
  EXPECT_TRUE(check(R"({"nbf":101})", tolerant).outcome.ok());
}

TEST(ClaimsValidation, NumericDatesOfAnotherTypeAreInvalidEvenUnchecked) {
  const auto result = check(R"({"iat":"yesterday"})", at(100));
  EXPECT_EQ(result.outcome.status, Status::claim_invalid);
  EXPECT_EQ(result.claim, "iat");
  EXPECT_EQ(result.reason, "invalid");
  EXPECT_EQ(check(R"({"exp":null})", at(100)).reason, "invalid");
}

TEST(ClaimsValidation, IssuerSubjectAudience) {
  ClaimRules rules = at(100);
  rules.check_issuer = true;
  rules.issuers = {"a", "b"};
  EXPECT_TRUE(check(R"({"iss":"b"})", rules).outcome.ok());
  EXPECT_EQ(check(R"({"iss":"c"})", rules).claim, "iss");
  EXPECT_EQ(check(R"({"iss":1})", rules).reason, "check_failed");
  EXPECT_EQ(check(R"({})", rules).reason, "missing");

  ClaimRules audience = at(100);
  audience.check_audience = true;
  audience.audiences = {"api"};
  EXPECT_TRUE(check(R"({"aud":"api"})", audience).outcome.ok());
  EXPECT_TRUE(check(R"({"aud":["x","api"]})", audience).outcome.ok());
  EXPECT_TRUE(check(R"({"aud":[1,"api"]})", audience).outcome.ok());  // jose finds it too
  EXPECT_EQ(check(R"({"aud":["x"]})", audience).claim, "aud");
  EXPECT_EQ(check(R"({"aud":{"api":1}})", audience).claim, "aud");

  ClaimRules subject = at(100);
  subject.check_subject = true;
  subject.subject = "u";
  EXPECT_TRUE(check(R"({"sub":"u"})", subject).outcome.ok());
  EXPECT_EQ(check(R"({"sub":"v"})", subject).claim, "sub");
}

TEST(ClaimsValidation, PresenceIsCheckedInJoseOrder) {
  ClaimRules rules = at(100);
  rules.required = {"x", "y"};
  rules.check_issuer = true;
  rules.issuers = {"a"};
  EXPECT_EQ(check(R"({})", rules).claim, "iss");
  EXPECT_EQ(check(R"({"iss":"a"})", rules).claim, "y");
  EXPECT_TRUE(check(R"({"iss":"a","x":null,"y":0})", rules).outcome.ok());
}

TEST(ClaimsValidation, TypIsNormalisedAsJoseDoes) {
  ClaimRules rules = at(100);
  rules.check_typ = true;
  rules.typ = "JWT";
  EXPECT_TRUE(check("{}", rules, R"({"typ":"application/jwt"})").outcome.ok());
  EXPECT_TRUE(check("{}", rules, R"({"typ":"jwt"})").outcome.ok());
  EXPECT_EQ(check("{}", rules, R"({"typ":"at+jwt"})").claim, "typ");
  EXPECT_EQ(check("{}", rules, R"({})").claim, "typ");
  EXPECT_EQ(edjwt::normalize_typ("AT+JWT"), "application/at+jwt");
}

TEST(ClaimsValidation, MaxTokenAge) {
  ClaimRules rules = at(1000);
  rules.check_max_token_age = true;
  rules.max_token_age = 60;
  EXPECT_TRUE(check(R"({"iat":940})", rules).outcome.ok());
  EXPECT_EQ(check(R"({"iat":939})", rules).outcome.status, Status::claim_expired);
  EXPECT_EQ(check(R"({"iat":1001})", rules).outcome.status, Status::claim_invalid);
  EXPECT_EQ(check(R"({})", rules).reason, "missing");
}
