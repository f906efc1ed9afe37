// The JOSE header parameters that verification reads (RFC 7515 §4.1, RFC 7797):
// alg, typ, crit and b64, typed, plus the names of every parameter so that a
// "crit" entry can be checked for presence. Captured in the same JSON walk
// that validates the header.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "claims.hpp"
#include "json_object.hpp"

namespace edjwt {

struct JoseHeader {
  StringClaim alg, typ;
  ClaimState crit_state = ClaimState::absent;  // present only for an array of strings
  std::vector<std::string> crit;
  ClaimState b64_state = ClaimState::absent;   // present only for a boolean
  bool b64 = true;
  std::vector<std::string> names;

  bool has(std::string_view name) const;
};

class JoseHeaderSink final : public json::MemberSink {
 public:
  explicit JoseHeaderSink(JoseHeader& header) : header_(header) {}
  bool wants(std::string_view name) override;
  void member(std::string_view name, json::MemberValue&& value) override;

 private:
  JoseHeader& header_;
};

}  // namespace edjwt
