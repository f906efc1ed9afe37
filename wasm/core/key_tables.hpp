// The core's bounded cache of per-key fixed-base tables (ed25519_tables.hpp),
// keyed by the 32 key bytes. JS holds no handle: a PublicKey stays a plain,
// garbage-collectable object, and a table is found again from the bytes alone.
// A key gets a table on its second verification, so a one-shot check (the
// CLI, a single jwtVerify) pays nothing for the build; at most `capacity`
// tables are kept, least recently used evicted, and an evicted key verifies
// the slow way until it is seen twice again. Not thread-safe: the wasm module
// is single-threaded, and native callers use one thread.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "ed25519_tables.hpp"

namespace edjwt::ed25519 {

class KeyTables {
 public:
  static constexpr std::size_t kDefaultCapacity = 8;
  // Keys seen once, remembered (32 bytes each) so their second use builds a
  // table; one-shot keys churn this list, never the tables.
  static constexpr std::size_t kCandidateCapacity = 64;

  KeyTables() = default;
  KeyTables(const KeyTables&) = delete;
  KeyTables& operator=(const KeyTables&) = delete;
  ~KeyTables();

  // The table for `key` (32 bytes) when it has one or this use earns one;
  // null when the key should be verified without a table.
  const FixedBaseTable* table_for(const std::uint8_t* key);

  std::size_t capacity() const { return capacity_; }
  void set_capacity(std::size_t capacity);  // 0 turns tables off
  std::size_t size() const { return tables_.size(); }

 private:
  using KeyBytes = std::array<std::uint8_t, 32>;
  struct Entry {
    KeyBytes key;
    FixedBaseTable* table;
  };
  void evict_to(std::size_t count);

  std::size_t capacity_ = kDefaultCapacity;
  std::vector<Entry> tables_;         // most recently used first
  std::vector<KeyBytes> candidates_;  // most recently seen first
};

// The process-wide cache that ed25519::verify consults.
KeyTables& key_tables();

}  // namespace edjwt::ed25519
