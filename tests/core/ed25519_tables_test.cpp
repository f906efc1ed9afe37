// The table path gives exactly libsodium's verdict (crypto_sign_verify_detached),
// input for input: Wycheproof, random valid signatures over random keys and
// messages, and mutations of each part of a signature, its message and its key.
// And the per-key cache: a key gets a table on its second use, at most
// `capacity` are kept, least recently used evicted.
#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <vector>

#include "core/ed25519.hpp"
#include "core/ed25519_tables.hpp"
#include "core/key_tables.hpp"

namespace {

using edjwt::ed25519::FixedBaseTable;
using Bytes = std::vector<std::uint8_t>;

struct Table {
  explicit Table(const std::uint8_t* key) : table(edjwt::ed25519::build_key_table(key)) {}
  ~Table() { edjwt::ed25519::destroy_table(table); }
  Table(const Table&) = delete;
  Table& operator=(const Table&) = delete;
  FixedBaseTable* table;
};

bool reference(const std::uint8_t* key, const Bytes& message, const std::uint8_t* signature) {
  return edjwt::ed25519::verify_without_tables(key, 32, message.data(), message.size(), signature, 64);
}

// The table path's verdict; a key that gets no table is refused, as libsodium
// refuses every such key (non-canonical, small order, not on the curve).
bool with_table(const Table& table, const std::uint8_t* key, const Bytes& message, const std::uint8_t* signature) {
  return table.table != nullptr &&
         edjwt::ed25519::verify_with_table(*table.table, key, message.data(), message.size(), signature);
}

struct Signer {
  std::array<std::uint8_t, 32> public_key;
  std::array<std::uint8_t, 64> secret_key;
  explicit Signer(std::mt19937_64& random) {
    std::array<std::uint8_t, 32> seed;
    for (auto& b : seed) b = static_cast<std::uint8_t>(random());
    crypto_sign_seed_keypair(public_key.data(), secret_key.data(), seed.data());
  }
  std::array<std::uint8_t, 64> sign(const Bytes& message) const {
    std::array<std::uint8_t, 64> signature;
    crypto_sign_detached(signature.data(), nullptr, message.data(), message.size(), secret_key.data());
    return signature;
  }
};

Bytes random_message(std::mt19937_64& random) {
  Bytes message(random() % 800);
  for (auto& b : message) b = static_cast<std::uint8_t>(random());
  return message;
}

// The group order L, little-endian.
constexpr std::array<std::uint8_t, 32> kOrder = {0xed, 0xd3, 0xf5, 0x5c, 0x1a, 0x63, 0x12, 0x58, 0xd6, 0x9c, 0xf7,
                                                0xa2, 0xde, 0xf9, 0xde, 0x14, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00,
                                                0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x10};

// The encodings of points of small order that libsodium refuses as R or as a
// key: 0 and 1 (canonical and as p, p+1), the two points of order 8, and p-1.
std::vector<std::array<std::uint8_t, 32>> small_order_encodings() {
  std::vector<std::array<std::uint8_t, 32>> out;
  const char* hex[] = {
      "0000000000000000000000000000000000000000000000000000000000000000",
      "0100000000000000000000000000000000000000000000000000000000000000",
      "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
      "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
      "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
      "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
  };
  for (const char* text : hex) {
    std::array<std::uint8_t, 32> bytes;
    sodium_hex2bin(bytes.data(), bytes.size(), text, 64, nullptr, nullptr, nullptr);
    out.push_back(bytes);
    bytes[31] |= 0x80;  // the same with the sign bit set
    out.push_back(bytes);
  }
  return out;
}

Bytes hex(const std::string& text) {
  if (text.empty()) return {};
  Bytes out(text.size() / 2);
  sodium_hex2bin(out.data(), out.size(), text.c_str(), text.size(), nullptr, nullptr, nullptr);
  return out;
}

}  // namespace

