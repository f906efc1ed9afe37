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
  edjwt::ed25519::FixedBaseTable* table = edjwt::ed25519::build_key_table(key);
  const bool fast = table != nullptr && edjwt::ed25519::verify_with_table(*table, key, message, message_size, signature);
  edjwt::ed25519::destroy_table(table);
  FUZZ_REQUIRE(fast == reference);
  return 0;
}
