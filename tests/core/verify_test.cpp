// Verification of compact JWS/JWT follows jose's order of checks, and never
// hands out a payload whose signature has not verified.
#include "core/verify.hpp"
#include "core/verified_signatures.hpp"

#include <gtest/gtest.h>

#include "support/signing.hpp"

using edjwt::Limits;
using edjwt::Status;
using edjwt::VerifyKey;
using edjwt::VerifyOptions;
using edjwt::testing::b64;
using edjwt::testing::Signer;

namespace {
const Signer signer;
const Signer other;

VerifyKey key_of(const Signer& s) {
  VerifyKey key;
  key.kind = {edjwt::KeyType::ed25519, 0};
  key.public_key = &s.public_key;
  return key;
}

VerifyOptions at(double now) {
  VerifyOptions options;
  options.claims.now = now;
  return options;
}

edjwt::VerifyResult run(const std::string& token, const VerifyOptions& options = at(100), const Signer& by = signer) {
  return edjwt::verify_compact(token, key_of(by), options, Limits{});
}
}  // namespace

TEST(Verify, AcceptsAValidToken) {
  const auto result = run(signer.sign(R"({"alg":"EdDSA"})", R"({"sub":"u","exp":200})"));
  ASSERT_TRUE(result.outcome.ok()) << result.outcome.message;
  EXPECT_EQ(result.payload, R"({"sub":"u","exp":200})");
  EXPECT_EQ(result.header_json, R"({"alg":"EdDSA"})");
  EXPECT_EQ(result.signature_state, edjwt::SignatureState::verified);
}

TEST(Verify, AcceptsTheFullySpecifiedEd25519Alg) {
  EXPECT_TRUE(run(signer.sign(R"({"alg":"Ed25519"})", "{}")).outcome.ok());
}

TEST(Verify, RefusesAnotherKeysSignatureWithoutThePayload) {
  const auto result = run(signer.sign(R"({"alg":"EdDSA"})", R"({"secret":1})"), at(100), other);
  EXPECT_EQ(result.outcome.status, Status::signature_invalid);
  EXPECT_TRUE(result.payload.empty());
  EXPECT_EQ(result.signature_state, edjwt::SignatureState::unchecked);
}

TEST(Verify, RefusesATamperedPayload) {
  std::string token = signer.sign(R"({"alg":"EdDSA"})", R"({"admin":false})");
  const std::string forged = b64(R"({"admin":true})");
  const auto first = token.find('.'), second = token.find('.', first + 1);
  token.replace(first + 1, second - first - 1, forged);
  EXPECT_EQ(run(token).outcome.status, Status::signature_invalid);
}

TEST(Verify, RefusesAlgorithmsTheKeyCannotServe) {
  EXPECT_EQ(run(signer.sign(R"({"alg":"HS256"})", "{}")).outcome.status, Status::key_unusable);
  EXPECT_EQ(run(signer.sign(R"({"alg":"none"})", "{}")).outcome.status, Status::alg_not_supported);
  EXPECT_EQ(run(signer.sign(R"({"alg":"Ed448"})", "{}")).outcome.status, Status::alg_not_supported);
  EXPECT_EQ(run(signer.sign(R"({})", "{}")).outcome.status, Status::header_invalid);
  EXPECT_EQ(run(signer.sign(R"({"alg":""})", "{}")).outcome.status, Status::header_invalid);
}

TEST(Verify, HonoursTheAlgorithmsAllowList) {
  VerifyOptions options = at(100);
  options.check_algorithms = true;
  options.algorithms = {"Ed25519"};
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA"})", "{}"), options).outcome.status, Status::alg_not_allowed);
  EXPECT_TRUE(run(signer.sign(R"({"alg":"Ed25519"})", "{}"), options).outcome.ok());
}

TEST(Verify, ChecksCrit) {
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA","crit":["exp"],"exp":1})", "{}")).outcome.status,
            Status::crit_unsupported);
  VerifyOptions options = at(100);
  options.crit = {"exp"};
  EXPECT_TRUE(run(signer.sign(R"({"alg":"EdDSA","crit":["exp"],"exp":1})", "{}"), options).outcome.ok());
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA","crit":["exp"]})", "{}"), options).outcome.status, Status::header_invalid);
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA","crit":[]})", "{}")).outcome.status, Status::header_invalid);
}

TEST(Verify, UnencodedPayloadsVerifyAsJwsButNotAsJwt) {
  const std::string token = signer.sign_segments(b64(R"({"alg":"EdDSA","b64":false,"crit":["b64"]})"), "hello");
  VerifyOptions jws = at(100);
  jws.jwt = false;
  const auto result = run(token, jws);
  ASSERT_TRUE(result.outcome.ok()) << result.outcome.message;
  EXPECT_EQ(result.payload, "hello");
  EXPECT_EQ(run(token).outcome.status, Status::unencoded_payload);
}

