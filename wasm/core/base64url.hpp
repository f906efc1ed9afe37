// Strict base64url (RFC 7515 §2, RFC 4648 §5): the URL-safe alphabet only, no
// padding, no whitespace, and canonical trailing bits. jose (via atob) tolerates
// '=' padding, whitespace and non-canonical final characters, so two different
// strings can decode to the same bytes; edjwt gives every byte string exactly
// one accepted encoding.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace edjwt::base64url {

enum class Problem {
  none,
  padding,        // '=' present
  whitespace,     // space, tab, CR, LF, FF
  standard_alphabet,  // '+' or '/': base64, not base64url
  bad_character,  // anything else outside [A-Za-z0-9_-]
  bad_length,     // length % 4 == 1 cannot encode whole bytes
  non_canonical,  // unused bits of the last character are not zero
};

struct Decoded {
  Problem problem = Problem::none;
  std::size_t offset = 0;  // where the problem is, for the message
  bool ok() const { return problem == Problem::none; }
};

// Space, tab, CR, LF or FF: the characters Problem::whitespace names.
bool is_whitespace(char c);

// Decodes `text` into `out` (cleared first). On failure `out` is unspecified.
Decoded decode(std::string_view text, std::vector<std::uint8_t>& out);
Decoded decode(std::string_view text, std::string& out);

// The body of a PEM block (RFC 7468): standard-alphabet base64 with '='
// padding, split into lines. Line breaks are dropped, then the same strict
// rules apply: padding only at the end and to a multiple of four, canonical bits.
Decoded decode_pem_body(std::string_view text, std::vector<std::uint8_t>& out);

std::string encode(const std::uint8_t* data, std::size_t size);

// A sentence naming the violated rule, e.g. "'=' padding is not allowed at offset 12".
std::string describe(const Decoded& result);

}  // namespace edjwt::base64url
