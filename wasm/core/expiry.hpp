// A token's expiry, as a session or a UI needs it: from exp/nbf/iat, the local
// time, the estimated clock offset and a tolerance, its state (not yet valid,
// valid, expiring, expired), time left and lifetime. "Expired" and "not yet
// valid" agree with verification at the same instant (jose's rules: whole
// seconds, exp <= now - tolerance, nbf > now + tolerance); "expiring" means the
// refresh policy's window has opened. A claim of the wrong type is an error.
#pragma once

#include "claims.hpp"
#include "schedule.hpp"
#include "status.hpp"

namespace edjwt::expiry {

// A token's states, as X(name, value): the enum below and, through the
// bindings, the table in the generated js/core-constants.js come from this list.
#define EDJWT_TOKEN_STATES(X) \
  X(not_yet_valid, 0) \
  X(valid, 1) \
  X(expiring, 2) \
  X(expired, 3)

enum class TokenState : int {
#define EDJWT_TOKEN_STATE_ENUMERATOR(name, value) name = value,
  EDJWT_TOKEN_STATES(EDJWT_TOKEN_STATE_ENUMERATOR)
#undef EDJWT_TOKEN_STATE_ENUMERATOR
};

struct Times {
  bool has_exp = false, has_nbf = false, has_iat = false;
  double exp_ms = 0, nbf_ms = 0, iat_ms = 0;  // issuer clock
};

struct Expiry {
  TokenState state = TokenState::valid;
  Times times;
  double expires_in_ms = 0;  // meaningful when times.has_exp
  double lifetime_ms = 0;    // meaningful when has_exp and has_iat
  bool expired = false;
  bool not_yet_valid = false;
};

Outcome times_of(const RegisteredClaims& claims, Times& out);

Expiry evaluate(const Times& times, double local_now_ms, double clock_offset_ms, double tolerance_ms,
                const schedule::Policy& policy);

schedule::TokenTimes schedule_times(const Times& times);

}  // namespace edjwt::expiry
