// SAX validation of JSON object text. See json_object.hpp for the policy.
#include "json_object.hpp"

#include <cstring>

#include <nlohmann/json.hpp>

#include "json_number.hpp"

// Two members of the one nlohmann lexer edjwt uses, specialised (before any
// use of it, as the language requires) to keep C's formatting and conversion
// code out of the module: the text of a token the lexer refused, which it
// formats with snprintf for the parse error's message (the Walker below reads
// only the error's id and offset; printf's float formatting was 2 KB gzip);
// and a number's value, which it takes from strtod (see json_number.hpp).
using Lexer = nlohmann::detail::lexer<nlohmann::json, nlohmann::detail::iterator_input_adapter<const char*>>;

template <>
std::string Lexer::get_token_string() const {
  return {};
}

template <>
__attribute__((nonnull)) void Lexer::strtof(double& value, const char* text, char** end) noexcept {
  const std::size_t length = std::strlen(text);
  value = edjwt::json::json_number(text, length);
  *end = const_cast<char*>(text + length);
}

namespace edjwt::json {
namespace {

using Json = nlohmann::json;

// nlohmann's code for "number overflow" (out_of_range.406).
constexpr int kNumberOverflowId = 406;

class Walker {
 public:
  Walker(int max_depth, MemberSink* sink) : max_depth_(max_depth), sink_(sink) {}

  Check result() const { return {problem_, offset_}; }

  bool null() { return scalar(MemberValue{}); }
  bool boolean(bool value) {
    MemberValue v;
    v.kind = MemberValue::Kind::boolean;
    v.boolean = value;
    return scalar(std::move(v));
  }
  bool number_integer(Json::number_integer_t value) { return number(static_cast<double>(value)); }
  bool number_unsigned(Json::number_unsigned_t value) { return number(static_cast<double>(value)); }
  bool number_float(Json::number_float_t value, const Json::string_t&) { return number(value); }
  bool string(Json::string_t& value) {
    if (depth_ == 2 && capturing_array_) {
      array_.strings.push_back(std::move(value));
      return true;
    }
    MemberValue v;
    v.kind = MemberValue::Kind::string;
    v.string = std::move(value);
    return scalar(std::move(v));
  }
  bool binary(Json::binary_t&) { return true; }  // not produced by the JSON reader

  bool start_object(std::size_t) { return open(MemberValue::Kind::object); }
  bool start_array(std::size_t) { return open(MemberValue::Kind::other_array); }
  bool end_object() { return close(); }
  bool end_array() { return close(); }

  bool key(Json::string_t& name) {
    if (depth_ == 1) {
      capturing_ = sink_ != nullptr && sink_->wants(name);
      if (capturing_) key_ = std::move(name);
    }
    return true;
  }

  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) {
    if (problem_ == Problem::none) {
      problem_ = error.id == kNumberOverflowId ? Problem::number_overflow : Problem::syntax;
      offset_ = position == 0 ? 0 : position - 1;
    }
    return false;
  }

 private:
  bool number(double value) {
    MemberValue v;
    v.kind = MemberValue::Kind::number;
    v.number = value;
    return scalar(std::move(v));
  }

  bool scalar(MemberValue&& value) {
    if (depth_ == 0) return fail(Problem::not_object);
    if (depth_ == 1 && capturing_) deliver(std::move(value));
    else if (depth_ == 2 && capturing_array_) array_is_strings_ = false;
    return true;
  }

  bool open(MemberValue::Kind kind) {
    if (depth_ == 0 && kind != MemberValue::Kind::object) return fail(Problem::not_object);
    if (++depth_ > max_depth_) return fail(Problem::too_deep);
    if (depth_ == 2 && capturing_) {
      if (kind == MemberValue::Kind::object) {
        MemberValue v;
        v.kind = kind;
        deliver(std::move(v));
      } else {
        capturing_array_ = true;
        array_is_strings_ = true;
        array_ = MemberValue{};
      }
    } else if (depth_ == 3 && capturing_array_) {
      array_is_strings_ = false;
    }
    return true;
  }

  bool close() {
    if (depth_ == 2 && capturing_array_) {
      capturing_array_ = false;
      array_.kind = array_is_strings_ ? MemberValue::Kind::string_array : MemberValue::Kind::other_array;
      deliver(std::move(array_));
    }
    --depth_;
    return true;
  }

  void deliver(MemberValue&& value) {
    sink_->member(key_, std::move(value));
    capturing_ = false;
  }

  bool fail(Problem problem) {
    problem_ = problem;
    return false;
  }

