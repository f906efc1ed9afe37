// Per-key table cache. See key_tables.hpp for the policy. Linear scans: the
// lists hold a few dozen 32-byte keys at most, cheaper to search than to hash.
#include "key_tables.hpp"

#include <algorithm>
#include <cstring>

namespace edjwt::ed25519 {

KeyTables::~KeyTables() { evict_to(0); }

const FixedBaseTable* KeyTables::table_for(const std::uint8_t* key) {
  if (capacity_ == 0) return nullptr;
  const auto same_key = [key](const KeyBytes& bytes) { return std::memcmp(bytes.data(), key, bytes.size()) == 0; };
  const auto hit = std::find_if(tables_.begin(), tables_.end(), [&](const Entry& e) { return same_key(e.key); });
  if (hit != tables_.end()) {
    std::rotate(tables_.begin(), hit, hit + 1);  // to the front, the others keep their order
    return tables_.front().table;
  }
  const auto seen = std::find_if(candidates_.begin(), candidates_.end(), same_key);
  if (seen == candidates_.end()) {
    KeyBytes bytes;
    std::memcpy(bytes.data(), key, bytes.size());
    if (candidates_.size() == kCandidateCapacity) candidates_.pop_back();
    candidates_.insert(candidates_.begin(), bytes);
    return nullptr;
  }
  const KeyBytes bytes = *seen;
  candidates_.erase(seen);
  FixedBaseTable* table = build_key_table(key);
  if (table == nullptr) return nullptr;  // an invalid key, or no memory: verify without a table
  evict_to(capacity_ - 1);
  tables_.insert(tables_.begin(), Entry{bytes, table});
  return table;
}

void KeyTables::set_capacity(std::size_t capacity) {
  capacity_ = capacity;
  evict_to(capacity);
}

void KeyTables::evict_to(std::size_t count) {
  while (tables_.size() > count) {
    destroy_table(tables_.back().table);
    tables_.pop_back();
  }
}

KeyTables& key_tables() {
  static KeyTables cache;
  return cache;
}

}  // namespace edjwt::ed25519
