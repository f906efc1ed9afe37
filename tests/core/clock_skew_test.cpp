// The clock offset: first sample taken as is, later ones smoothed, absurd ones refused.
#include "core/clock_skew.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace edjwt::clock_skew;

TEST(ClockSkew, TheFirstSampleIsTheEstimateAtTheMiddleOfTheWholeSecond) {
  const Estimate e = add_sample({}, 1000000, 1600000);  // local clock 10 minutes fast
  EXPECT_TRUE(e.has_estimate);
  EXPECT_EQ(e.offset_ms, -599500);
}

TEST(ClockSkew, LaterSamplesMoveTheEstimateHalfWay) {
  const Estimate e = add_sample({true, -600000, -600000}, 1000000, 1599500);
  EXPECT_EQ(e.offset_ms, -599500);
}

TEST(ClockSkew, OffsetsWithinASecondAreTreatedAsNone) {
  // A token issued in second 1000 and received 0.9 s into it, then 0.2 s into the next.
  Estimate e = add_sample({}, 1000000, 1000900);
  EXPECT_EQ(e.offset_ms, 0);
  e = add_sample(e, 1001000, 1002200);
  EXPECT_EQ(e.offset_ms, 0);
  EXPECT_TRUE(e.has_estimate);
}

TEST(ClockSkew, ConvergesOnASteadyOffset) {
  Estimate e;
  for (int i = 0; i < 20; ++i) e = add_sample(e, 1000000.0 + i * 1000, 400000.0 + i * 1000 + (i % 2 ? 900 : 0));
  EXPECT_NEAR(e.offset_ms, 600000, 1000);
}

TEST(ClockSkew, SamplesBeyondADayAreIgnored) {
  const Estimate e = add_sample({true, 5000, 5000}, 1e12, 1);
  EXPECT_EQ(e.offset_ms, 5000);
  EXPECT_FALSE(add_sample({}, NAN, 0).has_estimate);
}