TEST(Verify, ChecksSignatureEncodingBeforeTheKeyAndAfterTheAlg) {
  std::string token = signer.sign(R"({"alg":"HS256"})", "{}") + "=";
  EXPECT_EQ(run(token).outcome.status, Status::signature_malformed);
  token = signer.sign(R"({"alg":"nope"})", "{}") + "=";
  EXPECT_EQ(run(token).outcome.status, Status::alg_not_supported);
}

TEST(Verify, ClaimFailuresComeAfterTheSignatureAndCarryThePayload) {
  const auto result = run(signer.sign(R"({"alg":"EdDSA"})", R"({"exp":50})"));
  EXPECT_EQ(result.outcome.status, Status::claim_expired);
  EXPECT_EQ(result.signature_state, edjwt::SignatureState::verified);
  EXPECT_EQ(result.payload, R"({"exp":50})");
  EXPECT_EQ(result.claim, "exp");
}

TEST(Verify, RefusesClaimsThatAreNotAFaithfulObject) {
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA"})", R"([1])")).outcome.status, Status::claims_malformed);
  EXPECT_EQ(run(signer.sign(R"({"alg":"EdDSA"})", R"({"exp":1e400})")).outcome.status, Status::claims_malformed);
}

TEST(Verify, TheSignatureCacheHoldsOnlyVerifiedSignaturesUnderTheirOwnKey) {
  const std::string token = signer.sign(R"({"alg":"EdDSA"})", R"({"exp":50})");
  VerifyKey key = key_of(signer);
  key.cache_capacity = 4;
  for (int call = 0; call < 2; ++call) {  // the second call is a hit, and claims are still checked
    EXPECT_EQ(edjwt::verify_compact(token, key, at(100), Limits{}).outcome.status, Status::claim_expired);
  }
  const std::string_view key_bytes(reinterpret_cast<const char*>(key.public_key->data()), key.public_key->size());
  EXPECT_TRUE(edjwt::verified_signatures().contains(key_bytes, token));

  VerifyKey other_key = key_of(other);
  other_key.cache_capacity = 4;
  EXPECT_EQ(edjwt::verify_compact(token, other_key, at(10), Limits{}).outcome.status, Status::signature_invalid);
  std::string forged = token;
  forged.back() = forged.back() == 'A' ? 'Q' : 'A';
  for (int call = 0; call < 2; ++call) {
    EXPECT_NE(edjwt::verify_compact(forged, key, at(10), Limits{}).outcome.status, Status::ok);
  }
}

TEST(Verify, TheHeaderStageStopsBeforeTheKey) {
  const auto result = edjwt::verify_compact(signer.sign(R"({"alg":"EdDSA","kid":"k1"})", "{}"), VerifyKey{}, at(100),
                                            Limits{}, edjwt::Stage::header);
  EXPECT_TRUE(result.outcome.ok());
  EXPECT_EQ(result.header_json, R"({"alg":"EdDSA","kid":"k1"})");
  EXPECT_TRUE(result.payload.empty());
}

TEST(Verify, AMissingKeyIsAnErrorNotACrash) {
  const auto result = edjwt::verify_compact(signer.sign(R"({"alg":"EdDSA"})", "{}"), VerifyKey{}, at(100), Limits{});
  EXPECT_EQ(result.outcome.status, Status::key_invalid);
}

namespace {
// A token whose signature segment is `size` bytes, for the platform's algorithms
// (the core checks their structure and size; the platform their arithmetic).
std::string platform_token(const std::string& header, std::size_t size, const std::string& claims = R"({"exp":200})") {
  const std::string signature(size, '\x5a');
  return b64(header) + "." + b64(claims) + "." + b64(signature);
}

VerifyKey platform_key(edjwt::KeyType type, unsigned bits) {
  VerifyKey key;
  key.kind = {type, bits};
  return key;
}

// The status of a token with an `alg` header and a `size`-byte signature, for
// a platform key (a pending signature counts as verified).
Status platform_status(const std::string& alg, std::size_t size, edjwt::KeyType type, unsigned bits) {
  return edjwt::verify_compact(platform_token(R"({"alg":")" + alg + R"("})", size), platform_key(type, bits), at(100),
                               Limits{})
      .outcome.status;
}
}  // namespace

