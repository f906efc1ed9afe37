// Claim validation. See claims_validation.hpp.
#include "claims_validation.hpp"

#include <algorithm>

namespace edjwt {
namespace {

ClaimCheck failed(Status status, std::string claim, std::string reason, std::string message) {
  return {Outcome::failure(status, std::move(message)), std::move(claim), std::move(reason)};
}

ClaimCheck unexpected(const char* claim) {
  return failed(Status::claim_invalid, claim, "check_failed", std::string("unexpected \"") + claim + "\" claim value");
}

bool contains(const std::vector<std::string>& list, const std::string& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

// jose reads a NumericDate only when present, and a present one of another type always fails.
bool wrong_type(const NumericDateClaim& claim) { return claim.state == ClaimState::wrong_type; }

ClaimCheck must_be_number(const char* claim) {
  return failed(Status::claim_invalid, claim, "invalid", std::string("\"") + claim + "\" claim must be a number");
}

}  // namespace

std::string normalize_typ(std::string_view typ) {
  std::string normalized(typ);
  for (char& c : normalized) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return typ.find('/') == std::string_view::npos ? "application/" + normalized : normalized;
}

ClaimCheck validate_claims(const RegisteredClaims& claims, const JoseHeader& header, const ClaimRules& rules) {
  if (rules.check_typ &&
      (header.typ.state != ClaimState::present || normalize_typ(header.typ.value) != normalize_typ(rules.typ))) {
    return failed(Status::claim_invalid, "typ", "check_failed", "unexpected \"typ\" JWT header value");
  }

  // Presence, in jose's order: iss, sub, aud, iat, then requiredClaims from last to first.
  std::vector<std::string> presence(rules.required.rbegin(), rules.required.rend());
  if (rules.check_max_token_age) presence.insert(presence.begin(), "iat");
  if (rules.check_audience) presence.insert(presence.begin(), "aud");
  if (rules.check_subject) presence.insert(presence.begin(), "sub");
  if (rules.check_issuer) presence.insert(presence.begin(), "iss");
  for (const auto& claim : presence) {
    if (!claims.has(claim)) {
      return failed(Status::claim_invalid, claim, "missing", "missing required \"" + claim + "\" claim");
    }
  }

  if (rules.check_issuer && (claims.iss.state != ClaimState::present || !contains(rules.issuers, claims.iss.value))) {
    return unexpected("iss");
  }
  if (rules.check_subject && (claims.sub.state != ClaimState::present || claims.sub.value != rules.subject)) {
    return unexpected("sub");
  }
  if (rules.check_audience) {
    const bool match = std::any_of(claims.aud.values.begin(), claims.aud.values.end(),
                                   [&](const std::string& aud) { return contains(rules.audiences, aud); });
    if (!match) return unexpected("aud");
  }

  const double now = rules.now;
  const double tolerance = rules.clock_tolerance;
  if (wrong_type(claims.iat)) return must_be_number("iat");
  if (wrong_type(claims.nbf)) return must_be_number("nbf");
  if (claims.nbf.state == ClaimState::present && claims.nbf.seconds > now + tolerance) {
    return failed(Status::claim_invalid, "nbf", "check_failed", "\"nbf\" claim timestamp check failed");
  }
  if (wrong_type(claims.exp)) return must_be_number("exp");
  if (claims.exp.state == ClaimState::present && claims.exp.seconds <= now - tolerance) {
    return failed(Status::claim_expired, "exp", "check_failed", "\"exp\" claim timestamp check failed");
  }
  if (rules.check_max_token_age) {
    const double age = now - claims.iat.seconds;
    if (age - tolerance > rules.max_token_age) {
      return failed(Status::claim_expired, "iat", "check_failed",
                    "\"iat\" claim timestamp check failed (too far in the past)");
    }
    if (age < -tolerance) {
      return failed(Status::claim_invalid, "iat", "check_failed",
                    "\"iat\" claim timestamp check failed (it should be in the past)");
    }
  }
  return {};
}

}  // namespace edjwt
