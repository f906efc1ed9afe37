// Ed25519 via libsodium. See ed25519.hpp for the policy.
#include "ed25519.hpp"

#include <sodium.h>

#include "ed25519_subgroup.hpp"
#include "key_tables.hpp"

namespace edjwt::ed25519 {
namespace {

// y >= p = 2^255 - 19 means the low 255 bits are 0x7fff...ffed or more: the top
// byte (sign bit masked) 0x7f, bytes 30..1 all 0xff, and byte 0 at least 0xed.
bool is_canonical(const std::uint8_t* key) {
  if ((key[31] & 0x7f) != 0x7f) return true;
  for (int i = 30; i > 0; --i) {
    if (key[i] != 0xff) return true;
  }
  return key[0] < 0xed;
}

}  // namespace

KeyProblem check_public_key(const std::uint8_t* key, std::size_t size) {
  if (size != kPublicKeyBytes) return KeyProblem::wrong_length;
  if (!is_canonical(key)) return KeyProblem::non_canonical;
  return is_prime_order_point(key) ? KeyProblem::none : KeyProblem::invalid_point;
}

bool verify_without_tables(const std::uint8_t* key, std::size_t key_size, const std::uint8_t* message,
                           std::size_t message_size, const std::uint8_t* signature, std::size_t signature_size) {
  if (key_size != kPublicKeyBytes || signature_size != kSignatureBytes) return false;
  return crypto_sign_verify_detached(signature, message, message_size, key) == 0;
}

bool verify(const std::uint8_t* key, std::size_t key_size, const std::uint8_t* message, std::size_t message_size,
            const std::uint8_t* signature, std::size_t signature_size) {
  if (key_size == kPublicKeyBytes && signature_size == kSignatureBytes) {
    if (const FixedBaseTable* table = key_tables().table_for(key)) {
      return verify_with_table(*table, key, message, message_size, signature);
    }
  }
  return verify_without_tables(key, key_size, message, message_size, signature, signature_size);
}

}  // namespace edjwt::ed25519
