// Registered claims from a JSON walk. See claims.hpp.
#include "claims.hpp"

#include <algorithm>

namespace edjwt {
namespace {

using Kind = json::MemberValue::Kind;

void assign(NumericDateClaim& claim, const json::MemberValue& value) {
  claim = {};
  if (value.kind == Kind::number) {
    claim.state = ClaimState::present;
    claim.seconds = value.number;
  } else {
    claim.state = ClaimState::wrong_type;
  }
}

void assign(AudienceClaim& claim, json::MemberValue&& value) {
  claim = {};
  if (value.kind == Kind::string) {
    claim.state = ClaimState::present;
    claim.values.push_back(std::move(value.string));
  } else if (value.kind == Kind::string_array) {
    claim.state = ClaimState::present;
    claim.values = std::move(value.strings);
  } else if (value.kind == Kind::other_array) {
    claim.state = ClaimState::wrong_type;
    claim.values = std::move(value.strings);
  } else {
    claim.state = ClaimState::wrong_type;
  }
}

}  // namespace

void assign_string(StringClaim& claim, json::MemberValue&& value) {
  claim = {};
  if (value.kind == Kind::string) {
    claim.state = ClaimState::present;
    claim.value = std::move(value.string);
  } else {
    claim.state = ClaimState::wrong_type;
  }
}

bool RegisteredClaims::has(std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool RegisteredClaimsSink::wants(std::string_view name) {
  claims_.names.emplace_back(name);
  return name == "exp" || name == "nbf" || name == "iat" || name == "iss" || name == "sub" || name == "jti" ||
         name == "aud";
}

void RegisteredClaimsSink::member(std::string_view name, json::MemberValue&& value) {
  if (name == "exp") assign(claims_.exp, value);
  else if (name == "nbf") assign(claims_.nbf, value);
  else if (name == "iat") assign(claims_.iat, value);
  else if (name == "iss") assign_string(claims_.iss, std::move(value));
  else if (name == "sub") assign_string(claims_.sub, std::move(value));
  else if (name == "jti") assign_string(claims_.jti, std::move(value));
  else if (name == "aud") assign(claims_.aud, std::move(value));
}

}  // namespace edjwt
