// The refresh state machine. See schedule.hpp for the policy and its reasons.
#include "schedule.hpp"

#include <algorithm>
#include <cmath>

namespace edjwt::schedule {
namespace {

double local(double issuer_ms, double clock_offset_ms) { return issuer_ms - clock_offset_ms; }

double expires_local(const State& state) {
  return state.token.has_exp ? local(state.token.exp_ms, state.clock_offset_ms) : INFINITY;
}

// The lifetime the policy reasons about: from iat, else from adoption.
double lifetime_ms(const TokenTimes& token, double clock_offset_ms, double adopted_at_ms) {
  const double start = token.has_iat ? local(token.iat_ms, clock_offset_ms) : adopted_at_ms;
  return std::max(0.0, local(token.exp_ms, clock_offset_ms) - start);
}

double scheduled_refresh(const State& state, double jitter, const Policy& policy) {
  if (!state.token.has_exp) return -1;  // a token without exp never needs refreshing
  const double point = refresh_point_ms(state.token, state.clock_offset_ms, state.last_refresh_ms, policy);
  const double spread = std::min(policy.jitter_ms,
                                 policy.jitter_lifetime * lifetime_ms(state.token, state.clock_offset_ms, state.last_refresh_ms));
  const double jittered = point - jitter * spread;
  return std::max(jittered, state.last_refresh_ms + policy.min_refresh_gap_ms);
}

Step refresh_now(Step step) {
  step.state.phase = Phase::refreshing;
  step.state.wake_at_ms = -1;
  step.action = Action::refresh;
  return step;
}

// Signals due at `now`: "expiring" once the refresh window opens, "expired" once exp passes.
void signal_due(Step& step, double now) {
  State& state = step.state;
  if (!state.has_token) return;
  if (now >= expires_local(state)) {
    if (!state.expired_signalled) step.signal_expired = state.expired_signalled = true;
  } else if (!state.expiring_signalled && state.wake_at_ms >= 0 && now >= state.wake_at_ms) {
    step.signal_expiring = state.expiring_signalled = true;
  }
}

}  // namespace

double refresh_point_ms(const TokenTimes& token, double clock_offset_ms, double adopted_at_ms, const Policy& policy) {
  const double exp = local(token.exp_ms, clock_offset_ms);
  const double start = exp - lifetime_ms(token, clock_offset_ms, adopted_at_ms);
  return std::max(exp - policy.refresh_lead_ms, start + policy.refresh_at_lifetime * (exp - start));
}

double backoff_ms(int failures, const Policy& policy) {
  const double doubled = policy.retry_initial_ms * std::pow(2.0, std::max(0, failures - 1));
  return std::min(policy.retry_max_ms, doubled);
}

Step advance(const State& state, const Event& event, const Policy& policy) {
  Step step{state};
  State& next = step.state;
  const double now = event.now_ms;
  if (state.phase == Phase::ended) return step;

  switch (event.kind) {
    case EventKind::adopted:
      next.has_token = true;
      next.token = event.token;
      next.last_refresh_ms = now;
      next.failures = 0;
      next.expiring_signalled = next.expired_signalled = false;
      if (now >= expires_local(next)) {
        // A restored token that has already lapsed: nothing to serve, so the
        // next demand or wake-up refreshes (no timer: one caller triggers it).
        next.phase = Phase::expired;
        next.wake_at_ms = -1;
        signal_due(step, now);
        return step;
      }
      next.phase = Phase::active;
      next.wake_at_ms = scheduled_refresh(next, event.jitter, policy);
      return step;

    case EventKind::refresh_started:
      next.phase = Phase::refreshing;
      next.wake_at_ms = -1;
      return step;

    case EventKind::refresh_failed: {
      if (event.fatal) {
        next.phase = Phase::ended;
        next.wake_at_ms = -1;
        step.action = Action::end;
        return step;
      }
      next.failures = state.failures + 1;
      const double expiry = expires_local(next);
      if (!next.has_token || now >= expiry) {
        // Nothing valid to keep serving: stop retrying in the background; a
        // caller's demand or the page waking up tries again.
        next.phase = Phase::expired;
        next.wake_at_ms = -1;
        signal_due(step, now);
        return step;
      }
      const double delay = backoff_ms(next.failures, policy) * (1 - 0.2 * event.jitter);
      next.phase = Phase::retrying;
      next.wake_at_ms = std::min(now + delay, expiry);
      return step;
    }

    case EventKind::wake:
      if (state.phase == Phase::refreshing || state.phase == Phase::idle) return step;
      if (state.phase == Phase::expired) return refresh_now(step);
      signal_due(step, now);
      if (state.wake_at_ms >= 0 && now >= state.wake_at_ms) return refresh_now(step);
      return step;

    case EventKind::demand:
      if (state.phase == Phase::refreshing) return step;
      signal_due(step, now);
      return refresh_now(step);

    case EventKind::end:
      next.phase = Phase::ended;
      next.wake_at_ms = -1;
      step.action = Action::end;
      return step;
  }
  return step;
}

}  // namespace edjwt::schedule
