// Strict base64url (RFC 7515 §2): one accepted encoding per byte string.
#include "core/base64url.hpp"

#include <gtest/gtest.h>

using edjwt::base64url::decode;
using edjwt::base64url::encode;
using edjwt::base64url::Problem;

namespace {
Problem problem_of(std::string_view text) {
  std::string out;
  return decode(text, out).problem;
}
std::string decoded(std::string_view text) {
  std::string out;
  EXPECT_TRUE(decode(text, out).ok()) << text;
  return out;
}
}  // namespace

TEST(Base64url, DecodesEveryTailLength) {
  EXPECT_EQ(decoded(""), "");
  EXPECT_EQ(decoded("Zg"), "f");
  EXPECT_EQ(decoded("Zm8"), "fo");
  EXPECT_EQ(decoded("Zm9v"), "foo");
  EXPECT_EQ(decoded("Zm9vYg"), "foob");
}

TEST(Base64url, UsesTheUrlSafeAlphabet) { EXPECT_EQ(decoded("-_-_"), "\xfb\xff\xbf"); }

TEST(Base64url, RoundTripsAllByteValues) {
  std::vector<std::uint8_t> bytes;
  for (int i = 0; i < 256; ++i) bytes.push_back(static_cast<std::uint8_t>(i));
  for (std::size_t n = 0; n <= bytes.size(); n += 37) {
    const std::string text = encode(bytes.data(), n);
    std::vector<std::uint8_t> back;
    ASSERT_TRUE(decode(text, back).ok());
    EXPECT_EQ(back, std::vector<std::uint8_t>(bytes.begin(), bytes.begin() + n));
  }
}

TEST(Base64url, RejectsPadding) { EXPECT_EQ(problem_of("Zg=="), Problem::padding); }
TEST(Base64url, RejectsWhitespace) {
  EXPECT_EQ(problem_of("Zm9v Yg"), Problem::whitespace);
  EXPECT_EQ(problem_of("Zm9v\nYg"), Problem::whitespace);
}
TEST(Base64url, RejectsTheStandardAlphabet) {
  EXPECT_EQ(problem_of("+/+/"), Problem::standard_alphabet);
}
TEST(Base64url, RejectsOtherCharacters) {
  EXPECT_EQ(problem_of("Zm9v.g"), Problem::bad_character);
  EXPECT_EQ(problem_of(std::string_view("Zm\0v", 4)), Problem::bad_character);
  EXPECT_EQ(problem_of("Zm\xc3\xa9v"), Problem::bad_character);
}
TEST(Base64url, RejectsADanglingCharacter) { EXPECT_EQ(problem_of("Zm9vY"), Problem::bad_length); }
TEST(Base64url, RejectsNonCanonicalTrailingBits) {
  EXPECT_EQ(problem_of("Zh"), Problem::non_canonical);   // "Zg" with a low bit set
  EXPECT_EQ(problem_of("Zm9"), Problem::non_canonical);  // "Zm8" with a low bit set
}
TEST(Base64url, DescribesTheRuleAndOffset) {
  std::string out;
  const auto result = decode("abc=", out);
  EXPECT_NE(edjwt::base64url::describe(result).find("padding"), std::string::npos);
  EXPECT_EQ(result.offset, 3u);
}

TEST(Base64url, WhitespaceIsTheFiveCharactersItsProblemNames) {
  for (const char c : {' ', '\t', '\r', '\n', '\f'}) EXPECT_TRUE(edjwt::base64url::is_whitespace(c));
  for (const char c : {'\v', 'a', '-', '\0'}) EXPECT_FALSE(edjwt::base64url::is_whitespace(c));
}
