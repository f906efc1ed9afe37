// Key import (JWK "x", SPKI PEM) is strict, and a JWK's use/alg/key_ops decide
// whether it may verify a given alg, with jose's error for each key form.
#include "core/keys.hpp"

#include <gtest/gtest.h>

#include "support/signing.hpp"

using edjwt::Status;
using edjwt::keys::KeyForm;
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

TEST(KeyUsage, AKeyObjectVerifiesEdDSAAndEd25519Only) {
  const Usage object{KeyForm::key_object, "", "", KeyOps::absent};
  EXPECT_TRUE(edjwt::keys::check_usage(object, "EdDSA").ok());
  EXPECT_TRUE(edjwt::keys::check_usage(object, "Ed25519").ok());
  EXPECT_EQ(edjwt::keys::check_usage(object, "HS256").status, Status::key_unusable);
  EXPECT_EQ(edjwt::keys::check_usage(object, "ES256").status, Status::key_unusable);
  EXPECT_EQ(edjwt::keys::check_usage(object, "none").status, Status::alg_not_supported);
  EXPECT_EQ(edjwt::keys::check_usage(object, "Ed448").status, Status::alg_not_supported);
  EXPECT_EQ(edjwt::keys::check_usage(object, "eddsa").status, Status::alg_not_supported);
}

TEST(KeyUsage, AJwkHonoursUseAlgAndKeyOps) {
  EXPECT_TRUE(edjwt::keys::check_usage({KeyForm::jwk, "EdDSA", "sig", KeyOps::includes_verify}, "EdDSA").ok());
  EXPECT_EQ(edjwt::keys::check_usage({KeyForm::jwk, "", "enc", KeyOps::absent}, "EdDSA").status, Status::key_unusable);
  EXPECT_EQ(edjwt::keys::check_usage({KeyForm::jwk, "EdDSA", "", KeyOps::absent}, "Ed25519").status,
            Status::key_unusable);
  EXPECT_EQ(edjwt::keys::check_usage({KeyForm::jwk, "", "", KeyOps::excludes_verify}, "EdDSA").status,
            Status::key_unusable);
}

TEST(KeyUsage, AJwkWithoutAlgReportsOtherKeyTypesAsNotSupported) {
  EXPECT_EQ(edjwt::keys::check_usage({KeyForm::jwk, "", "", KeyOps::absent}, "ES256").status,
            Status::key_type_not_supported);
  EXPECT_EQ(edjwt::keys::check_usage({KeyForm::jwk, "", "", KeyOps::absent}, "HS256").status, Status::key_unusable);
}
