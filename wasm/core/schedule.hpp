// The refresh-scheduling policy, as a pure state machine: given the session's
// state and an event (a token adopted, a refresh started or failed, a timer
// or wake-up, a caller that needs a token now), it returns the next state and
// what to do. The JS layer owns timers, fetches and randomness; everything it
// decides with comes from here, so the policy is deterministic and tested
// natively. Times are milliseconds on the local clock unless named `issuer`.
#pragma once

namespace edjwt::schedule {

// Defaults, and why (the README repeats them):
struct Policy {
  // Refresh 60 s before exp for long-lived tokens: enough for a slow network
  // and a retry or two before the token lapses.
  double refresh_lead_ms = 60000;
  // ...but never before 80 % of the lifetime, so a 30 s token is refreshed
  // 6 s ahead instead of immediately and in a loop.
  double refresh_at_lifetime = 0.8;
  // Never sooner than 1 s after the last refresh: an issuer that hands out
  // tokens that are already due (skewed clock, misconfigured lifetime) must
  // not drive a refresh loop, while 2-3 s demo tokens still work.
  double min_refresh_gap_ms = 1000;
  // Up to 10 % of the lifetime, at most 5 s, earlier: many clients that got
  // tokens at the same moment do not refresh in lockstep.
  double jitter_ms = 5000;
  double jitter_lifetime = 0.1;
  // Failed refreshes retry after 1 s, 2 s, 4 s ... capped at 30 s, each up
  // to 20 % earlier (jitter), while the current token is still valid.
  double retry_initial_ms = 1000;
  double retry_max_ms = 30000;
};

// A token's times on the issuer's clock; absent ones are not set.
struct TokenTimes {
  bool has_exp = false, has_iat = false;
  double exp_ms = 0, iat_ms = 0;
};

// The session's phases, as X(name, value): the enum below and, through the
// bindings, the table in the generated js/core-constants.js come from this list.
//   idle        no token yet
//   active      a valid token; a refresh is scheduled at wake_at
//   refreshing  a refresh is in flight
//   retrying    the last refresh failed; the next try is at wake_at
//   expired     the token lapsed and nothing is scheduled; a demand or a wake-up retries
//   ended       fatal failure, revocation or stop: nothing more happens
#define EDJWT_SESSION_PHASES(X) \
  X(idle, 0) \
  X(active, 1) \
  X(refreshing, 2) \
  X(retrying, 3) \
  X(expired, 4) \
  X(ended, 5)

// What happens to a session, as X(name, value) (enum EventKind and the JS table):
//   adopted          a verified token was adopted (times, jitter); already expired: phase expired
//   refresh_started  a refresh call began
//   refresh_failed   fatal or not (jitter for the backoff)
//   wake             a timer fired (maybe late), or the page woke up / came online
//   demand           a caller needs a token now
//   end              stop, revocation
#define EDJWT_SESSION_EVENTS(X) \
  X(adopted, 0) \
  X(refresh_started, 1) \
  X(refresh_failed, 2) \
  X(wake, 3) \
  X(demand, 4) \
  X(end, 5)

// What the JS layer must do after a step, as X(name, value) (enum Action and the JS table).
#define EDJWT_SESSION_ACTIONS(X) \
  X(none, 0) \
  X(refresh, 1) \
  X(end, 2)

#define EDJWT_SCHEDULE_ENUMERATOR(name, value) name = value,
enum class Phase : int { EDJWT_SESSION_PHASES(EDJWT_SCHEDULE_ENUMERATOR) };
enum class EventKind : int { EDJWT_SESSION_EVENTS(EDJWT_SCHEDULE_ENUMERATOR) };
enum class Action : int { EDJWT_SESSION_ACTIONS(EDJWT_SCHEDULE_ENUMERATOR) };
#undef EDJWT_SCHEDULE_ENUMERATOR

struct State {
  Phase phase = Phase::idle;
  bool has_token = false;
  TokenTimes token;
  double clock_offset_ms = 0;  // issuer clock minus local clock
  double last_refresh_ms = 0;  // local time the current token was adopted
  int failures = 0;
  double wake_at_ms = -1;      // local time of the next scheduled step; -1 when none
  bool expiring_signalled = false;
  bool expired_signalled = false;
};

struct Event {
  EventKind kind = EventKind::wake;
  double now_ms = 0;
  double jitter = 0;   // uniform in [0, 1), from the JS layer's (seedable) random source
  bool fatal = false;
  TokenTimes token;    // for adopted
};

struct Step {
  State state;
  Action action = Action::none;
  bool signal_expiring = false;  // emit "expiring" (once per token)
  bool signal_expired = false;   // emit "expired" (once per token)
};

Step advance(const State& state, const Event& event, const Policy& policy);

// Local time at which the policy refreshes `token`, before jitter and the minimum gap.
double refresh_point_ms(const TokenTimes& token, double clock_offset_ms, double adopted_at_ms, const Policy& policy);

// Backoff before retry number `failures` (1-based), before jitter.
double backoff_ms(int failures, const Policy& policy);

}  // namespace edjwt::schedule
