// Estimating the offset between the issuer's clock and the local one, so that
// a local clock minutes fast or slow causes neither refresh loops (a fast
// clock sees every new token as nearly expired) nor premature logouts (a slow
// one keeps using lapsed tokens). Samples come from each freshly issued
// token's iat (the issuer's "now", seconds before we received it) and from a
// server Date header; the estimate is smoothed and bounded.
#pragma once

namespace edjwt::clock_skew {

struct Estimate {
  bool has_estimate = false;
  double offset_ms = 0;    // issuer clock minus local clock, as sessions use it
  double smoothed_ms = 0;  // the running estimate behind offset_ms
};

// Offsets beyond a day are refused as samples: no real clock is that wrong,
// so such an iat or Date says more about the token or server than the clock.
constexpr double kMaxOffsetMs = 24.0 * 3600 * 1000;
// Each new sample moves the estimate half way: quick to settle, while one odd
// sample (a slow response, iat's one-second resolution) moves it only so far.
constexpr double kSmoothing = 0.5;
// iat and Date have one-second resolution and arrive after some network
// delay, so an estimate within a second of zero is indistinguishable from a
// correct clock: it is used as zero rather than skewing every decision by up
// to a second (half the life of a 2-second token).
constexpr double kResolutionMs = 1000;

// `issuer_time_ms`: a fresh token's iat * 1000, or a server Date, read at
// `local_time_ms`. Both are whole seconds, so the sample is the middle of that second.
Estimate add_sample(const Estimate& current, double issuer_time_ms, double local_time_ms);

}  // namespace edjwt::clock_skew
