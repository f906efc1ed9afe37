// Clock-offset estimation. See clock_skew.hpp.
#include "clock_skew.hpp"

#include <cmath>

namespace edjwt::clock_skew {

Estimate add_sample(const Estimate& current, double issuer_time_ms, double local_time_ms) {
  const double sample = issuer_time_ms + kResolutionMs / 2 - local_time_ms;
  if (!std::isfinite(sample) || std::fabs(sample) > kMaxOffsetMs) return current;
  const double smoothed =
      current.has_estimate ? current.smoothed_ms + kSmoothing * (sample - current.smoothed_ms) : sample;
  return {true, std::fabs(smoothed) < kResolutionMs ? 0 : smoothed, smoothed};
}

}  // namespace edjwt::clock_skew
