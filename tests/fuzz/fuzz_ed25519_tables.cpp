// libFuzzer target: the table path and libsodium's crypto_sign_verify_detached
// must give the same verdict for any (key, message, signature). Input: a mode
// byte, 32 key bytes, 64 signature bytes, then the message. In "raw" mode
// (even) they are used as they are; in "signed" mode (odd) the 32 bytes are a
// seed, the message is signed with the key it gives, and the 64 bytes are
// XORed into that valid signature, so the fuzzer explores near-valid inputs.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstring>

#include "core/ed25519.hpp"
#include "core/ed25519_tables.hpp"
#include "fuzz_check.hpp"

namespace {

// Building a table costs as much as ~25 verifications, and most mutations
// leave the key alone: the last key's table is kept for the next input, so the
// fuzzer runs many times more inputs a second.
const edjwt::ed25519::FixedBaseTable* table_for(const std::uint8_t* key) {
  static std::uint8_t last_key[32];
  static edjwt::ed25519::FixedBaseTable* last_table = nullptr;
  static bool have_last = false;
  if (!have_last || std::memcmp(last_key, key, 32) != 0) {
    edjwt::ed25519::destroy_table(last_table);
    last_table = edjwt::ed25519::build_key_table(key);
    std::memcpy(last_key, key, 32);
    have_last = true;
  }
  return last_table;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1 + 32 + 64) return 0;
  const bool signed_mode = data[0] & 1;
  std::uint8_t key[32], signature[64];
  const std::uint8_t* message = data + 97;
  const std::size_t message_size = size - 97;
  if (signed_mode) {
    std::uint8_t secret[64];
    crypto_sign_seed_keypair(key, secret, data + 1);
    crypto_sign_detached(signature, nullptr, message, message_size, secret);
    for (int i = 0; i < 64; ++i) signature[i] ^= data[33 + i];
  } else {
    std::memcpy(key, data + 1, 32);
    std::memcpy(signature, data + 33, 64);
  }
  const bool reference = edjwt::ed25519::verify_without_tables(key, 32, message, message_size, signature, 64);
  const edjwt::ed25519::FixedBaseTable* table = table_for(key);
  const bool fast = table != nullptr && edjwt::ed25519::verify_with_table(*table, key, message, message_size, signature);
  FUZZ_REQUIRE(fast == reference);
  return 0;
}
