// The clock offset: trusted at zero until fresh evidence contradicts it, then
// moved only as far as the evidence requires; absurd samples refused.
#include "core/clock_skew.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace edjwt::clock_skew;

TEST(ClockSkew, ACorrectClockStaysAtZero) {
  // Issued in second 1000, during a call from 999.8 s to 1000.9 s local.
  const Estimate e = add_sample({}, 1000000, 999800, 1000900);
  EXPECT_TRUE(e.has_estimate);
  EXPECT_EQ(e.offset_ms, 0);
}

TEST(ClockSkew, ALocalClockTenMinutesFastIsCorrectedByOneSampleToTheEvidence) {
  const Estimate e = add_sample({}, 1000000, 1600000, 1600200);
  // The offset lies in [1000000 - 1600200, 1001000 - 1600000]; zero is moved to its nearest end.
  EXPECT_EQ(e.offset_ms, -599000);
}

TEST(ClockSkew, ALocalClockTenMinutesSlowIsCorrectedByOneSample) {
  const Estimate e = add_sample({}, 1600000, 1000000, 1000300);
  EXPECT_EQ(e.offset_ms, 599700);
}

TEST(ClockSkew, AnEstimateTheEvidenceAllowsIsKept) {
  const Estimate e = add_sample({true, -599500}, 1000000, 1599000, 1600000);
  EXPECT_EQ(e.offset_ms, -599500);
}

TEST(ClockSkew, AWrongEstimateIsCorrectedByOneFreshSampleNotHalfWay) {
  // An estimate an hour behind, then a token issued now by a correct clock.
  const Estimate e = add_sample({true, -3600000}, 5000000, 5000000, 5000400);
  EXPECT_EQ(e.offset_ms, -400);
}

TEST(ClockSkew, OneSampleMovesTheEstimateNoFurtherThanTheEvidenceInterval) {
  const Estimate start{true, 0};
  for (double issuer : {1e6, 2e6, 3e6}) {
    const Estimate e = add_sample(start, issuer, 1e6, 1e6 + 250);
    EXPECT_GE(e.offset_ms, issuer - (1e6 + 250));
    EXPECT_LE(e.offset_ms, issuer + kResolutionMs - 1e6);
  }
}

TEST(ClockSkew, AReadingAtOneInstantBoundsTheOffsetToItsSecond) {
  const Estimate e = add_sample({}, 1000000, 1600000, 1600000);
  EXPECT_EQ(e.offset_ms, -599000);
  EXPECT_EQ(add_sample({}, 1000000, 1000400, 1000400).offset_ms, 0);
}

TEST(ClockSkew, SamplesBeyondADayOrMalformedAreIgnored) {
  const Estimate e = add_sample({true, 5000}, 1e12, 1, 2);
  EXPECT_EQ(e.offset_ms, 5000);
  EXPECT_FALSE(add_sample({}, NAN, 0, 0).has_estimate);
  EXPECT_FALSE(add_sample({}, 1000, 500, 400).has_estimate);  // a call that ended before it started
}
