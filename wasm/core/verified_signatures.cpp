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
  entries->tokens.splice(entries->tokens.begin(), entries->tokens, hit->second);
  return true;
}

void VerifiedSignatures::remember(std::string_view key, std::string_view token, std::size_t capacity) {
  if (capacity == 0 || contains(key, token)) return;
  KeyEntries* entries = find(key);
  if (entries == nullptr) {
    keys_.emplace_front();
    keys_.front().key.assign(key);
    entries = &keys_.front();
    if (keys_.size() > kMaxKeys) keys_.pop_back();
  }
  entries->tokens.emplace_front(token);
  entries->index.emplace(entries->tokens.front(), entries->tokens.begin());
  while (entries->tokens.size() > capacity) {
    entries->index.erase(entries->tokens.back());
    entries->tokens.pop_back();
  }
}

std::size_t VerifiedSignatures::size(std::string_view key) const {
  for (const auto& entries : keys_) {
    if (entries.key == key) return entries.tokens.size();
  }
  return 0;
}

VerifiedSignatures& verified_signatures() {
  static VerifiedSignatures cache;
  return cache;
}

}  // namespace edjwt
