// libFuzzer target: json::check_object on raw JSON text (the policy layer over
// nlohmann's SAX parser), differentially against nlohmann's DOM parser: text
// is accepted exactly when it parses to an object, is nested no deeper than
// the limit, and has no byte-order mark or NUL byte. The sink sees one call
// per top-level member and only finite numbers.
#include <algorithm>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <nlohmann/json.hpp>

#include "core/json_object.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr int kMaxDepth = 32;

class RecordingSink final : public edjwt::json::MemberSink {
 public:
  std::size_t names = 0;
  bool wants(std::string_view) override {
    ++names;
    return true;
  }
  void member(std::string_view, edjwt::json::MemberValue&& value) override {
    if (value.kind == edjwt::json::MemberValue::Kind::number) FUZZ_REQUIRE(std::isfinite(value.number));
  }
};

// Nesting depth of the text as Limits counts it (the top-level object is 1):
// brackets outside strings. Not the DOM's depth, which a repeated member name
// can lower by replacing a deep value.
int depth(std::string_view text) {
  int current = 0, deepest = 0;
  bool in_string = false, escaped = false;
  for (const char c : text) {
    if (in_string) {
      if (escaped) escaped = false;
      else if (c == '\\') escaped = true;
      else if (c == '"') in_string = false;
    } else if (c == '"') {
      in_string = true;
    } else if (c == '{' || c == '[') {
      deepest = std::max(deepest, ++current);
    } else if (c == '}' || c == ']') {
      --current;
    }
  }
  return deepest;
}

bool has_bom(std::string_view text) { return text.substr(0, 3) == "\xEF\xBB\xBF"; }

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  RecordingSink sink;
  const auto check = edjwt::json::check_object(text, kMaxDepth, &sink);
  if (!check.ok()) FUZZ_REQUIRE(!edjwt::json::describe(check).empty());

  // JSON allows a raw NUL nowhere; nlohmann's lexer reads one as the end of input.
  if (text.find('\0') != std::string_view::npos) {
    FUZZ_REQUIRE(!check.ok());
    return 0;
  }
  if (!nlohmann::json::accept(text)) {
    FUZZ_REQUIRE(!check.ok());
    return 0;
  }
  const auto dom = nlohmann::json::parse(text, nullptr, false);
  FUZZ_REQUIRE(!dom.is_discarded());
  const int text_depth = depth(text);
  const bool acceptable = dom.is_object() && text_depth <= kMaxDepth && !has_bom(text);
  FUZZ_REQUIRE(check.ok() == acceptable);
  if (check.ok()) {
    FUZZ_REQUIRE(sink.names >= dom.size());
    FUZZ_REQUIRE(edjwt::json::check_object(text, text_depth).ok());
    FUZZ_REQUIRE(edjwt::json::check_object(text, text_depth - 1).problem == edjwt::json::Problem::too_deep);
  }
  return 0;
}
