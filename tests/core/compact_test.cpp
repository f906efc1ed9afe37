// Compact JWS splitting: exactly three segments, a JWE named as such, the length limit first.
#include "core/compact.hpp"

#include <gtest/gtest.h>

using edjwt::CompactJws;
using edjwt::Limits;
using edjwt::Status;

TEST(Compact, SplitsThreeSegmentsWithoutCopying) {
  const std::string token = "aaa.bbb.ccc";
  CompactJws jws;
  ASSERT_TRUE(edjwt::split_compact_jws(token, Limits{}, jws).ok());
  EXPECT_EQ(jws.header, "aaa");
  EXPECT_EQ(jws.payload, "bbb");
  EXPECT_EQ(jws.signature, "ccc");
  EXPECT_EQ(jws.signing_input, "aaa.bbb");
  EXPECT_EQ(jws.header.data(), token.data());
}

TEST(Compact, AllowsEmptySegmentsForLaterChecks) {
  CompactJws jws;
  EXPECT_TRUE(edjwt::split_compact_jws("..", Limits{}, jws).ok());
}

TEST(Compact, RejectsOtherSegmentCounts) {
  CompactJws jws;
  for (const char* token : {"", "a", "a.b", "a.b.c.d", "a.b.c.d.e.f"}) {
    EXPECT_EQ(edjwt::split_compact_jws(token, Limits{}, jws).status, Status::compact_malformed) << token;
  }
}

TEST(Compact, NamesFiveSegmentsAsAnUnsupportedJwe) {
  CompactJws jws;
  const auto outcome = edjwt::split_compact_jws("a.b.c.d.e", Limits{}, jws);
  EXPECT_EQ(outcome.status, Status::jwe_not_supported);
  EXPECT_NE(outcome.message.find("JWE"), std::string::npos);
}

TEST(Compact, EnforcesTheLengthLimitBeforeSplitting) {
  Limits limits;
  limits.max_token_length = 10;
  CompactJws jws;
  EXPECT_TRUE(edjwt::split_compact_jws("aaaa.bb.cc", limits, jws).ok());
  EXPECT_EQ(edjwt::split_compact_jws("aaaa.bb.ccc", limits, jws).status, Status::token_too_long);
  EXPECT_EQ(edjwt::split_compact_jws(std::string(11, '.'), limits, jws).status, Status::token_too_long);
}

TEST(Compact, ALengthAloneMeetsTheSameRuleAndMessageAsTheToken) {
  Limits limits;
  limits.max_token_length = 10;
  EXPECT_TRUE(edjwt::check_token_length(std::size_t{10}, limits).ok());
  const auto by_size = edjwt::check_token_length(std::size_t{11}, limits);
  const auto by_token = edjwt::check_token_length(std::string_view("aaaa.bb.ccc"), limits);
  EXPECT_EQ(by_size.status, Status::token_too_long);
  EXPECT_EQ(by_size.message, by_token.message);
  EXPECT_EQ(by_size.message, "token is 11 bytes, over the limit of 10");
}

TEST(Compact, SurroundingWhitespaceIsNamedWithItsOffsetAndEnd) {
  EXPECT_TRUE(edjwt::check_no_surrounding_whitespace("a.b.c").ok());
  EXPECT_TRUE(edjwt::check_no_surrounding_whitespace("").ok());
  const auto leading = edjwt::check_no_surrounding_whitespace(" a.b.c");
  EXPECT_EQ(leading.status, Status::compact_malformed);
  EXPECT_NE(leading.message.find("at offset 0"), std::string::npos) << leading.message;
  EXPECT_NE(leading.message.find("starts with whitespace"), std::string::npos);
  const auto trailing = edjwt::check_no_surrounding_whitespace("a.b.c\n");
  EXPECT_NE(trailing.message.find("at offset 5"), std::string::npos) << trailing.message;
  for (const char c : {'\t', '\r', '\f'}) EXPECT_FALSE(edjwt::check_no_surrounding_whitespace(std::string("a.b.c") + c).ok());
}
