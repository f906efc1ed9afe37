// The refresh policy: when a token is refreshed, how failures back off, what
// ends a session, and how late wake-ups (sleep, throttled tabs) are handled.
#include "core/schedule.hpp"

#include <gtest/gtest.h>

#include <cmath>

using namespace edjwt::schedule;

namespace {
const Policy policy;

TokenTimes token(double iat_s, double exp_s) { return {true, true, exp_s * 1000, iat_s * 1000}; }

Step adopt(const TokenTimes& times, double now_ms, double jitter = 0, double offset_ms = 0) {
  State state;
  state.clock_offset_ms = offset_ms;
  Event event{EventKind::adopted, now_ms, jitter};
  event.token = times;
  return advance(state, event, policy);
}

Step on(const State& state, EventKind kind, double now_ms, double jitter = 0, bool fatal = false) {
  Event event{kind, now_ms, jitter, fatal};
  return advance(state, event, policy);
}
}  // namespace

TEST(Schedule, LongLivedTokensRefreshSixtySecondsBeforeExpiry) {
  EXPECT_EQ(adopt(token(0, 3600), 0).state.wake_at_ms, 3540000);
}

TEST(Schedule, ShortLivedTokensRefreshAtEightyPercentOfTheirLifetime) {
  EXPECT_EQ(adopt(token(0, 30), 0).state.wake_at_ms, 24000);
  EXPECT_EQ(adopt(token(0, 3), 0).state.wake_at_ms, 2400);
}

TEST(Schedule, JitterMovesTheRefreshEarlierWithinItsBounds) {
  for (double u : {0.0, 0.25, 0.5, 0.999}) {
    const double at = adopt(token(0, 3600), 0, u).state.wake_at_ms;
    EXPECT_LE(at, 3540000);
    EXPECT_GE(at, 3540000 - policy.jitter_ms);  // 5 s cap for long tokens
    const double short_at = adopt(token(0, 30), 0, u).state.wake_at_ms;
    EXPECT_LE(short_at, 24000);
    EXPECT_GE(short_at, 24000 - 3000);  // 10 % of a 30 s lifetime
  }
  EXPECT_LT(adopt(token(0, 3600), 0, 0.9).state.wake_at_ms, adopt(token(0, 3600), 0, 0.1).state.wake_at_ms);
}

TEST(Schedule, NeverRefreshesSoonerThanTheMinimumGap) {
  // A token that is already due when it arrives (issued long ago) waits the gap.
  EXPECT_EQ(adopt(token(-100, 10), 0).state.wake_at_ms, policy.min_refresh_gap_ms);
}

TEST(Schedule, TheClockOffsetMovesTheScheduleOntoTheLocalClock) {
  // The local clock is 10 minutes fast: issuer time = local - 600 s.
  const double fast = -600000;
  const Step step = adopt(token(1000, 1030), 1000 * 1000 + 600000, 0, fast);
  EXPECT_EQ(step.state.wake_at_ms, 1024000 + 600000);
}

TEST(Schedule, FailuresBackOffExponentiallyUpToTheCap) {
  // A refresh demanded early in an hour-long token's life, so no retry is clamped to expiry.
  State state = adopt(token(0, 3600), 0).state;
  state = on(state, EventKind::refresh_started, 1000).state;
  double now = 1000;
  std::vector<double> delays;
  for (int i = 0; i < 7; ++i) {
    const Step step = on(state, EventKind::refresh_failed, now);
    delays.push_back(step.state.wake_at_ms - now);
    now = step.state.wake_at_ms;
    state = on(step.state, EventKind::refresh_started, now).state;
  }
  EXPECT_EQ(delays, (std::vector<double>{1000, 2000, 4000, 8000, 16000, 30000, 30000}));
}

TEST(Schedule, BackoffJitterIsAtMostTwentyPercentEarlier) {
  State state = on(adopt(token(0, 3600), 0).state, EventKind::refresh_started, 100).state;
  const Step step = on(state, EventKind::refresh_failed, 100, 0.999);
  EXPECT_GE(step.state.wake_at_ms - 100, 800);
  EXPECT_LT(step.state.wake_at_ms - 100, 1000);
}

