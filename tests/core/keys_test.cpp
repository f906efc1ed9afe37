// Key import (JWK "x", SPKI PEM) is strict, and a JWK's use/alg/key_ops decide
// whether it may verify a given alg, with jose's error for each key form; the
// key's type decides the algorithm family.
#include "core/keys.hpp"

#include <gtest/gtest.h>

#include "support/signing.hpp"

using edjwt::Status;
using edjwt::KeyType;
using edjwt::keys::KeyForm;
using edjwt::keys::KeyKind;
using edjwt::keys::KeyOps;
using edjwt::keys::PublicKey;
using edjwt::keys::Usage;

namespace {
// RFC 8037 A.1 public key.
constexpr const char* kX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
constexpr const char* kPem =
    "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----\n";
}  // namespace

TEST(KeysJwk, ImportsACanonicalX) {
  PublicKey key;
  ASSERT_TRUE(edjwt::keys::import_jwk_x(kX, key).ok());
  EXPECT_EQ(edjwt::base64url::encode(key.data(), key.size()), kX);
}

TEST(KeysJwk, RefusesXThatIsNotStrictBase64urlOr32Bytes) {
  PublicKey key;
  EXPECT_EQ(edjwt::keys::import_jwk_x(std::string(kX) + "=", key).status, Status::key_invalid);
  EXPECT_EQ(edjwt::keys::import_jwk_x("11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURp", key).status, Status::key_invalid);
  EXPECT_EQ(edjwt::keys::import_jwk_x("AAAA", key).status, Status::key_invalid);
}

TEST(KeysJwk, RefusesTheIdentityKey) {
  PublicKey key;
  const auto outcome = edjwt::keys::import_jwk_x("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", key);
  EXPECT_EQ(outcome.status, Status::key_invalid);
  EXPECT_NE(outcome.message.find("small-order"), std::string::npos);
}

TEST(KeysSpki, ImportsAnEd25519PublicKeyPem) {
  PublicKey key;
  ASSERT_TRUE(edjwt::keys::import_spki_pem(kPem, key).ok());
  EXPECT_EQ(edjwt::base64url::encode(key.data(), key.size()), kX);
}

TEST(KeysSpki, RefusesOtherArmourEncodingsAndAlgorithms) {
  PublicKey key;
  EXPECT_EQ(edjwt::keys::import_spki_pem("MCowBQYDK2VwAyEA", key).status, Status::key_invalid);
  const std::string x448_oid =  // same shape, OID 1.3.101.113 (Ed448)
      "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VxAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo=\n-----END PUBLIC KEY-----";
  EXPECT_EQ(edjwt::keys::import_spki_pem(x448_oid, key).status, Status::key_invalid);
  const std::string no_padding =
      "-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VwAyEA11qYAYKxCrfVS/7TyWQHOg7hcvPapiMlrwIaaPcHURo\n-----END PUBLIC KEY-----";
  EXPECT_EQ(edjwt::keys::import_spki_pem(no_padding, key).status, Status::key_invalid);
}

namespace {
const KeyKind kEd25519{KeyType::ed25519, 0};
const KeyKind kRsa2048{KeyType::rsa, 2048};
const KeyKind kP256{KeyType::ec_p256, 0};
const KeyKind kSecret256{KeyType::oct, 256};
const Usage kObject{KeyForm::key_object, "", "", KeyOps::absent};
const Usage kJwk{KeyForm::jwk, "", "", KeyOps::absent};

Status usage_status(const Usage& usage, const KeyKind& kind, std::string_view alg) {
  return edjwt::keys::check_usage(usage, kind, alg).status;
}
}  // namespace

TEST(KeyUsage, AnEd25519KeyObjectVerifiesEdDSAAndEd25519Only) {
  EXPECT_EQ(usage_status(kObject, kEd25519, "EdDSA"), Status::ok);
  EXPECT_EQ(usage_status(kObject, kEd25519, "Ed25519"), Status::ok);
  EXPECT_EQ(usage_status(kObject, kEd25519, "HS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kEd25519, "ES256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kEd25519, "none"), Status::alg_not_supported);
  EXPECT_EQ(usage_status(kObject, kEd25519, "Ed448"), Status::alg_not_supported);
  EXPECT_EQ(usage_status(kObject, kEd25519, "eddsa"), Status::alg_not_supported);
}

TEST(KeyUsage, TheKeyDecidesTheFamilyAndTheCurve) {
  for (const char* alg : {"RS256", "RS384", "RS512", "PS256", "PS384", "PS512"}) {
    EXPECT_EQ(usage_status(kObject, kRsa2048, alg), Status::ok) << alg;
  }
  EXPECT_EQ(usage_status(kObject, kRsa2048, "HS256"), Status::key_unusable);  // the classic confusion
  EXPECT_EQ(usage_status(kObject, kRsa2048, "ES256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kP256, "ES256"), Status::ok);
  EXPECT_EQ(usage_status(kObject, kP256, "ES384"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kP256, "RS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, {KeyType::ec_p521, 0}, "ES512"), Status::ok);
  EXPECT_EQ(usage_status(kObject, kSecret256, "HS256"), Status::ok);
  EXPECT_EQ(usage_status(kObject, kSecret256, "RS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kSecret256, "EdDSA"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kRsa2048, "ML-DSA-44"), Status::key_unusable);
}

TEST(KeyUsage, RsaKeysUnder2048BitsAndHmacSecretsShorterThanTheHashAreRefused) {
  EXPECT_EQ(usage_status(kObject, {KeyType::rsa, 2047}, "RS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, {KeyType::rsa, 1024}, "PS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, {KeyType::oct, 248}, "HS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, kSecret256, "HS384"), Status::key_unusable);
  EXPECT_EQ(usage_status(kObject, {KeyType::oct, 512}, "HS512"), Status::ok);
}

TEST(KeyUsage, AJwkHonoursUseAlgAndKeyOps) {
  EXPECT_EQ(usage_status({KeyForm::jwk, "EdDSA", "sig", KeyOps::includes_verify}, kEd25519, "EdDSA"), Status::ok);
  EXPECT_EQ(usage_status({KeyForm::jwk, "", "enc", KeyOps::absent}, kEd25519, "EdDSA"), Status::key_unusable);
  EXPECT_EQ(usage_status({KeyForm::jwk, "EdDSA", "", KeyOps::absent}, kEd25519, "Ed25519"), Status::key_unusable);
  EXPECT_EQ(usage_status({KeyForm::jwk, "", "", KeyOps::excludes_verify}, kEd25519, "EdDSA"), Status::key_unusable);
  EXPECT_EQ(usage_status({KeyForm::jwk, "RS256", "sig", KeyOps::absent}, kRsa2048, "PS256"), Status::key_unusable);
}

TEST(KeyUsage, AJwkOfAnotherKtyIsNotSupportedAndASecretAlgNeedsAnOctJwk) {
  EXPECT_EQ(usage_status(kJwk, kEd25519, "ES256"), Status::key_type_not_supported);
  EXPECT_EQ(usage_status(kJwk, kRsa2048, "ES256"), Status::key_type_not_supported);
  EXPECT_EQ(usage_status(kJwk, kEd25519, "HS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kJwk, kRsa2048, "HS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kJwk, kSecret256, "RS256"), Status::key_unusable);
  EXPECT_EQ(usage_status(kJwk, kP256, "ES384"), Status::key_unusable);  // same kty, another curve
}
