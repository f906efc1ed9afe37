// libFuzzer target: strict base64url and PEM-body decoding. Every accepted
// string is the one canonical encoding of its bytes (re-encoding gives the
// input back), the vector and string decoders agree, and a rejection names a
// problem at an offset inside the input.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/base64url.hpp"
#include "fuzz_check.hpp"

namespace {

using edjwt::base64url::Decoded;

void check_failure(const Decoded& result, std::string_view text) {
  FUZZ_REQUIRE(result.offset <= text.size());
  FUZZ_REQUIRE(!edjwt::base64url::describe(result).empty());
}

// Standard base64 with padding, from the base64url encoder.
std::string standard_base64(const std::vector<std::uint8_t>& bytes) {
  std::string text = edjwt::base64url::encode(bytes.data(), bytes.size());
  std::replace(text.begin(), text.end(), '-', '+');
  std::replace(text.begin(), text.end(), '_', '/');
  text.append((4 - text.size() % 4) % 4, '=');
  return text;
}

std::string without_line_breaks(std::string_view text) {
  std::string out;
  std::copy_if(text.begin(), text.end(), std::back_inserter(out), [](char c) { return c != '\n' && c != '\r'; });
  return out;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  std::vector<std::uint8_t> bytes;
  std::string chars;
  const Decoded as_bytes = edjwt::base64url::decode(text, bytes);
  const Decoded as_chars = edjwt::base64url::decode(text, chars);
  FUZZ_REQUIRE(as_bytes.problem == as_chars.problem && as_bytes.offset == as_chars.offset);
  if (as_bytes.ok()) {
    FUZZ_REQUIRE(std::string(bytes.begin(), bytes.end()) == chars);
    FUZZ_REQUIRE(edjwt::base64url::encode(bytes.data(), bytes.size()) == text);
  } else {
    check_failure(as_bytes, text);
  }

  std::vector<std::uint8_t> der;
  const Decoded pem = edjwt::base64url::decode_pem_body(text, der);
  if (pem.ok()) {
    FUZZ_REQUIRE(standard_base64(der) == without_line_breaks(text));
  } else {
    check_failure(pem, text);
  }
  return 0;
}
