// The verified-signature cache: a hit only for the exact token under the exact
// key, bounded per key and in the number of keys, least recently used out first.
#include "core/verified_signatures.hpp"

#include <gtest/gtest.h>

#include <string>

using edjwt::VerifiedSignatures;

TEST(VerifiedSignatures, AHitNeedsTheSameKeyAndTheSameToken) {
  VerifiedSignatures cache;
  cache.remember("key-a", "h.p.s", 4);
  EXPECT_TRUE(cache.contains("key-a", "h.p.s"));
  EXPECT_FALSE(cache.contains("key-b", "h.p.s"));
  EXPECT_FALSE(cache.contains("key-a", "h.p.t"));
  EXPECT_FALSE(cache.contains("key-a", "h.p.s "));
}

TEST(VerifiedSignatures, CapacityZeroKeepsNothing) {
  VerifiedSignatures cache;
  cache.remember("key", "h.p.s", 0);
  EXPECT_FALSE(cache.contains("key", "h.p.s"));
  EXPECT_EQ(cache.size("key"), 0u);
}

TEST(VerifiedSignatures, EachKeyKeepsItsCapacityLeastRecentlyUsedOutFirst) {
  VerifiedSignatures cache;
  cache.remember("key", "a", 2);
  cache.remember("key", "b", 2);
  EXPECT_TRUE(cache.contains("key", "a"));  // now b is the least recently used
  cache.remember("key", "c", 2);
  EXPECT_EQ(cache.size("key"), 2u);
  EXPECT_FALSE(cache.contains("key", "b"));
  EXPECT_TRUE(cache.contains("key", "a"));
  EXPECT_TRUE(cache.contains("key", "c"));
}

TEST(VerifiedSignatures, ASmallerCapacityForTheSameKeyTrimsIt) {
  VerifiedSignatures cache;
  for (const char* token : {"a", "b", "c"}) cache.remember("key", token, 3);
  cache.remember("key", "d", 1);
  EXPECT_EQ(cache.size("key"), 1u);
  EXPECT_TRUE(cache.contains("key", "d"));
}

TEST(VerifiedSignatures, OneKeysTokensNeverEvictAnothers) {
  VerifiedSignatures cache;
  cache.remember("quiet", "q", 1);
  for (int i = 0; i < 100; ++i) cache.remember("busy", std::to_string(i), 10);
  EXPECT_TRUE(cache.contains("quiet", "q"));
  EXPECT_EQ(cache.size("busy"), 10u);
}

TEST(VerifiedSignatures, AtMostMaxKeysKeysKeepEntriesTheLeastRecentlyUsedOutFirst) {
  VerifiedSignatures cache;
  for (std::size_t i = 0; i < VerifiedSignatures::kMaxKeys; ++i) cache.remember("key" + std::to_string(i), "t", 1);
  EXPECT_TRUE(cache.contains("key0", "t"));  // key1 is now the least recently used
  cache.remember("one-more", "t", 1);
  EXPECT_FALSE(cache.contains("key1", "t"));
  EXPECT_TRUE(cache.contains("key0", "t"));
  EXPECT_TRUE(cache.contains("one-more", "t"));
}

TEST(VerifiedSignatures, RememberingATokenAgainKeepsOneEntryAndMakesItTheMostRecent) {
  VerifiedSignatures cache;
  cache.remember("key", "a", 2);
  cache.remember("key", "b", 2);
  cache.remember("key", "a", 2);  // now b is the least recently used
  EXPECT_EQ(cache.size("key"), 2u);
  cache.remember("key", "c", 2);
  EXPECT_FALSE(cache.contains("key", "b"));
  EXPECT_TRUE(cache.contains("key", "a"));
}
