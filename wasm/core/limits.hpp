// Explicit input limits, checked before any parsing so that hostile input costs
// bounded time and memory. Defaults are documented in the README ("Limits").
#pragma once

#include <cstddef>

namespace edjwt {

struct Limits {
  // Real-world JWTs are well under 8 KiB; 64 KiB leaves room for fat claim sets
  // while keeping a pathological token from growing wasm memory.
  std::size_t max_token_length = 64 * 1024;
  // Nesting depth of header/claims JSON (the top-level object is depth 1).
  // Bounded so that a SAX walk can never be driven into deep recursion.
  int max_json_depth = 32;
};

}  // namespace edjwt
