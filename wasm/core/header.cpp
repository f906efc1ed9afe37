// JOSE header parameters from a JSON walk. See header.hpp.
#include "header.hpp"

#include <algorithm>

namespace edjwt {
namespace {
using Kind = json::MemberValue::Kind;
}  // namespace

bool JoseHeader::has(std::string_view name) const {
  return std::find(names.begin(), names.end(), name) != names.end();
}

bool JoseHeaderSink::wants(std::string_view name) {
  header_.names.emplace_back(name);
  return name == "alg" || name == "typ" || name == "crit" || name == "b64";
}

void JoseHeaderSink::member(std::string_view name, json::MemberValue&& value) {
  if (name == "alg") {
    assign_string(header_.alg, std::move(value));
  } else if (name == "typ") {
    assign_string(header_.typ, std::move(value));
  } else if (name == "crit") {
    header_.crit_state = value.kind == Kind::string_array ? ClaimState::present : ClaimState::wrong_type;
    header_.crit = std::move(value.strings);
  } else if (name == "b64") {
    header_.b64_state = value.kind == Kind::boolean ? ClaimState::present : ClaimState::wrong_type;
    header_.b64 = value.boolean;
  }
}

}  // namespace edjwt
