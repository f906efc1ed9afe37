// libFuzzer target: public-key import. The input is tried as raw bytes, as a
// JWK "x" and as an SPKI PEM. Raw import must agree exactly with libsodium's
// own point validation (canonical, on the curve, prime order, not small
// order); the JWK and PEM paths must yield the same key as importing its bytes.
#include <sodium.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/base64url.hpp"
#include "core/keys.hpp"
#include "fuzz_check.hpp"

namespace {

using edjwt::keys::PublicKey;

void check_same_as_raw(const edjwt::Outcome& outcome, const PublicKey& key, const std::vector<std::uint8_t>& bytes) {
  PublicKey raw{};
  const bool raw_ok = edjwt::keys::import_raw(bytes.data(), bytes.size(), raw).ok();
  FUZZ_REQUIRE(outcome.ok() == raw_ok);
  if (raw_ok) FUZZ_REQUIRE(raw == key);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);

  PublicKey raw{};
  const auto raw_outcome = edjwt::keys::import_raw(data, size, raw);
  const bool sodium_valid = size == crypto_core_ed25519_BYTES && crypto_core_ed25519_is_valid_point(data) == 1;
  FUZZ_REQUIRE(raw_outcome.ok() == sodium_valid);
  if (raw_outcome.ok()) FUZZ_REQUIRE(std::memcmp(raw.data(), data, raw.size()) == 0);
  else FUZZ_REQUIRE(raw_outcome.status == edjwt::Status::key_invalid && !raw_outcome.message.empty());

  PublicKey from_jwk{};
  const auto jwk_outcome = edjwt::keys::import_jwk_x(text, from_jwk);
  std::vector<std::uint8_t> x;
  if (edjwt::base64url::decode(text, x).ok()) check_same_as_raw(jwk_outcome, from_jwk, x);
  else FUZZ_REQUIRE(jwk_outcome.status == edjwt::Status::key_invalid);

  PublicKey from_pem{};
  const auto pem_outcome = edjwt::keys::import_spki_pem(text, from_pem);
  if (pem_outcome.ok()) {
    PublicKey again{};
    const std::string x_text = edjwt::base64url::encode(from_pem.data(), from_pem.size());
    FUZZ_REQUIRE(edjwt::keys::import_jwk_x(x_text, again).ok() && again == from_pem);
  } else {
    FUZZ_REQUIRE(pem_outcome.status == edjwt::Status::key_invalid && !pem_outcome.message.empty());
  }
  return 0;
}
