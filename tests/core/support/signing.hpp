// Test helpers: Ed25519 keys and signed compact tokens made with native
// libsodium (independent of the verification path under test).
#pragma once

#include <sodium.h>

#include <array>
#include <string>

#include "core/base64url.hpp"
#include "core/keys.hpp"

namespace edjwt::testing {

inline std::string b64(std::string_view text) {
  return base64url::encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

struct Signer {
  keys::PublicKey public_key{};
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret_key{};

  Signer() { crypto_sign_keypair(public_key.data(), secret_key.data()); }

  std::string sign(std::string_view header_json, std::string_view payload_json) const {
    return sign_segments(b64(header_json), b64(payload_json));
  }

  std::string sign_segments(const std::string& header, const std::string& payload) const {
    const std::string input = header + "." + payload;
    std::array<unsigned char, crypto_sign_BYTES> signature{};
    crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(input.data()),
                         input.size(), secret_key.data());
    return input + "." + base64url::encode(signature.data(), signature.size());
  }
};

}  // namespace edjwt::testing
