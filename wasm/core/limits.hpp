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

// What setLimits accepts for each limit, as X(name, min, max); the JS layer
// checks values against these (a TypeError) before they reach the core, and
// reads them from the generated js/core-constants.js, made from this list.
//   maxTokenLength  from 16 bytes (a smaller limit is a mistake, not a policy)
//                   to 2^31-1, the most a wasm32 buffer can be asked to hold
//   maxJsonDepth    from 1 (a top-level object only) to 2^31-1
//   maxKeyTables    from 0 (no per-key tables) to 256: each table is 98 KB of
//                   wasm memory, which never shrinks, so at most 25 MB
#define EDJWT_LIMIT_BOUNDS(X) \
  X(maxTokenLength, 16, 2147483647) \
  X(maxJsonDepth, 1, 2147483647) \
  X(maxKeyTables, 0, 256)

}  // namespace edjwt
