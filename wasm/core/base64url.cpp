// Strict base64url decoding and encoding. See base64url.hpp for the policy.
#include "base64url.hpp"

#include <array>

namespace edjwt::base64url {
bool is_whitespace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f'; }

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
constexpr std::uint8_t kInvalid = 0xff;

constexpr std::array<std::uint8_t, 256> make_table() {
  std::array<std::uint8_t, 256> table{};
  for (auto& entry : table) entry = kInvalid;
  for (std::uint8_t i = 0; i < 64; ++i) table[static_cast<unsigned char>(kAlphabet[i])] = i;
  return table;
}
constexpr auto kTable = make_table();

Problem classify_invalid(char c) {
  if (is_whitespace(c)) return Problem::whitespace;
  switch (c) {
    case '=': return Problem::padding;
    case '+': case '/': return Problem::standard_alphabet;
    default: return Problem::bad_character;
  }
}

template <typename Bytes>
Decoded decode_into(std::string_view text, Bytes& out) {
  out.clear();
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (kTable[static_cast<unsigned char>(text[i])] == kInvalid) return {classify_invalid(text[i]), i};
  }
  const std::size_t tail = text.size() % 4;
  if (tail == 1) return {Problem::bad_length, text.size()};
  // Sized once and written by index: push_back per byte is an out-of-line call
  // in the wasm build and was a tenth of decoding a token.
  out.resize(text.size() / 4 * 3 + (tail == 0 ? 0 : tail - 1));
  auto* bytes = reinterpret_cast<std::uint8_t*>(out.data());
  const auto sextet = [&text](std::size_t at) -> std::uint32_t { return kTable[static_cast<unsigned char>(text[at])]; };
  std::size_t i = 0;
  for (; i + 4 <= text.size(); i += 4) {
    const std::uint32_t n = sextet(i) << 18 | sextet(i + 1) << 12 | sextet(i + 2) << 6 | sextet(i + 3);
    *bytes++ = static_cast<std::uint8_t>(n >> 16);
    *bytes++ = static_cast<std::uint8_t>(n >> 8 & 0xff);
    *bytes++ = static_cast<std::uint8_t>(n & 0xff);
  }
  if (tail == 0) return {};
  const std::uint32_t a = sextet(i);
  const std::uint32_t b = sextet(i + 1);
  if (tail == 2) {
    // 12 bits carry 8: the low 4 bits of the second character must be zero.
    if (b & 0x0f) {
      out.clear();
      return {Problem::non_canonical, i + 1};
    }
    *bytes = static_cast<std::uint8_t>(a << 2 | b >> 4);
    return {};
  }
  const std::uint32_t c = sextet(i + 2);
  // 18 bits carry 16: the low 2 bits of the third character must be zero.
  if (c & 0x03) {
    out.clear();
    return {Problem::non_canonical, i + 2};
  }
  *bytes++ = static_cast<std::uint8_t>(a << 2 | b >> 4);
  *bytes = static_cast<std::uint8_t>((b & 0x0f) << 4 | c >> 2);
  return {};
}

}  // namespace

Decoded decode(std::string_view text, std::vector<std::uint8_t>& out) { return decode_into(text, out); }
Decoded decode(std::string_view text, std::string& out) { return decode_into(text, out); }

Decoded decode_pem_body(std::string_view text, std::vector<std::uint8_t>& out) {
  std::string url;
  url.reserve(text.size());
  std::size_t padding = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\r' || c == '\n') continue;
    if (c == '=') {
      ++padding;
      continue;
    }
    if (padding) return {Problem::padding, i};  // data after padding
    url += c == '+' ? '-' : c == '/' ? '_' : (c == '-' || c == '_') ? '!' : c;
  }
  if (padding > 2 || (url.size() + padding) % 4 != 0) return {Problem::bad_length, text.size()};
  return decode(url, out);
}

std::string encode(const std::uint8_t* data, std::size_t size) {
  std::string out;
  out.reserve((size * 4 + 2) / 3);
  std::size_t i = 0;
  for (; i + 3 <= size; i += 3) {
    const std::uint32_t n = data[i] << 16 | data[i + 1] << 8 | data[i + 2];
    out += kAlphabet[n >> 18];
    out += kAlphabet[n >> 12 & 0x3f];
    out += kAlphabet[n >> 6 & 0x3f];
    out += kAlphabet[n & 0x3f];
  }
  if (size - i == 1) {
    out += kAlphabet[data[i] >> 2];
    out += kAlphabet[(data[i] & 0x03) << 4];
  } else if (size - i == 2) {
    out += kAlphabet[data[i] >> 2];
    out += kAlphabet[(data[i] & 0x03) << 4 | data[i + 1] >> 4];
    out += kAlphabet[(data[i + 1] & 0x0f) << 2];
  }
  return out;
}

std::string describe(const Decoded& result) {
  const std::string at = " at offset " + std::to_string(result.offset);
  switch (result.problem) {
    case Problem::none: return "valid base64url";
    case Problem::padding: return "'=' padding is not allowed in base64url (RFC 7515 section 2)" + at;
    case Problem::whitespace: return "whitespace is not allowed in base64url" + at;
    case Problem::standard_alphabet: return "'+' and '/' are base64, not base64url" + at;
    case Problem::bad_character: return "character outside the base64url alphabet" + at;
    case Problem::bad_length: return "base64url length leaves a single dangling character";
    case Problem::non_canonical:
      return "non-canonical base64url: unused trailing bits are not zero" + at;
  }
  return "invalid base64url";
}

}  // namespace edjwt::base64url
