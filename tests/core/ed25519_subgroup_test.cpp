// The prime-order test by point halving gives libsodium's verdict
// (crypto_core_ed25519_is_valid_point, which multiplies by L) on every kind of
// point: prime order, each torsion component added to one, small order, and
// arbitrary bytes.
#include "core/ed25519_subgroup.hpp"

#include <gtest/gtest.h>
#include <sodium.h>

#include <array>
#include <cstdint>
#include <random>

namespace {

using Point = std::array<std::uint8_t, 32>;

// A point of order 8 (y = 55188659117513257062467267217118295137698188065244968500265048394206261417927,
// x even); its order is checked below rather than trusted.
constexpr Point kOrder8 = {0xc7, 0x17, 0x6a, 0x70, 0x3d, 0x4d, 0xd8, 0x4f, 0xba, 0x3c, 0x0b,
                           0x76, 0x0d, 0x10, 0x67, 0x0f, 0x2a, 0x20, 0x53, 0xfa, 0x2c, 0x39,
                           0xcc, 0xc6, 0x4e, 0xc7, 0xfd, 0x77, 0x92, 0xac, 0x03, 0x7a};
constexpr Point kIdentity = {1};

Point add(const Point& p, const Point& q) {
  Point sum{};
  EXPECT_EQ(crypto_core_ed25519_add(sum.data(), p.data(), q.data()), 0);
  return sum;
}

// The eight torsion points: j·kOrder8 for j = 0..7.
std::array<Point, 8> torsion() {
  std::array<Point, 8> points{kIdentity};
  for (std::size_t j = 1; j < 8; ++j) points[j] = add(points[j - 1], kOrder8);
  return points;
}

Point prime_order_point(std::mt19937_64& random) {
  std::array<std::uint8_t, 32> scalar{};
  for (auto& byte : scalar) byte = static_cast<std::uint8_t>(random());
  scalar[31] &= 0x0f;  // below L: [k]B for k < 2^252
  Point point{};
  if (crypto_scalarmult_ed25519_base_noclamp(point.data(), scalar.data()) != 0) return kIdentity;
  return point;
}

bool sodium_verdict(const Point& point) { return crypto_core_ed25519_is_valid_point(point.data()) == 1; }

}  // namespace

TEST(Ed25519Subgroup, TheTorsionGeneratorHasOrderEight) {
  const auto points = torsion();
  EXPECT_EQ(add(points[7], kOrder8), kIdentity);
  EXPECT_NE(points[4], kIdentity);
}

TEST(Ed25519Subgroup, PrimeOrderPointsAreAcceptedAndEachTorsionComponentRefused) {
  ASSERT_GE(sodium_init(), 0);
  std::mt19937_64 random(20261204);
  const auto torsion_points = torsion();
  int accepted = 0;
  for (int i = 0; i < 2000; ++i) {
    const Point point = prime_order_point(random);
    for (std::size_t j = 0; j < torsion_points.size(); ++j) {
      const Point mixed = j == 0 ? point : add(point, torsion_points[j]);
      const bool expected = sodium_verdict(mixed);
      ASSERT_EQ(expected, j == 0) << "libsodium's own verdict, point " << i << " + torsion " << j;
      ASSERT_EQ(edjwt::ed25519::is_prime_order_point(mixed.data()), expected) << "point " << i << " + torsion " << j;
      accepted += expected;
    }
  }
  EXPECT_EQ(accepted, 2000);
}

TEST(Ed25519Subgroup, SmallOrderPointsAreRefused) {
  for (const Point& point : torsion()) EXPECT_FALSE(edjwt::ed25519::is_prime_order_point(point.data()));
}

TEST(Ed25519Subgroup, ArbitraryBytesGetLibsodiumsVerdict) {
  std::mt19937_64 random(42);
  int on_curve_and_prime = 0;
  for (int i = 0; i < 100000; ++i) {
    Point bytes{};
    for (auto& byte : bytes) byte = static_cast<std::uint8_t>(random());
    // Both signs of x; a y at or above p (which the caller refuses) has odds of 2^-250.
    const bool expected = sodium_verdict(bytes);
    ASSERT_EQ(edjwt::ed25519::is_prime_order_point(bytes.data()), expected) << "sample " << i;
    on_curve_and_prime += expected;
  }
  // About half of all y give a curve point, and one in eight of those has prime order.
  EXPECT_GT(on_curve_and_prime, 100000 / 16 / 2);
  EXPECT_LT(on_curve_and_prime, 100000 / 16 * 2);
}