  int max_depth_;
  MemberSink* sink_;
  int depth_ = 0;
  bool capturing_ = false;
  bool capturing_array_ = false;
  bool array_is_strings_ = false;
  std::string key_;
  MemberValue array_;
  Problem problem_ = Problem::none;
  std::size_t offset_ = 0;
};

bool is_continuation(unsigned char c) { return (c & 0xc0) == 0x80; }

// Offset of the first ill-formed UTF-8 sequence (Unicode table 3-7: no
// overlong forms, no encoded surrogates, nothing above U+10FFFF), or npos.
std::size_t find_invalid_utf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    std::size_t extra = 0;
    unsigned char lo = 0x80, hi = 0xbf;  // allowed range of the second byte
    if (c < 0x80) { ++i; continue; }
    if (c >= 0xc2 && c <= 0xdf) extra = 1;
    else if (c == 0xe0) { extra = 2; lo = 0xa0; }
    else if (c == 0xed) { extra = 2; hi = 0x9f; }
    else if (c >= 0xe1 && c <= 0xef) extra = 2;
    else if (c == 0xf0) { extra = 3; lo = 0x90; }
    else if (c == 0xf4) { extra = 3; hi = 0x8f; }
    else if (c >= 0xf1 && c <= 0xf3) extra = 3;
    else return i;
    if (i + extra >= n) return i;  // truncated sequence
    if (s[i + 1] < lo || s[i + 1] > hi) return i;
    for (std::size_t k = 2; k <= extra; ++k) {
      if (!is_continuation(s[i + k])) return i;
    }
    i += extra + 1;
  }
  return std::string_view::npos;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Code unit of a "\uXXXX" escape starting at `at`, or -1.
long escaped_unit(std::string_view text, std::size_t at) {
  if (at + 6 > text.size() || text[at] != '\\' || text[at + 1] != 'u') return -1;
  long unit = 0;
  for (std::size_t k = at + 2; k < at + 6; ++k) {
    const int digit = hex_value(text[k]);
    if (digit < 0) return -1;
    unit = unit << 4 | digit;
  }
  return unit;
}

// Offset of a "\uD800".."\uDFFF" escape that is not half of a valid pair, or npos.
std::size_t find_lone_surrogate_escape(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\\') continue;
    const long unit = escaped_unit(text, i);
    if (unit < 0) { ++i; continue; }  // some other escape: skip the escaped character
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const long low = escaped_unit(text, i + 6);
      if (low < 0xdc00 || low > 0xdfff) return i;
      i += 11;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) {
      return i;
    } else {
      i += 5;
    }
  }
  return std::string_view::npos;
}

// The parser reports every encoding problem as a syntax error; name the rule.
Check diagnose_syntax_error(std::string_view text, Check check) {
  if (std::size_t at = find_invalid_utf8(text); at != std::string_view::npos) return {Problem::invalid_utf8, at};
  if (std::size_t at = find_lone_surrogate_escape(text); at != std::string_view::npos) {
    return {Problem::lone_surrogate, at};
  }
  return check;
}

}  // namespace

Check check_object(std::string_view text, int max_depth, MemberSink* sink) {
  // nlohmann skips a leading BOM; JSON text on the wire must not carry one (RFC 8259 §8.1).
  if (text.size() >= 3 && text.compare(0, 3, "\xEF\xBB\xBF") == 0) return {Problem::byte_order_mark, 0};
  // nlohmann's lexer reads a NUL byte as the end of input, so "{}\0junk" would
  // pass. JSON allows a raw NUL nowhere (not whitespace, not unescaped in a string).
  if (std::size_t nul = text.find('\0'); nul != std::string_view::npos) return {Problem::syntax, nul};
  Walker walker(max_depth, sink);
  Json::sax_parse(text.begin(), text.end(), &walker, nlohmann::detail::input_format_t::json, true, false);
  Check check = walker.result();
  if (check.problem == Problem::syntax) return diagnose_syntax_error(text, check);
  return check;
}

std::string describe(const Check& check) {
  const std::string at = " at byte " + std::to_string(check.offset);
  switch (check.problem) {
    case Problem::none: return "valid JSON object";
    case Problem::byte_order_mark: return "a byte-order mark is not allowed before JSON text";
    case Problem::invalid_utf8: return "invalid UTF-8" + at;
    case Problem::lone_surrogate: return "a lone UTF-16 surrogate escape cannot be represented faithfully" + at;
    case Problem::syntax: return "not valid JSON" + at;
    case Problem::number_overflow: return "a number overflows a double (JSON.parse would make it Infinity)" + at;
    case Problem::too_deep: return "JSON nesting is deeper than the limit" + at;
    case Problem::not_object: return "not a JSON object";
  }
  return "invalid JSON";
}

}  // namespace edjwt::json
