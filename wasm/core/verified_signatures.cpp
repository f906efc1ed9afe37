// The verified-signature cache. See verified_signatures.hpp.
#include "verified_signatures.hpp"

namespace edjwt {

VerifiedSignatures::KeyEntries* VerifiedSignatures::find(std::string_view key) {
  for (auto it = keys_.begin(); it != keys_.end(); ++it) {
    if (it->key == key) {
      keys_.splice(keys_.begin(), keys_, it);
      return &keys_.front();
    }
  }
  return nullptr;
}

bool VerifiedSignatures::contains(std::string_view key, std::string_view token) {
  KeyEntries* entries = find(key);
  if (entries == nullptr) return false;
  const auto hit = entries->index.find(token);
  if (hit == entries->index.end()) return false;
  entries->recency.splice(entries->recency.begin(), entries->recency, hit->second);
  return true;
}

void VerifiedSignatures::remember(std::string_view key, std::string_view token, std::size_t capacity) {
  if (capacity == 0) return;
  KeyEntries* entries = find(key);
  if (entries == nullptr) {
    keys_.emplace_front();
    keys_.front().key.assign(key);
    entries = &keys_.front();
    if (keys_.size() > kMaxKeys) keys_.pop_back();
  }
  auto at = entries->index.lower_bound(token);
  if (at != entries->index.end() && at->first == token) {  // already there: now the most recent
    entries->recency.splice(entries->recency.begin(), entries->recency, at->second);
    return;
  }
  const auto added = entries->index.emplace_hint(at, std::string(token), entries->recency.end());
  entries->recency.push_front(added->first);
  added->second = entries->recency.begin();
  while (entries->recency.size() > capacity) {
    entries->index.erase(entries->index.find(entries->recency.back()));
    entries->recency.pop_back();
  }
}

std::size_t VerifiedSignatures::size(std::string_view key) const {
  for (const auto& entries : keys_) {
    if (entries.key == key) return entries.recency.size();
  }
  return 0;
}

VerifiedSignatures& verified_signatures() {
  static VerifiedSignatures cache;
  return cache;
}

}  // namespace edjwt
