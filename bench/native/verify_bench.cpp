// Google Benchmark of the native core, the ceiling for the wasm build: full
// JWT verification (verify_compact with issuer and audience checks, as
// bench/run.mjs verifies), the raw Ed25519 verify, and unverified decoding.
// bench/run.mjs passes its own token and key through EDJWT_BENCH_TOKEN and
// EDJWT_BENCH_X so both sides measure the same bytes; run alone, the bench
// signs a token of the same shape with a fresh libsodium key.
#include <benchmark/benchmark.h>
#include <sodium.h>

#include <array>
#include <cstdlib>
#include <ctime>
#include <string>
#include <vector>

#include "core/base64url.hpp"
#include "core/decode.hpp"
#include "core/ed25519.hpp"
#include "core/keys.hpp"
#include "core/verify.hpp"

namespace {

constexpr const char* kIssuer = "https://auth.example.com/";
constexpr const char* kAudience = "https://api.example.com";

struct Fixture {
  std::string token;
  edjwt::keys::PublicKey key{};
  std::string signing_input;
  std::vector<std::uint8_t> signature;
};

std::string b64(const std::string& text) {
  return edjwt::base64url::encode(reinterpret_cast<const std::uint8_t*>(text.data()), text.size());
}

// A ~800-byte access token like bench/run.mjs's, signed with a fresh key.
std::string sign_token(edjwt::keys::PublicKey& public_key) {
  std::array<unsigned char, crypto_sign_SECRETKEYBYTES> secret{};
  crypto_sign_keypair(public_key.data(), secret.data());
  const std::string now = std::to_string(std::time(nullptr));
  const std::string later = std::to_string(std::time(nullptr) + 3600);
  const std::string claims =
      std::string("{\"iss\":\"") + kIssuer + "\",\"sub\":\"user-8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f\",\"aud\":[\"" +
      kAudience + "\",\"https://app.example.com\"],\"iat\":" + now + ",\"nbf\":" + now + ",\"exp\":" + later +
      ",\"jti\":\"6f1b1c2e-3d4a-5b6c-7d8e-9f0a1b2c3d4e\",\"scope\":\"openid profile email read:messages "
      "write:messages\",\"azp\":\"spa-client-1234567890\",\"sid\":\"session-0f1e2d3c4b5a69788796a5b4c3d2e1f0\","
      "\"email\":\"someone@example.com\",\"email_verified\":true,\"roles\":[\"reader\",\"writer\"],"
      "\"org\":{\"id\":\"org-42\",\"name\":\"Example Org\"}}";
  const std::string input = b64("{\"alg\":\"EdDSA\",\"typ\":\"JWT\",\"kid\":\"bench\"}") + "." + b64(claims);
  std::array<unsigned char, crypto_sign_BYTES> signature{};
  crypto_sign_detached(signature.data(), nullptr, reinterpret_cast<const unsigned char*>(input.data()), input.size(),
                       secret.data());
  return input + "." + edjwt::base64url::encode(signature.data(), signature.size());
}

const Fixture& fixture() {
  static const Fixture value = [] {
    Fixture f;
    const char* token = std::getenv("EDJWT_BENCH_TOKEN");
    const char* x = std::getenv("EDJWT_BENCH_X");
    if (token != nullptr && x != nullptr) {
      f.token = token;
      if (!edjwt::keys::import_jwk_x(x, f.key).ok()) std::abort();
    } else {
      f.token = sign_token(f.key);
    }
    const std::size_t dot = f.token.rfind('.');
    f.signing_input = f.token.substr(0, dot);
    if (!edjwt::base64url::decode(std::string_view(f.token).substr(dot + 1), f.signature).ok()) std::abort();
    return f;
  }();
  return value;
}

void BM_verify_compact(benchmark::State& state) {
  const Fixture& f = fixture();
  edjwt::VerifyKey key;
  key.kind = {edjwt::KeyType::ed25519, 0};
  key.public_key = &f.key;
  edjwt::VerifyOptions options;
  options.claims.check_issuer = true;
  options.claims.issuers = {kIssuer};
  options.claims.check_audience = true;
  options.claims.audiences = {kAudience};
  options.claims.now = static_cast<double>(std::time(nullptr));
  const edjwt::Limits limits;
  for (auto _ : state) {
    auto result = edjwt::verify_compact(f.token, key, options, limits);
    if (!result.outcome.ok()) {
      state.SkipWithError(result.outcome.message.c_str());
      break;
    }
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
  state.SetLabel(std::to_string(f.token.size()) + "-byte token");
}

void BM_ed25519_verify(benchmark::State& state) {
  const Fixture& f = fixture();
  const auto* message = reinterpret_cast<const std::uint8_t*>(f.signing_input.data());
  for (auto _ : state) {
    const bool ok = edjwt::ed25519::verify(f.key.data(), f.key.size(), message, f.signing_input.size(),
                                           f.signature.data(), f.signature.size());
    if (!ok) {
      state.SkipWithError("signature did not verify");
      break;
    }
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_decode_jwt_claims(benchmark::State& state) {
  const Fixture& f = fixture();
  const edjwt::Limits limits;
  for (auto _ : state) {
    auto result = edjwt::decode_jwt_claims(f.token, limits);
    if (!result.outcome.ok()) {
      state.SkipWithError(result.outcome.message.c_str());
      break;
    }
    benchmark::DoNotOptimize(result);
  }
  state.SetItemsProcessed(state.iterations());
}

}  // namespace

BENCHMARK(BM_verify_compact);
BENCHMARK(BM_ed25519_verify);
BENCHMARK(BM_decode_jwt_claims);

int main(int argc, char** argv) {
  if (sodium_init() < 0) return 1;
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
