// Splitting compact serializations. See compact.hpp.
#include "compact.hpp"

#include <algorithm>
#include <string>

#include "base64url.hpp"

namespace edjwt {

std::size_t count_segments(std::string_view token) {
  return static_cast<std::size_t>(std::count(token.begin(), token.end(), '.')) + 1;
}

Outcome check_token_length(std::size_t bytes, const Limits& limits) {
  if (bytes > limits.max_token_length) {
    return Outcome::failure(Status::token_too_long, "token is " + std::to_string(bytes) + " bytes, over the limit of " +
                                                        std::to_string(limits.max_token_length));
  }
  return Outcome::success();
}

Outcome check_token_length(std::string_view token, const Limits& limits) {
  return check_token_length(token.size(), limits);
}

Outcome check_no_surrounding_whitespace(std::string_view token) {
  if (token.empty()) return Outcome::success();
  const bool leading = base64url::is_whitespace(token.front());
  if (!leading && !base64url::is_whitespace(token.back())) return Outcome::success();
  const base64url::Decoded problem{base64url::Problem::whitespace, leading ? 0 : token.size() - 1};
  return Outcome::failure(Status::compact_malformed,
                          "token: " + base64url::describe(problem) + " (the token " +
                              (leading ? "starts" : "ends") + " with whitespace; trim it before decoding)");
}

Outcome split_compact_jws(std::string_view token, const Limits& limits, CompactJws& out) {
  if (Outcome length = check_token_length(token, limits); !length.ok()) return length;
  const std::size_t segments = count_segments(token);
  if (segments == 5) {
    return Outcome::failure(Status::jwe_not_supported,
                            "five segments make a JWE; only JWS compact serialization is supported");
  }
  if (segments != 3) {
    return Outcome::failure(Status::compact_malformed, "a compact JWS has exactly three segments, this token has " +
                                                           std::to_string(segments));
  }
  const std::size_t first = token.find('.');
  const std::size_t second = token.find('.', first + 1);
  out.header = token.substr(0, first);
  out.payload = token.substr(first + 1, second - first - 1);
  out.signature = token.substr(second + 1);
  out.signing_input = token.substr(0, second);
  return Outcome::success();
}

}  // namespace edjwt
