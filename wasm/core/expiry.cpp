// Expiry evaluation. See expiry.hpp.
#include "expiry.hpp"

#include <cmath>

namespace edjwt::expiry {
namespace {

Outcome read(const NumericDateClaim& claim, const char* name, bool& present, double& ms) {
  if (claim.state == ClaimState::wrong_type) {
    return Outcome::failure(Status::claim_invalid, std::string("\"") + name + "\" claim must be a number");
  }
  present = claim.state == ClaimState::present;
  ms = claim.seconds * 1000;
  return Outcome::success();
}

}  // namespace

Outcome times_of(const RegisteredClaims& claims, Times& out) {
  if (auto outcome = read(claims.exp, "exp", out.has_exp, out.exp_ms); !outcome.ok()) return outcome;
  if (auto outcome = read(claims.nbf, "nbf", out.has_nbf, out.nbf_ms); !outcome.ok()) return outcome;
  return read(claims.iat, "iat", out.has_iat, out.iat_ms);
}

schedule::TokenTimes schedule_times(const Times& times) {
  return {times.has_exp, times.has_iat, times.exp_ms, times.iat_ms};
}

Expiry evaluate(const Times& times, double local_now_ms, double clock_offset_ms, double tolerance_ms,
                const schedule::Policy& policy) {
  Expiry result;
  result.times = times;
  const double issuer_now_ms = local_now_ms + clock_offset_ms;
  // Verification compares whole seconds, as jose floors the current date.
  const double now_s = std::floor(issuer_now_ms / 1000);
  const double tolerance_s = tolerance_ms / 1000;
  result.expired = times.has_exp && times.exp_ms / 1000 <= now_s - tolerance_s;
  result.not_yet_valid = times.has_nbf && times.nbf_ms / 1000 > now_s + tolerance_s;
  if (times.has_exp) result.expires_in_ms = times.exp_ms - issuer_now_ms;
  if (times.has_exp && times.has_iat) result.lifetime_ms = times.exp_ms - times.iat_ms;

  if (result.expired) {
    result.state = TokenState::expired;
  } else if (result.not_yet_valid) {
    result.state = TokenState::not_yet_valid;
  } else if (times.has_exp &&
             local_now_ms >= schedule::refresh_point_ms(schedule_times(times), clock_offset_ms, local_now_ms, policy)) {
    result.state = TokenState::expiring;
  }
  return result;
}

}  // namespace edjwt::expiry
