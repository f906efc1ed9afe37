// Expiry agrees with verification's rules and names the token's state.
#include "core/expiry.hpp"

#include <gtest/gtest.h>

using edjwt::expiry::evaluate;
using edjwt::expiry::Times;
using edjwt::expiry::TokenState;

namespace {
const edjwt::schedule::Policy policy;
Times times(double iat_s, double exp_s) { return {true, false, true, exp_s * 1000, 0, iat_s * 1000}; }
}  // namespace

TEST(Expiry, ValidThenExpiringThenExpired) {
  EXPECT_EQ(evaluate(times(0, 3600), 1000, 0, 0, policy).state, TokenState::valid);
  EXPECT_EQ(evaluate(times(0, 3600), 3541000, 0, 0, policy).state, TokenState::expiring);
  EXPECT_EQ(evaluate(times(0, 3600), 3600000, 0, 0, policy).state, TokenState::expired);
}

TEST(Expiry, ReportsTimeLeftAndLifetime) {
  const auto e = evaluate(times(100, 400), 200500, 0, 0, policy);
  EXPECT_EQ(e.expires_in_ms, 199500);
  EXPECT_EQ(e.lifetime_ms, 300000);
  EXPECT_FALSE(e.expired);
}

TEST(Expiry, ExpiredMatchesJoseWholeSecondsAndTolerance) {
  EXPECT_TRUE(evaluate(times(0, 100), 100000, 0, 0, policy).expired);
  EXPECT_FALSE(evaluate(times(0, 100), 99999, 0, 0, policy).expired);
  EXPECT_FALSE(evaluate(times(0, 100), 104000, 0, 5000, policy).expired);
  EXPECT_TRUE(evaluate(times(0, 100), 105000, 0, 5000, policy).expired);
}

TEST(Expiry, NotBeforeIsNotYetValid) {
  Times t = times(0, 1000);
  t.has_nbf = true;
  t.nbf_ms = 500000;
  EXPECT_EQ(evaluate(t, 100000, 0, 0, policy).state, TokenState::not_yet_valid);
  EXPECT_TRUE(evaluate(t, 100000, 0, 0, policy).not_yet_valid);
  EXPECT_EQ(evaluate(t, 500000, 0, 0, policy).state, TokenState::valid);
}

TEST(Expiry, TheClockOffsetIsApplied) {
  // The local clock is 10 minutes slow: the issuer is 600 s ahead.
  EXPECT_TRUE(evaluate(times(0, 100), 0, 600000, 0, policy).expired);
  EXPECT_EQ(evaluate(times(0, 1000), 0, 600000, 0, policy).expires_in_ms, 400000);
}

TEST(Expiry, AClaimOfTheWrongTypeIsAnError) {
  edjwt::RegisteredClaims claims;
  edjwt::RegisteredClaimsSink sink(claims);
  ASSERT_TRUE(edjwt::json::check_object(R"({"exp":"soon"})", 32, &sink).ok());
  Times out;
  EXPECT_EQ(edjwt::expiry::times_of(claims, out).status, edjwt::Status::claim_invalid);
}
