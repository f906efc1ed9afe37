// JSON object policy: what JSON.parse would read the same way is accepted; what it
// would change (BOM, invalid UTF-8, lone surrogates, overflow) or what is too deep is not.
#include "core/json_object.hpp"

#include <gtest/gtest.h>

#include <map>

using edjwt::json::check_object;
using edjwt::json::MemberValue;
using edjwt::json::Problem;

namespace {
Problem problem_of(std::string_view text, int depth = 32) { return check_object(text, depth).problem; }

class Recorder : public edjwt::json::MemberSink {
 public:
  bool wants(std::string_view name) override { return name != "ignored"; }
  void member(std::string_view name, MemberValue&& value) override { members[std::string(name)] = value; }
  std::map<std::string, MemberValue> members;
};
}  // namespace

TEST(JsonObject, AcceptsObjectsWithAnyValues) {
  EXPECT_EQ(problem_of(R"({})"), Problem::none);
  EXPECT_EQ(problem_of(R"( {"a":[1,{"b":null}],"c":"\u00e9\ud83d\ude00","d":-0.5e-3} )"), Problem::none);
}

TEST(JsonObject, RejectsNonObjects) {
  for (const char* text : {"[]", "1", "\"s\"", "null", "true"}) EXPECT_EQ(problem_of(text), Problem::not_object) << text;
}

TEST(JsonObject, RejectsSyntaxErrors) {
  for (const char* text : {"", "{", "{\"a\":}", "{\"a\":1,}", "{} {}", "{'a':1}", "{\"a\":01}", "{\"a\":\"\x01\"}"}) {
    EXPECT_EQ(problem_of(text), Problem::syntax) << text;
  }
}

TEST(JsonObject, RejectsARawNulAnywhereEvenAfterTheObject) {
  EXPECT_EQ(problem_of(std::string_view("{}\0", 3)), Problem::syntax);
  EXPECT_EQ(problem_of(std::string_view("{}\0[", 4)), Problem::syntax);
  EXPECT_EQ(problem_of(std::string_view("{\"a\":\"\0\"}", 9)), Problem::syntax);
}

TEST(JsonObject, RejectsAByteOrderMark) { EXPECT_EQ(problem_of("\xEF\xBB\xBF{}"), Problem::byte_order_mark); }

TEST(JsonObject, RejectsInvalidUtf8) {
  EXPECT_EQ(problem_of("{\"a\":\"\xff\"}"), Problem::invalid_utf8);
  EXPECT_EQ(problem_of("{\"a\":\"\xc0\xaf\"}"), Problem::invalid_utf8);          // overlong '/'
  EXPECT_EQ(problem_of("{\"a\":\"\xed\xa0\x80\"}"), Problem::invalid_utf8);      // encoded surrogate
  EXPECT_EQ(problem_of("{\"a\":\"\xf4\x90\x80\x80\"}"), Problem::invalid_utf8);  // above U+10FFFF
  EXPECT_EQ(problem_of("{\"a\":\"\xe2\x82"), Problem::invalid_utf8);             // truncated
}

TEST(JsonObject, RejectsLoneSurrogateEscapes) {
  EXPECT_EQ(problem_of(R"({"a":"\ud800"})"), Problem::lone_surrogate);
  EXPECT_EQ(problem_of(R"({"a":"\udc00"})"), Problem::lone_surrogate);
  EXPECT_EQ(problem_of(R"({"a":"\ud800\u0041"})"), Problem::lone_surrogate);
  EXPECT_EQ(problem_of(R"({"a":"\\ud800"})"), Problem::none);  // an escaped backslash, then text
}

TEST(JsonObject, RejectsNumbersThatOverflowADouble) {
  EXPECT_EQ(problem_of(R"({"exp":1e400})"), Problem::number_overflow);
  EXPECT_EQ(problem_of(R"({"exp":-1e400})"), Problem::number_overflow);
  EXPECT_EQ(problem_of(R"({"exp":1e308,"big":123456789012345678901234567890})"), Problem::none);
}

TEST(JsonObject, EnforcesTheDepthLimit) {
  EXPECT_EQ(problem_of(R"({"a":{"b":[1]}})", 3), Problem::none);
  EXPECT_EQ(problem_of(R"({"a":{"b":[1]}})", 2), Problem::too_deep);
  std::string deep = "{\"a\":" + std::string(100000, '[') + std::string(100000, ']') + "}";
  EXPECT_EQ(problem_of(deep), Problem::too_deep);
}

TEST(JsonObject, HandsTopLevelMembersToTheSinkLastOneWinning) {
  Recorder sink;
  ASSERT_TRUE(check_object(R"({"s":"x","n":1.5,"b":true,"z":null,"o":{"s":"inner"},"l":["a","b"],)"
                           R"("m":["a",1],"ignored":"x","s":"y"})", 32, &sink)
                  .ok());
  EXPECT_EQ(sink.members["s"].string, "y");
  EXPECT_EQ(sink.members["n"].number, 1.5);
  EXPECT_EQ(sink.members["b"].kind, MemberValue::Kind::boolean);
  EXPECT_TRUE(sink.members["b"].boolean);
  EXPECT_EQ(sink.members["z"].kind, MemberValue::Kind::null);
  EXPECT_EQ(sink.members["o"].kind, MemberValue::Kind::object);
  EXPECT_EQ(sink.members["l"].kind, MemberValue::Kind::string_array);
  EXPECT_EQ(sink.members["l"].strings, (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ(sink.members["m"].kind, MemberValue::Kind::other_array);
  EXPECT_EQ(sink.members.count("ignored"), 0u);
}
