// Clock-offset estimation. See clock_skew.hpp.
#include "clock_skew.hpp"

#include <algorithm>
#include <cmath>

namespace edjwt::clock_skew {

Estimate add_sample(const Estimate& current, double issuer_time_ms, double local_start_ms, double local_end_ms) {
  const double lowest = issuer_time_ms - local_end_ms;
  const double highest = issuer_time_ms + kResolutionMs - local_start_ms;
  const bool usable = std::isfinite(lowest) && std::isfinite(highest) && local_start_ms <= local_end_ms;
  if (!usable || lowest > kMaxOffsetMs || highest < -kMaxOffsetMs) return current;
  const double offset = std::clamp(current.offset_ms, lowest, highest);
  return {true, offset};
}

}  // namespace edjwt::clock_skew
