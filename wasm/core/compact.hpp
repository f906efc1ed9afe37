// Compact serialization (RFC 7515 §7.1): splitting a token into its segments
// without copying. Only the JWS form (three segments) is accepted for JWTs; a
// five-segment JWE is recognised so that the error can say so.
#pragma once

#include <string_view>

#include "limits.hpp"
#include "status.hpp"

namespace edjwt {

struct CompactJws {
  std::string_view header;
  std::string_view payload;
  std::string_view signature;
  std::string_view signing_input;  // "header.payload", exactly as received
};

// Checks the length limit and the segment count.
Outcome split_compact_jws(std::string_view token, const Limits& limits, CompactJws& out);

// Number of '.'-separated segments, as JavaScript's split('.') counts them.
std::size_t count_segments(std::string_view token);

Outcome check_token_length(std::string_view token, const Limits& limits);
// The same rule for a token of `bytes` bytes that has not been copied anywhere
// (the JS layer asks before writing an oversized token into wasm memory).
Outcome check_token_length(std::size_t bytes, const Limits& limits);

// Decoding refuses whitespace before or after a token, as verification does
// (no base64url segment may hold any): one rule whichever segment it lands in,
// even those an unverified decode never reads.
Outcome check_no_surrounding_whitespace(std::string_view token);

}  // namespace edjwt