TEST(Ed25519Tables, EveryWycheproofVectorGivesLibsodiumsVerdict) {
  std::ifstream file(std::string(EDJWT_TEST_VECTORS) + "/wycheproof-ed25519_test.json");
  std::stringstream text;
  text << file.rdbuf();
  const auto vectors = nlohmann::json::parse(text.str(), nullptr, false);
  ASSERT_FALSE(vectors.is_discarded());
  int cases = 0;
  for (const auto& group : vectors["testGroups"]) {
    const Bytes key = hex(group["publicKey"]["pk"].get<std::string>());
    const Table table(key.data());
    for (const auto& test : group["tests"]) {
      const Bytes message = hex(test["msg"].get<std::string>());
      Bytes signature = hex(test["sig"].get<std::string>());
      const bool expected = test["result"].get<std::string>() == "valid";
      if (signature.size() != 64) {  // wrong lengths never reach the table path
        EXPECT_FALSE(expected);
        continue;
      }
      EXPECT_EQ(reference(key.data(), message, signature.data()), expected) << test["tcId"];
      EXPECT_EQ(with_table(table, key.data(), message, signature.data()), expected) << test["tcId"];
      ++cases;
    }
  }
  EXPECT_GT(cases, 100);
}

TEST(Ed25519Tables, FiftyThousandRandomValidSignaturesVerify) {
  std::mt19937_64 random(1);
  int verified = 0;
  for (int k = 0; k < 100; ++k) {
    const Signer signer(random);
    const Table table(signer.public_key.data());
    ASSERT_NE(table.table, nullptr);
    for (int m = 0; m < 500; ++m) {
      const Bytes message = random_message(random);
      const auto signature = signer.sign(message);
      verified += with_table(table, signer.public_key.data(), message, signature.data());
    }
  }
  EXPECT_EQ(verified, 50000);
}

TEST(Ed25519Tables, FiftyThousandMutationsGetLibsodiumsVerdict) {
  std::mt19937_64 random(2);
  const auto small_order = small_order_encodings();
  int cases = 0, accepted = 0, unchanged = 0;
  for (int k = 0; k < 50; ++k) {
    const Signer signer(random);
    const std::uint8_t* key = signer.public_key.data();
    const Table table(key);
    for (int m = 0; m < 1000; ++m) {
      Bytes message = random_message(random);
      auto signature = signer.sign(message);
      switch (m % 6) {
        case 0: signature[random() % 32] ^= 1 << (random() % 8); break;       // a bit of R
        case 1: signature[32 + random() % 32] ^= 1 << (random() % 8); break;  // a bit of S
        case 2:                                                               // a bit of the message
          if (message.empty()) message.push_back(0);
          else message[random() % message.size()] ^= 1 << (random() % 8);
          break;
        case 3: {  // S + L: the same scalar, non-canonical
          unsigned carry = 0;
          for (int i = 0; i < 32; ++i) {
            carry += signature[32 + i] + kOrder[i];
            signature[32 + i] = static_cast<std::uint8_t>(carry);
            carry >>= 8;
          }
          break;
        }
        case 4: {  // R of small order, canonical or not
          const auto& r = small_order[random() % small_order.size()];
          std::copy(r.begin(), r.end(), signature.begin());
          break;
        }
        default: ++unchanged; break;  // must verify
      }
      const bool expected = reference(key, message, signature.data());
      EXPECT_EQ(with_table(table, key, message, signature.data()), expected) << "key " << k << " case " << m;
      accepted += expected;
      ++cases;
    }
  }
  EXPECT_EQ(cases, 50000);
  EXPECT_EQ(accepted, unchanged);  // no mutation of a valid signature verifies
}

TEST(Ed25519Tables, MutatedKeysGetLibsodiumsVerdict) {
  std::mt19937_64 random(3);
  const auto small_order = small_order_encodings();
  int tabled = 0;
  for (int n = 0; n < 1000; ++n) {
    const Signer signer(random);
    const Bytes message = random_message(random);
    const auto signature = signer.sign(message);
    auto key = signer.public_key;
    if (n % 10 == 0) key = small_order[n / 10 % small_order.size()];
    else key[random() % 32] ^= 1 << (random() % 8);
    const Table table(key.data());
    tabled += table.table != nullptr;
    EXPECT_EQ(with_table(table, key.data(), message, signature.data()), reference(key.data(), message, signature.data()));
  }
  EXPECT_GT(tabled, 300);  // about half the flipped keys still decode: those exercise the table path
}

