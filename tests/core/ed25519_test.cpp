// Ed25519 through libsodium: every Wycheproof vector gives its expected result,
// and public keys are refused when non-canonical or of small order.
#include "core/ed25519.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace {

std::vector<std::uint8_t> hex(const std::string& text) {
  if (text.empty()) return {};
  std::vector<std::uint8_t> out(text.size() / 2);
  sodium_hex2bin(out.data(), out.size(), text.c_str(), text.size(), nullptr, nullptr, nullptr);
  return out;
}

nlohmann::json load(const std::string& name) {
  std::ifstream file(std::string(EDJWT_TEST_VECTORS) + "/" + name);
  std::stringstream text;
  text << file.rdbuf();
  return nlohmann::json::parse(text.str(), nullptr, false);
}

}  // namespace

TEST(Ed25519, EveryWycheproofVectorGivesItsResult) {
  const auto vectors = load("wycheproof-ed25519_test.json");
  ASSERT_FALSE(vectors.is_discarded()) << "tests/vectors/wycheproof-ed25519_test.json is missing";
  int cases = 0;
  for (const auto& group : vectors["testGroups"]) {
    const auto key = hex(group["publicKey"]["pk"].get<std::string>());
    for (const auto& test : group["tests"]) {
      const auto message = hex(test["msg"].get<std::string>());
      const auto signature = hex(test["sig"].get<std::string>());
      const bool expected = test["result"].get<std::string>() == "valid";
      EXPECT_EQ(edjwt::ed25519::verify(key.data(), key.size(), message.data(), message.size(), signature.data(),
                                       signature.size()),
                expected)
          << "tcId " << test["tcId"].get<int>() << ": " << test["comment"].get<std::string>();
      ++cases;
    }
  }
  EXPECT_EQ(cases, vectors["numberOfTests"].get<int>());
  EXPECT_EQ(cases, 151);
}

TEST(Ed25519, WrongLengthsAreFalseNotErrors) {
  std::uint8_t key[32] = {}, signature[64] = {};
  EXPECT_FALSE(edjwt::ed25519::verify(key, 31, nullptr, 0, signature, 64));
  EXPECT_FALSE(edjwt::ed25519::verify(key, 32, nullptr, 0, signature, 63));
}

TEST(Ed25519, AcceptsARealPublicKey) {
  std::uint8_t pk[32], sk[64];
  crypto_sign_keypair(pk, sk);
  EXPECT_EQ(edjwt::ed25519::check_public_key(pk, 32), edjwt::ed25519::KeyProblem::none);
}

TEST(Ed25519, RefusesSmallOrderKeysIncludingTheIdentity) {
  std::uint8_t identity[32] = {1};
  EXPECT_EQ(edjwt::ed25519::check_public_key(identity, 32), edjwt::ed25519::KeyProblem::invalid_point);
  std::uint8_t zero[32] = {};  // the point of order 4 with y = 0
  EXPECT_EQ(edjwt::ed25519::check_public_key(zero, 32), edjwt::ed25519::KeyProblem::invalid_point);
}

TEST(Ed25519, RefusesNonCanonicalEncodings) {
  std::uint8_t key[32];
  std::fill(std::begin(key), std::end(key), 0xff);
  key[31] = 0x7f;
  key[0] = 0xee;  // y = p + 1
  EXPECT_EQ(edjwt::ed25519::check_public_key(key, 32), edjwt::ed25519::KeyProblem::non_canonical);
}

TEST(Ed25519, RefusesWrongLengths) {
  std::uint8_t key[33] = {};
  EXPECT_EQ(edjwt::ed25519::check_public_key(key, 33), edjwt::ed25519::KeyProblem::wrong_length);
}