TEST(VerifyPlatform, APlatformKeysSignatureIsLeftPendingWithItsBytesAndTheOutcomeIfItVerifies) {
  const auto result = edjwt::verify_compact(platform_token(R"({"alg":"RS256"})", 256),
                                            platform_key(edjwt::KeyType::rsa, 2048), at(100), Limits{});
  ASSERT_TRUE(result.outcome.ok()) << result.outcome.message;
  EXPECT_EQ(result.signature_state, edjwt::SignatureState::pending);
  EXPECT_EQ(result.signature, std::vector<std::uint8_t>(256, 0x5a));
  EXPECT_EQ(result.payload, R"({"exp":200})");
  const auto expired = edjwt::verify_compact(platform_token(R"({"alg":"RS256"})", 256),
                                             platform_key(edjwt::KeyType::rsa, 2048), at(300), Limits{});
  EXPECT_EQ(expired.outcome.status, Status::claim_expired);  // stands only once the platform verifies it
  EXPECT_EQ(expired.signature_state, edjwt::SignatureState::pending);
}

TEST(VerifyPlatform, FailuresBeforeTheSignatureLeaveNothingPending) {
  const auto result = edjwt::verify_compact(platform_token(R"({"alg":"RS256","crit":["x"]})", 256),
                                            platform_key(edjwt::KeyType::rsa, 2048), at(100), Limits{});
  EXPECT_EQ(result.outcome.status, Status::crit_unsupported);
  EXPECT_EQ(result.signature_state, edjwt::SignatureState::unchecked);
  EXPECT_TRUE(result.signature.empty());
  EXPECT_TRUE(result.payload.empty());
}

TEST(VerifyPlatform, OnlyThePlatformsVerdictSettlesAPendingSignature) {
  const std::string token = platform_token(R"({"alg":"ES256"})", 64);
  EXPECT_EQ(edjwt::settle_signature(token, "", 0, false).status, Status::signature_invalid);
  EXPECT_TRUE(edjwt::settle_signature(token, "", 0, true).ok());
}

TEST(VerifyPlatform, ASignatureOfAnotherSizeThanTheKeysIsRefusedBeforeThePlatform) {
  // An ECDSA signature in DER (70-72 bytes for P-256), not JWS's raw r‖s.
  EXPECT_EQ(platform_status("ES256", 71, edjwt::KeyType::ec_p256, 0), Status::signature_invalid);
  EXPECT_EQ(platform_status("RS256", 255, edjwt::KeyType::rsa, 2048), Status::signature_invalid);
  EXPECT_EQ(platform_status("HS256", 16, edjwt::KeyType::oct, 256), Status::signature_invalid);
  EXPECT_EQ(platform_status("HS256", 32, edjwt::KeyType::oct, 256), Status::ok);
}

TEST(VerifyPlatform, TheKeyNotTheHeaderPicksTheFamily) {
  EXPECT_EQ(platform_status("HS256", 32, edjwt::KeyType::rsa, 2048), Status::key_unusable);
  EXPECT_EQ(platform_status("RS256", 256, edjwt::KeyType::ec_p256, 0), Status::key_unusable);
  EXPECT_EQ(platform_status("none", 0, edjwt::KeyType::rsa, 2048), Status::alg_not_supported);
}

TEST(VerifyPlatform, ASettledVerdictIsCachedUnderTheCallersKeyIdentityOnly) {
  const std::string token = platform_token(R"({"alg":"ES256"})", 64);
  VerifyKey key = platform_key(edjwt::KeyType::ec_p256, 0);
  key.cache_key = "EC P-256 identity-1";
  key.cache_capacity = 4;
  EXPECT_EQ(edjwt::verify_compact(token, key, at(100), Limits{}).signature_state, edjwt::SignatureState::pending);
  ASSERT_TRUE(edjwt::settle_signature(token, key.cache_key, key.cache_capacity, true).ok());
  const auto hit = edjwt::verify_compact(token, key, at(100), Limits{});
  EXPECT_EQ(hit.signature_state, edjwt::SignatureState::verified);
  EXPECT_TRUE(hit.outcome.ok());
  EXPECT_TRUE(hit.signature.empty());
  key.cache_key = "EC P-256 identity-2";  // another key: no hit
  EXPECT_EQ(edjwt::verify_compact(token, key, at(100), Limits{}).signature_state, edjwt::SignatureState::pending);
}

TEST(VerifyPlatform, AFalseVerdictIsNotCached) {
  const std::string token = platform_token(R"({"alg":"ES256"})", 64, R"({"n":1})");
  VerifyKey key = platform_key(edjwt::KeyType::ec_p256, 0);
  key.cache_key = "EC P-256 identity-3";
  key.cache_capacity = 4;
  EXPECT_EQ(edjwt::settle_signature(token, key.cache_key, key.cache_capacity, false).status, Status::signature_invalid);
  EXPECT_EQ(edjwt::verify_compact(token, key, at(100), Limits{}).signature_state, edjwt::SignatureState::pending);
}
