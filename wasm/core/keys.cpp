// Key import and usage checks. See keys.hpp.
#include "keys.hpp"

#include <cstring>
#include <vector>

#include "algorithms.hpp"
#include "base64url.hpp"
#include "ed25519.hpp"

namespace edjwt::keys {
namespace {

// DER of SubjectPublicKeyInfo { AlgorithmIdentifier { id-Ed25519 }, BIT STRING (32 bytes) }
// (RFC 8410 §4): the only encoding of an Ed25519 public key that DER allows,
// since the parameters must be absent. Anything else is refused, not guessed at.
constexpr std::uint8_t kSpkiPrefix[] = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b,
                                        0x65, 0x70, 0x03, 0x21, 0x00};
constexpr std::uint8_t kEd25519Oid[] = {0x06, 0x03, 0x2b, 0x65, 0x70};
constexpr std::string_view kPemBegin = "-----BEGIN PUBLIC KEY-----";
constexpr std::string_view kPemEnd = "-----END PUBLIC KEY-----";

Outcome invalid(std::string message) { return Outcome::failure(Status::key_invalid, std::move(message)); }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

std::string_view trim(std::string_view text) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

bool contains(const std::vector<std::uint8_t>& haystack, const std::uint8_t* needle, std::size_t size) {
  if (haystack.size() < size) return false;
  for (std::size_t i = 0; i + size <= haystack.size(); ++i) {
    if (std::memcmp(haystack.data() + i, needle, size) == 0) return true;
  }
  return false;
}

}  // namespace

Outcome import_raw(const std::uint8_t* bytes, std::size_t size, PublicKey& out) {
  switch (ed25519::check_public_key(bytes, size)) {
    case ed25519::KeyProblem::none: break;
    case ed25519::KeyProblem::wrong_length:
      return invalid("an Ed25519 public key is 32 bytes, this one is " + std::to_string(size));
    case ed25519::KeyProblem::non_canonical:
      return invalid("the public key is not canonically encoded (y is not below 2^255-19)");
    case ed25519::KeyProblem::invalid_point:
      return invalid("the public key is not a valid point of prime order (small-order keys are refused)");
  }
  std::memcpy(out.data(), bytes, out.size());
  return Outcome::success();
}

Outcome import_jwk_x(std::string_view x, PublicKey& out) {
  std::vector<std::uint8_t> bytes;
  if (const auto decoded = base64url::decode(x, bytes); !decoded.ok()) {
    return invalid("\"x\": " + base64url::describe(decoded));
  }
  return import_raw(bytes.data(), bytes.size(), out);
}

Outcome import_spki_pem(std::string_view pem, PublicKey& out) {
  pem = trim(pem);
  if (pem.substr(0, kPemBegin.size()) != kPemBegin || pem.size() < kPemBegin.size() + kPemEnd.size() ||
      pem.substr(pem.size() - kPemEnd.size()) != kPemEnd) {
    return invalid("not a PEM \"PUBLIC KEY\" block");
  }
  const std::string_view body = pem.substr(kPemBegin.size(), pem.size() - kPemBegin.size() - kPemEnd.size());
  std::vector<std::uint8_t> der;
  if (const auto decoded = base64url::decode_pem_body(body, der); !decoded.ok()) {
    return invalid("PEM body: " + base64url::describe(decoded));
  }
  if (der.size() != sizeof(kSpkiPrefix) + 32 || std::memcmp(der.data(), kSpkiPrefix, sizeof(kSpkiPrefix)) != 0) {
    return invalid(contains(der, kEd25519Oid, sizeof(kEd25519Oid))
                       ? "not the DER encoding of an Ed25519 SubjectPublicKeyInfo (RFC 8410)"
                       : "not an Ed25519 key (OID 1.3.101.112)");
  }
  return import_raw(der.data() + sizeof(kSpkiPrefix), 32, out);
}

namespace {

// The JWK "kty" of a key type (RFC 7518 §6.1, RFC 8037 §2).
std::string_view kty_of(KeyType type) {
  switch (type) {
    case KeyType::ed25519: return "OKP";
    case KeyType::rsa: return "RSA";
    case KeyType::ec_p256:
    case KeyType::ec_p384:
    case KeyType::ec_p521: return "EC";
    case KeyType::oct: return "oct";
    case KeyType::none: break;
  }
  return "AKP";
}

}  // namespace

Outcome check_usage(const Usage& usage, const KeyKind& kind, std::string_view alg) {
  const Algorithm* entry = find_algorithm(alg);
  if (entry == nullptr) {
    return Outcome::failure(Status::alg_not_supported, "alg " + std::string(alg) + " is not supported");
  }
  const std::string name(alg);
  const std::string kty(kty_of(kind.type));
  if (usage.form == KeyForm::jwk) {
    // jose's order for a JWK: secret or not, then use/alg/key_ops, then its kty.
    const bool secret_alg = entry->scheme == Scheme::hmac;
    if (secret_alg != (kind.type == KeyType::oct)) {
      return Outcome::failure(Status::key_unusable, secret_alg ? "a JWK for " + name + " must have \"kty\" \"oct\""
                                                               : "an oct JWK cannot verify " + name);
    }
    if (!usage.use.empty() && usage.use != "sig") {
      return Outcome::failure(Status::key_unusable, "the JWK's \"use\" must be \"sig\" when present");
    }
    if (!usage.alg.empty() && usage.alg != alg) {
      return Outcome::failure(Status::key_unusable, "the JWK's \"alg\" must be \"" + name + "\" when present");
    }
    if (usage.key_ops == KeyOps::excludes_verify) {
      return Outcome::failure(Status::key_unusable, "the JWK's \"key_ops\" must include \"verify\" when present");
    }
    if (kty != kty_of(entry->key_type)) {
      return Outcome::failure(Status::key_type_not_supported, "an " + kty + " JWK cannot verify " + name);
    }
  }
  // The key decides the family, and for EC the curve (RFC 7518 §3.4).
  if (kind.type != entry->key_type) {
    return Outcome::failure(Status::key_unusable, "this " + kty + " key cannot verify " + name);
  }
  if (entry->scheme == Scheme::rsa_pkcs1 || entry->scheme == Scheme::rsa_pss) {
    if (kind.bits < kMinRsaBits) {
      return Outcome::failure(Status::key_unusable, name + " requires key modulusLength to be 2048 bits or larger");
    }
  }
  // RFC 7518 §3.2: "A key of the same size as the hash output or larger MUST be used" (stricter than jose).
  if (entry->scheme == Scheme::hmac && kind.bits < static_cast<unsigned>(entry->hash_bits)) {
    return Outcome::failure(Status::key_unusable, name + " requires a secret of at least " +
                                                      std::to_string(entry->hash_bits / 8) + " bytes");
  }
  return Outcome::success();
}

}  // namespace edjwt::keys
