// The verified-signature cache (beyond jose): which exact tokens have had
// their signature verified under which exact key, so that verifying one again
// skips the signature check. Only the signature is remembered; the header and
// the claims are checked on every call.
//
// An entry is a token's text under a key's bytes. The core decodes base64url
// strictly (one text per byte string), so equal text means the same signing
// input and the same signature: a hit can only mean "this signing input and
// this signature verified under this key". Bounded: each key keeps at most
// the number of tokens its caller asks for (the `cache: { size }` option),
// least recently used out first, and at most kMaxKeys keys keep any, the
// least recently used key out first.
#pragma once

#include <cstddef>
#include <list>
#include <map>
#include <string>
#include <string_view>

namespace edjwt {

class VerifiedSignatures {
 public:
  static constexpr std::size_t kMaxKeys = 64;

  // Whether `token`'s signature verified under `key` before; a hit is then the most recent.
  bool contains(std::string_view key, std::string_view token);
  // Records that `token`'s signature verified under `key`, keeping at most
  // `capacity` tokens for that key (0: none).
  void remember(std::string_view key, std::string_view token, std::size_t capacity);
  std::size_t size(std::string_view key) const;

 private:
  // A key's tokens, ordered for lookup, each with its place in the recency list.
  // (An ordered map: its tree code is in the module already for the JSON
  // objects, where a hash map would add 3 KB.)
  struct KeyEntries {
    using Recency = std::list<std::string_view>;  // most recently used first; views into `index`'s keys
    std::string key;
    std::map<std::string, Recency::iterator, std::less<>> index;
    Recency recency;
  };
  KeyEntries* find(std::string_view key);  // and make it the most recently used key

  std::list<KeyEntries> keys_;  // most recently used first
};

// The module's one cache, used by verify_compact.
VerifiedSignatures& verified_signatures();

}  // namespace edjwt
