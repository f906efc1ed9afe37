// Typed access to the registered claims of RFC 7519 §4.1. Decoding hands the
// claims to JavaScript as they are (as jose does); these typed values are what
// verification and expiry read, and a claim of the wrong type is reported as
// such wherever a claim is checked -- never replaced by a silent default.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "json_object.hpp"

namespace edjwt {

enum class ClaimState { absent, present, wrong_type };

// NumericDate: seconds since the epoch, integer or fraction (RFC 7519 §2).
struct NumericDateClaim {
  ClaimState state = ClaimState::absent;
  double seconds = 0;
};

struct StringClaim {
  ClaimState state = ClaimState::absent;
  std::string value;
};

// "aud" is a single string or an array of strings (RFC 7519 §4.1.3). For an
// array with other members, `values` still holds its strings: jose's audience
// check looks for the expected value among an array's members, whatever else
// the array holds, and edjwt gives the same answer.
struct AudienceClaim {
  ClaimState state = ClaimState::absent;
  std::vector<std::string> values;
};

struct RegisteredClaims {
  NumericDateClaim exp, nbf, iat;
  StringClaim iss, sub, jti;
  AudienceClaim aud;
  // Every top-level member name, for presence checks ("requiredClaims").
  std::vector<std::string> names;

  bool has(std::string_view name) const;
};

// A string member (claim or header parameter) from the JSON walk: present
// for a string, wrong_type for anything else.
void assign_string(StringClaim& target, json::MemberValue&& value);

// Collects the registered claims during the JSON walk (json::check_object).
// A repeated member replaces the earlier one, as in JSON.parse.
class RegisteredClaimsSink final : public json::MemberSink {
 public:
  explicit RegisteredClaimsSink(RegisteredClaims& claims) : claims_(claims) {}
  bool wants(std::string_view name) override;
  void member(std::string_view name, json::MemberValue&& value) override;

 private:
  RegisteredClaims& claims_;
};

}  // namespace edjwt