TEST(Ed25519Tables, KeysOfSmallOrderOrNonCanonicalGetNoTable) {
  for (const auto& key : small_order_encodings()) EXPECT_EQ(Table(key.data()).table, nullptr);
  std::array<std::uint8_t, 32> non_canonical;
  non_canonical.fill(0xff);
  non_canonical[0] = 0xef;  // y = p + 2
  non_canonical[31] = 0x7f;
  EXPECT_EQ(Table(non_canonical.data()).table, nullptr);
}

TEST(Ed25519Tables, TableIsAtMost128KiB) { EXPECT_LE(edjwt::ed25519::fixed_base_table_bytes(), 128u * 1024); }

TEST(KeyTables, AKeyGetsATableOnItsSecondUse) {
  edjwt::ed25519::KeyTables cache;
  std::mt19937_64 random(4);
  const Signer signer(random);
  EXPECT_EQ(cache.table_for(signer.public_key.data()), nullptr);
  EXPECT_EQ(cache.size(), 0u);
  const FixedBaseTable* table = cache.table_for(signer.public_key.data());
  EXPECT_NE(table, nullptr);
  EXPECT_EQ(cache.table_for(signer.public_key.data()), table);
  EXPECT_EQ(cache.size(), 1u);
}

TEST(KeyTables, KeepsAtMostCapacityTablesEvictingTheLeastRecentlyUsed) {
  edjwt::ed25519::KeyTables cache;
  cache.set_capacity(2);
  std::mt19937_64 random(5);
  const Signer a(random), b(random), c(random);
  for (const Signer* s : {&a, &a, &b, &b}) cache.table_for(s->public_key.data());
  EXPECT_EQ(cache.size(), 2u);
  cache.table_for(a.public_key.data());  // a is now the most recent
  cache.table_for(c.public_key.data());
  cache.table_for(c.public_key.data());  // c's table evicts b's
  EXPECT_EQ(cache.size(), 2u);
  const FixedBaseTable* a_table = cache.table_for(a.public_key.data());
  EXPECT_NE(a_table, nullptr);
  EXPECT_EQ(cache.table_for(b.public_key.data()), nullptr) << "b was evicted and is a candidate again";
  EXPECT_NE(cache.table_for(b.public_key.data()), nullptr) << "its second use rebuilds it";
}

TEST(KeyTables, OneShotKeysNeverEvictTables) {
  edjwt::ed25519::KeyTables cache;
  cache.set_capacity(1);
  std::mt19937_64 random(6);
  const Signer warm(random);
  cache.table_for(warm.public_key.data());
  const FixedBaseTable* table = cache.table_for(warm.public_key.data());
  for (int n = 0; n < 200; ++n) EXPECT_EQ(cache.table_for(Signer(random).public_key.data()), nullptr);
  EXPECT_EQ(cache.table_for(warm.public_key.data()), table);
}

TEST(KeyTables, CapacityZeroTurnsTablesOff) {
  edjwt::ed25519::KeyTables cache;
  std::mt19937_64 random(7);
  const Signer signer(random);
  cache.table_for(signer.public_key.data());
  cache.table_for(signer.public_key.data());
  cache.set_capacity(0);
  EXPECT_EQ(cache.size(), 0u);
  EXPECT_EQ(cache.table_for(signer.public_key.data()), nullptr);
  EXPECT_EQ(cache.table_for(signer.public_key.data()), nullptr);
}

TEST(Ed25519Tables, PublicVerifyUsesTheTableFromTheSecondUseWithTheSameVerdicts) {
  std::mt19937_64 random(8);
  const Signer signer(random);
  for (int n = 0; n < 20; ++n) {
    Bytes message = random_message(random);
    auto signature = signer.sign(message);
    if (n % 2) signature[40] ^= 4;
    EXPECT_EQ(edjwt::ed25519::verify(signer.public_key.data(), 32, message.data(), message.size(), signature.data(), 64),
              n % 2 == 0);
  }
}
