// Which public keys are points of prime order L: the test behind the import
// rule of ed25519.hpp (an honest key is never of small order nor outside the
// prime-order subgroup). It runs once per imported key, so it is most of what
// a one-shot verification (import, then one check) pays beyond the signature.
#pragma once

#include <cstdint>

namespace edjwt::ed25519 {

// True when the 32 bytes at `key`, whose y the caller has checked is
// canonical, decode to a curve point that is not of small order and whose
// order is L. Exactly crypto_core_ed25519_is_valid_point's verdict on such
// input (the native tests and the key fuzz target hold it to that), at about
// half the cost: three point halvings instead of a multiplication by L.
bool is_prime_order_point(const std::uint8_t* key);

}  // namespace edjwt::ed25519
