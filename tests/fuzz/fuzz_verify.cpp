// libFuzzer target: full verification, verify_compact, with one fixed real key
// (RFC 8037 A.2). The first kOptionBytes bytes choose the options, limits, key
// usage, stage, whether verified signatures are cached (the cache path lets
// the fuzzer reach payload and claims checks) and the platform's verdict; the
// rest is the token. Security properties checked on every
// input: nothing counts as signature-verified unless it was a cache hit or
// libsodium verifies it independently; only EdDSA/Ed25519 headers get there;
// no payload is returned without a verified signature. Some inputs stand for
// a key the platform checks (RSA, EC, HMAC): then nothing verifies but a
// cache hit on a token whose pending signature the platform's verdict
// settled, nothing settles without that verdict, and only an alg of the key's
// own type gets as far as a pending signature, of the one size the scheme
// produces.
#include <sodium.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <set>

#include <nlohmann/json.hpp>

#include "core/algorithms.hpp"
#include "core/base64url.hpp"
#include "core/json_object.hpp"
#include "core/verify.hpp"
#include "fuzz_check.hpp"

namespace {

constexpr std::size_t kOptionBytes = 12;
constexpr const char* kAlgs[] = {"EdDSA", "Ed25519", "HS256", "ES256", "none", "RS256", "Ed448", "eddsa"};
constexpr std::string_view kKeyX = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
// The key types by b[3] >> 5: mostly the real Ed25519 key, else a platform key.
constexpr edjwt::keys::KeyKind kKinds[] = {
    {edjwt::KeyType::ed25519, 0}, {edjwt::KeyType::ed25519, 0}, {edjwt::KeyType::ed25519, 0},
    {edjwt::KeyType::rsa, 2048},  {edjwt::KeyType::rsa, 1024},  {edjwt::KeyType::ec_p256, 0},
    {edjwt::KeyType::ec_p521, 0}, {edjwt::KeyType::oct, 256}};

// Option bytes: 0 and 1 flags, 2 the allowed-algorithms mask, 3 key_ops, the
// JWK's alg and (bits 5-7) the key type, 4 JSON depth and (bit 7) the
// platform's verdict on a pending signature, 5 token length limit, 6-9 now,
// 10 clock tolerance, 11 maxTokenAge in minutes.
struct Input {
  edjwt::VerifyOptions options;
  edjwt::Limits limits;
  edjwt::VerifyKey key;
  edjwt::Stage stage = edjwt::Stage::full;
  bool platform_verdict = false;
};

bool bit(std::uint8_t byte, int n) { return (byte >> n & 1) != 0; }

Input read_input(const std::uint8_t* b, const edjwt::keys::PublicKey& public_key) {
  Input in;
  auto& options = in.options;
  options.check_algorithms = bit(b[0], 0);
  options.jwt = bit(b[0], 1);
  in.key.cache_capacity = bit(b[0], 2) ? 4 : 0;
  in.stage = bit(b[0], 3) ? edjwt::Stage::header : edjwt::Stage::full;
  in.key.usage.form = bit(b[0], 4) ? edjwt::keys::KeyForm::jwk : edjwt::keys::KeyForm::key_object;
  auto& claims = options.claims;
  claims.check_typ = bit(b[0], 5);
  claims.typ = "JWT";
  claims.check_max_token_age = bit(b[0], 6);
  if (bit(b[0], 7)) options.crit.push_back("http://example.com/ext");

  claims.check_issuer = bit(b[1], 0);
  claims.issuers = {"https://issuer.example", "https://other.example"};
  claims.check_subject = bit(b[1], 1);
  claims.subject = "user-1";
  claims.check_audience = bit(b[1], 2);
  claims.audiences = {"api", "https://api.example.com"};
  if (bit(b[1], 3)) claims.required.push_back("exp");
  if (bit(b[1], 4)) claims.required.push_back("sub");
  if (bit(b[1], 5)) in.key.usage.use = bit(b[1], 7) ? "enc" : "sig";
  if (bit(b[1], 6)) in.key.usage.alg = kAlgs[b[3] >> 2 & 7];

  for (int i = 0; i < 8; ++i) {
    if (bit(b[2], i)) options.algorithms.push_back(kAlgs[i]);
  }
  in.key.usage.key_ops = static_cast<edjwt::keys::KeyOps>(b[3] % 3);
  in.limits.max_json_depth = 1 + b[4] % 40;
  if (b[5] != 0) in.limits.max_token_length = 16u * b[5];
  claims.now = static_cast<double>(b[6] | b[7] << 8 | b[8] << 16 | static_cast<std::uint32_t>(b[9]) << 24);
  claims.clock_tolerance = b[10];
  claims.max_token_age = 60.0 * b[11];
  in.key.kind = kKinds[b[3] >> 5];
  if (in.key.kind.type == edjwt::KeyType::ed25519) {
    in.key.public_key = &public_key;
  } else {
    in.key.cache_key = "a platform key";
    in.platform_verdict = bit(b[4], 7);
  }
  return in;
}

// An independent check of the signature: split on the last '.', decode, libsodium.
bool signature_verifies(std::string_view token, const edjwt::keys::PublicKey& key) {
  const std::size_t dot = token.rfind('.');
  if (dot == std::string_view::npos) return false;
  std::vector<std::uint8_t> signature;
  if (!edjwt::base64url::decode(token.substr(dot + 1), signature).ok() || signature.size() != crypto_sign_BYTES) {
    return false;
  }
  const std::string_view input = token.substr(0, dot);
  return crypto_sign_verify_detached(signature.data(), reinterpret_cast<const unsigned char*>(input.data()),
                                     input.size(), key.data()) == 0;
}

bool alg_is_eddsa(const std::string& header_json) {
  const auto header = nlohmann::json::parse(header_json, nullptr, false);
  if (header.is_discarded() || !header.is_object() || !header.contains("alg")) return false;
  const auto& alg = header["alg"];
  return alg == "EdDSA" || alg == "Ed25519";
}

// What the header's alg says, for a result whose header was accepted.
const edjwt::Algorithm* header_algorithm(const std::string& header_json) {
  const auto header = nlohmann::json::parse(header_json, nullptr, false);
  if (header.is_discarded() || !header.is_object() || !header.contains("alg") || !header["alg"].is_string()) {
    return nullptr;
  }
  return edjwt::find_algorithm(header["alg"].get<std::string>());
}

// The tokens whose pending signature a true verdict settled: the only ones a
// platform key's cache may hold. Bounded: past kMaxSettled, verdicts are false.
std::set<std::string, std::less<>> settled_tokens;
constexpr std::size_t kMaxSettled = 1 << 16;

// A platform key's result: verified only on a cache hit that a true verdict
// filled, pending only for an alg of the key's own type (RSA of at least 2048
// bits) with a signature of the scheme's one size, and settled as the verdict says.
void check_platform_key(const Input& in, std::string_view token, const edjwt::VerifyResult& result) {
  using edjwt::SignatureState;
  if (result.signature_state == SignatureState::verified) {
    FUZZ_REQUIRE(in.key.cache_capacity != 0 && settled_tokens.count(token) == 1);
  }
  if (result.signature_state == SignatureState::unchecked) FUZZ_REQUIRE(result.payload.empty());
  if (result.signature_state != SignatureState::pending) {
    FUZZ_REQUIRE(result.signature.empty());
    return;
  }
  const edjwt::Algorithm* algorithm = header_algorithm(result.header_json);
  FUZZ_REQUIRE(in.stage == edjwt::Stage::full && algorithm != nullptr && algorithm->key_type == in.key.kind.type);
  FUZZ_REQUIRE(in.key.kind.type != edjwt::KeyType::rsa || in.key.kind.bits >= edjwt::kMinRsaBits);
  FUZZ_REQUIRE(result.signature.size() == edjwt::signature_size(*algorithm, in.key.kind.bits));
  const bool verdict = in.platform_verdict && settled_tokens.size() < kMaxSettled;
  const edjwt::Outcome settled = edjwt::settle_signature(token, in.key.cache_key, in.key.cache_capacity, verdict);
  FUZZ_REQUIRE(settled.ok() == verdict);
  FUZZ_REQUIRE(settled.ok() || settled.status == edjwt::Status::signature_invalid);
  if (verdict) settled_tokens.emplace(token);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const edjwt::keys::PublicKey key = [] {
    edjwt::keys::PublicKey out{};
    FUZZ_REQUIRE(edjwt::keys::import_jwk_x(kKeyX, out).ok());
    return out;
  }();
  if (size < kOptionBytes) return 0;
  const Input in = read_input(data, key);
  const std::string_view token(reinterpret_cast<const char*>(data + kOptionBytes), size - kOptionBytes);

  const auto result = edjwt::verify_compact(token, in.key, in.options, in.limits, in.stage);

  if (!result.outcome.ok()) FUZZ_REQUIRE(!result.outcome.message.empty());
  if (in.key.kind.type != edjwt::KeyType::ed25519) {
    check_platform_key(in, token, result);
    return 0;
  }
  FUZZ_REQUIRE(result.signature_state != edjwt::SignatureState::pending && result.signature.empty());
  if (result.signature_state == edjwt::SignatureState::verified) {
    FUZZ_REQUIRE(in.stage == edjwt::Stage::full);
    FUZZ_REQUIRE(signature_verifies(token, key));  // a cache hit too: only verified signatures are cached
    FUZZ_REQUIRE(alg_is_eddsa(result.header_json));
  } else {
    FUZZ_REQUIRE(result.payload.empty());
  }
  if (result.outcome.ok()) {
    FUZZ_REQUIRE(!result.header_json.empty());
    FUZZ_REQUIRE(in.stage == edjwt::Stage::header || result.signature_state == edjwt::SignatureState::verified);
    if (in.stage == edjwt::Stage::full && in.options.jwt) {
      FUZZ_REQUIRE(edjwt::json::check_object(result.payload, in.limits.max_json_depth).ok());
    }
  }
  return 0;
}