TEST(Schedule, RetriesNeverLandAfterExpiryAndStopOnceItPasses) {
  State state = on(adopt(token(0, 30), 0).state, EventKind::refresh_started, 29500).state;
  const Step retry = on(state, EventKind::refresh_failed, 29500);
  EXPECT_EQ(retry.state.wake_at_ms, 30000);
  const Step wake = on(retry.state, EventKind::wake, 30000);
  EXPECT_EQ(wake.action, Action::refresh);
  EXPECT_TRUE(wake.signal_expired);
  const Step failed = on(wake.state, EventKind::refresh_failed, 30100);
  EXPECT_EQ(failed.state.phase, Phase::expired);
  EXPECT_EQ(failed.state.wake_at_ms, -1);
}

TEST(Schedule, AFatalFailureEndsTheSessionAtOnce) {
  State state = on(adopt(token(0, 3600), 0).state, EventKind::refresh_started, 10).state;
  const Step step = on(state, EventKind::refresh_failed, 10, 0, true);
  EXPECT_EQ(step.action, Action::end);
  EXPECT_EQ(step.state.phase, Phase::ended);
  EXPECT_EQ(on(step.state, EventKind::demand, 20).action, Action::none);
}

TEST(Schedule, AWakeBeforeTheRefreshPointDoesNothing) {
  const State state = adopt(token(0, 3600), 0).state;
  const Step step = on(state, EventKind::wake, 1000);
  EXPECT_EQ(step.action, Action::none);
  EXPECT_EQ(step.state.wake_at_ms, state.wake_at_ms);
}

TEST(Schedule, ALateWakeActsOnTheRealTime) {
  // A 30-minute sleep across the refresh point and expiry of a 10-minute token.
  const State state = adopt(token(0, 600), 0).state;
  const Step step = on(state, EventKind::wake, 1800000);
  EXPECT_EQ(step.action, Action::refresh);
  EXPECT_TRUE(step.signal_expired);
  EXPECT_FALSE(step.signal_expiring);
}

TEST(Schedule, ExpiringIsSignalledOnceWhenTheWindowOpens) {
  const State state = adopt(token(0, 3600), 0).state;
  const Step step = on(state, EventKind::wake, 3545000);
  EXPECT_TRUE(step.signal_expiring);
  EXPECT_EQ(step.action, Action::refresh);
}

TEST(Schedule, AFortyDayTokenIsScheduledFortyDaysOut) {
  const double forty_days_s = 40.0 * 86400;
  EXPECT_EQ(adopt(token(0, forty_days_s), 0).state.wake_at_ms, forty_days_s * 1000 - 60000);
}

TEST(Schedule, ATokenWithoutExpNeverSchedulesARefresh) {
  EXPECT_EQ(adopt(TokenTimes{}, 0).state.wake_at_ms, -1);
}

TEST(Schedule, ADemandRefreshesUnlessOneIsInFlight) {
  const State state = adopt(token(0, 3600), 0).state;
  const Step step = on(state, EventKind::demand, 5);
  EXPECT_EQ(step.action, Action::refresh);
  EXPECT_EQ(on(step.state, EventKind::demand, 6).action, Action::none);
}

TEST(Schedule, AdoptingATokenThatHasAlreadyExpiredStartsExpiredAndTheFirstDemandRefreshes) {
  // Issued an hour ago with a 300 s lifetime, adopted now.
  const Step adopted = adopt(token(0, 300), 3600000);
  EXPECT_EQ(adopted.state.phase, Phase::expired);
  EXPECT_EQ(adopted.state.wake_at_ms, -1);
  EXPECT_TRUE(adopted.signal_expired);
  const Step demand = on(adopted.state, EventKind::demand, 3600001);
  EXPECT_EQ(demand.action, Action::refresh);
  EXPECT_EQ(on(demand.state, EventKind::demand, 3600002).action, Action::none);
}

TEST(Schedule, ExpiryAtAdoptionIsJudgedOnTheEstimatedIssuerClock) {
  // exp at 300 s issuer time; adopted at local 350 s with the issuer 60 s behind: still valid.
  EXPECT_EQ(adopt(token(0, 300), 350000, 0, -60000).state.phase, Phase::active);
  EXPECT_EQ(adopt(token(0, 300), 350000, 0, 0).state.phase, Phase::expired);
}
