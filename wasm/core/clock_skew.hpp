// Estimating the offset between the issuer's clock and the local one, so that
// a local clock minutes fast or slow causes neither refresh loops (a fast
// clock sees every new token as nearly expired) nor premature logouts (a slow
// one keeps using lapsed tokens).
//
// Only evidence about *now* counts: the iat of a token a refresh call has just
// returned, or a server Date header, each read by the issuer at some local
// instant between the call's start and end. Such a reading bounds the offset
// to an interval; a token restored from earlier says nothing about now and is
// never a sample. The estimate starts at zero (the local clock is trusted) and
// each sample moves it only as far as needed to lie inside that interval: a
// correct clock stays at zero, a wrong estimate is corrected by one fresh
// sample, and no sample moves it past what the evidence shows.
#pragma once

namespace edjwt::clock_skew {

struct Estimate {
  bool has_estimate = false;  // some evidence has been taken
  double offset_ms = 0;       // issuer clock minus local clock
};

// Offsets beyond a day are refused as samples: no real clock is that wrong,
// so such an iat or Date says more about the token or server than the clock.
constexpr double kMaxOffsetMs = 24.0 * 3600 * 1000;
// iat and Date are whole seconds: the issuer's clock read anywhere in
// [issuer_time, issuer_time + 1 s).
constexpr double kResolutionMs = 1000;

// `issuer_time_ms` (a fresh token's iat * 1000, or a server Date) was read by
// the issuer at a local instant in [local_start_ms, local_end_ms] (a refresh
// call's start and end). The offset then lies in
// [issuer_time - local_end, issuer_time + 1 s - local_start]; the estimate is
// moved to the nearest point of that interval.
Estimate add_sample(const Estimate& current, double issuer_time_ms, double local_start_ms, double local_end_ms);

}  // namespace edjwt::clock_skew
