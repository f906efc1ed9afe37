// Validates that a decoded segment is a JSON object that JavaScript's
// JSON.parse reads to the same value, and hands its top-level members to an
// optional sink (registered claims, JOSE header fields) in the same pass.
//
// nlohmann/json's SAX parser does the walk: no DOM is built, nothing is
// re-serialised, and its iterative parser cannot be driven into deep
// recursion. Policy beyond RFC 8259, each a value JSON.parse would change or
// that jose would read differently from its bytes:
//   - a byte-order mark is refused (TextDecoder silently strips it);
//   - invalid UTF-8 is refused (as jose's fatal TextDecoder does);
//   - lone-surrogate escapes such as "\ud800" are refused (no valid string);
//   - numbers that overflow a double are refused (JSON.parse gives Infinity,
//     so an exp of 1e400 would never expire);
//   - nesting deeper than Limits::max_json_depth is refused.
// Duplicate member names are accepted and the last one wins, as in JSON.parse,
// so the core and the JS layer always see the same value.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace edjwt::json {

enum class Problem {
  none,
  byte_order_mark,
  invalid_utf8,
  lone_surrogate,
  syntax,
  number_overflow,
  too_deep,
  not_object,
};

struct Check {
  Problem problem = Problem::none;
  std::size_t offset = 0;
  bool ok() const { return problem == Problem::none; }
};

// The value of one top-level member, as far as claim and header checks need it.
struct MemberValue {
  enum class Kind { null, boolean, number, string, string_array, other_array, object };
  Kind kind = Kind::null;
  bool boolean = false;
  double number = 0;
  std::string string;
  std::vector<std::string> strings;  // the string members of an array
};

class MemberSink {
 public:
  virtual ~MemberSink() = default;
  // Called for each top-level member name; only wanted members are captured.
  virtual bool wants(std::string_view name) = 0;
  virtual void member(std::string_view name, MemberValue&& value) = 0;
};

Check check_object(std::string_view text, int max_depth, MemberSink* sink = nullptr);

// "invalid UTF-8 at byte 12", for messages.
std::string describe(const Check& check);

}  // namespace edjwt::json
