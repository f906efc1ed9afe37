// JWT claim validation with jose v6's rules, order and messages: typ, then the
// presence of required claims, iss, sub, aud, then the NumericDate types and
// the nbf / exp / maxTokenAge windows with a clock tolerance. Times are
// seconds; `now` is whole seconds, as jose floors the current date.
#pragma once

#include <string>
#include <vector>

#include "claims.hpp"
#include "header.hpp"
#include "status.hpp"

namespace edjwt {

struct ClaimRules {
  bool check_typ = false;
  std::string typ;
  bool check_issuer = false;
  std::vector<std::string> issuers;
  bool check_subject = false;
  std::string subject;
  bool check_audience = false;
  std::vector<std::string> audiences;
  std::vector<std::string> required;
  double now = 0;
  double clock_tolerance = 0;
  bool check_max_token_age = false;
  double max_token_age = 0;
};

struct ClaimCheck {
  Outcome outcome;
  std::string claim;   // jose's error.claim
  std::string reason;  // jose's error.reason: "check_failed", "missing" or "invalid"
};

ClaimCheck validate_claims(const RegisteredClaims& claims, const JoseHeader& header, const ClaimRules& rules);

// jose's typ comparison: lower-cased, with "application/" prefixed when there
// is no '/'. Lower-casing is ASCII-only: media types are ASCII (RFC 6838).
std::string normalize_typ(std::string_view typ);

}  // namespace edjwt
