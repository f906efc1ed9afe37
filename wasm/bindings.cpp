// The only file that knows JavaScript exists: Embind bindings of free functions
// and plain value objects over the core. No classes, no handles to .delete(),
// no pointers. The JS wrapper (js/) owns the public API and argument checks.
//
// Tokens go in, and decoded JSON comes out, through buffers in wasm memory
// that JS fills and reads itself (js/transfer.js: TextEncoder.encodeInto and
// TextDecoder over the Uint8Array views returned here), not as Embind
// std::string: Embind 3.1.6 copies strings one character at a time in JS both
// ways, which cost more than decoding the token (README, Performance). A view
// is valid until the next call into the module; JS reads each one at once.
// Other binary data crosses as Uint8Array (std::string on the way in, a copied
// Uint8Array on the way out).
#include <emscripten/bind.h>
#include <emscripten/emscripten.h>
#include <emscripten/val.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <iterator>
#include <string>
#include <vector>

#include "core/clock_skew.hpp"
#include "core/compact.hpp"
#include "core/decode.hpp"
#include "core/ed25519.hpp"
#include "core/expiry.hpp"
#include "core/key_tables.hpp"
#include "core/keys.hpp"
#include "core/limits.hpp"
#include "core/json_number.hpp"
#include "core/schedule.hpp"
#include "core/verify.hpp"

// JSON number text (ASCII, checked by the core's lexer) to the double the JS
// engine's Number() gives: JSON.parse's own conversion (json_number.hpp).
EM_JS(double, js_number, (const char* text, int length), {
  let number = "";
  for (let i = 0; i < length; i++) number += String.fromCharCode(HEAPU8[text + i]);
  return Number(number);
});

double edjwt::json::json_number(const char* text, std::size_t length) {
  return js_number(text, static_cast<int>(length));
}

namespace {

using emscripten::val;

edjwt::Limits limits;  // set from JS by setLimits; read by every call

std::string input;        // a token or claims JSON, written by JS through inputBuffer's view
std::string output_json;  // the last decode's JSON text, read by JS through decodedJson's view
edjwt::VerifyResult last_verified;  // the last verify's result, its parts read through verify_outputs

val view_of(std::string_view text) {
  return val(emscripten::typed_memory_view(text.size(), reinterpret_cast<const std::uint8_t*>(text.data())));
}

// The first `length` bytes JS wrote into the input buffer.
std::string_view written(std::size_t length) { return {input.data(), std::min(length, input.size())}; }

val input_buffer(std::size_t capacity) {
  input.resize(capacity);
  return view_of(input);
}

struct JsLimits {
  unsigned maxTokenLength;
  int maxJsonDepth;
  unsigned maxKeyTables;  // the core's per-key table cache (key_tables.hpp)
};

// One error protocol for every call that can fail (decode, verify, expiry, the
// length check): it returns its status (alone, or as a value object's first
// field) and the text of a failure is fetched with lastFailure(), only when
// there is one: every string field of a value object costs a malloc and a
// UTF-8 decode per call, success or not, which was a twentieth of decoding a
// token. js/transfer.js turns both into one result for the rest of js/.
struct JsFailure {
  std::string message;
  std::string claim, reason;  // for claim failures
};
JsFailure last_failure;

int status_of(edjwt::Outcome&& outcome, std::string claim = {}, std::string reason = {}) {
  last_failure = {std::move(outcome.message), std::move(claim), std::move(reason)};
  return static_cast<int>(outcome.status);
}

JsFailure get_last_failure() { return last_failure; }

// The last key import's key, read with importedKey() after an ok status.
edjwt::keys::PublicKey imported_key{};



val bytes(const std::uint8_t* data, std::size_t size) {
  return val::global("Uint8Array").new_(emscripten::typed_memory_view(size, data));
}

int to_js(edjwt::DecodedJson&& decoded) {
  output_json = std::move(decoded.json);
  return status_of(std::move(decoded.outcome));
}

val decoded_json() { return view_of(output_json); }

JsLimits get_limits() {
  return {static_cast<unsigned>(limits.max_token_length), limits.max_json_depth,
          static_cast<unsigned>(edjwt::ed25519::key_tables().capacity())};
}

void set_limits(const JsLimits& value) {
  limits.max_token_length = value.maxTokenLength;
  limits.max_json_depth = value.maxJsonDepth;
  edjwt::ed25519::key_tables().set_capacity(value.maxKeyTables);
}

// The core's length failure for a token of `bytes` bytes that JS has not
// written into wasm memory (so an oversized token never grows it): ok or
// token_too_long, the text through lastFailure().
int check_token_length(double bytes) {
  return status_of(edjwt::check_token_length(static_cast<std::size_t>(std::min(bytes, 4294967295.0)), limits));
}

int decode_jwt_claims(std::size_t length) { return to_js(edjwt::decode_jwt_claims(written(length), limits)); }

int decode_protected_header(std::size_t length) {
  return to_js(edjwt::decode_protected_header(written(length), limits));
}

int decode_protected_header_segment(std::size_t length) {
  return to_js(edjwt::decode_protected_header_segment(written(length), limits));
}

bool ed25519_verify(const std::string& key, const std::string& message, const std::string& signature) {
  return edjwt::ed25519::verify(reinterpret_cast<const std::uint8_t*>(key.data()), key.size(),
                                reinterpret_cast<const std::uint8_t*>(message.data()), message.size(),
                                reinterpret_cast<const std::uint8_t*>(signature.data()), signature.size());
}

// Key imports return their status alone, as decode and verify do: the key's
// bytes come from importedKey() on success, the failure from lastFailure().
int import_raw_key(const std::string& raw) {
  return status_of(edjwt::keys::import_raw(reinterpret_cast<const std::uint8_t*>(raw.data()), raw.size(), imported_key));
}

int import_jwk_x(const std::string& x) { return status_of(edjwt::keys::import_jwk_x(x, imported_key)); }

int import_spki_pem(const std::string& pem) { return status_of(edjwt::keys::import_spki_pem(pem, imported_key)); }

val imported_key_bytes() { return bytes(imported_key.data(), imported_key.size()); }

// A verify request as js/transfer.js writes it into the input buffer, so that
// no Embind value object is built per call (they cost about a quarter of a
// JWT's processing): eleven fields in this order, each a u32 count
// (kAbsent: the option was not given) followed by that many items, each a u32
// byte length and the bytes: token, key (32 bytes for an Ed25519 key; for the
// platform's keys their identity in the verified-signature cache, or absent),
// the key's JWK "alg", its "use", algorithms, crit, issuer(s), audience(s),
// required claims, subject, typ. Before the fields, the scalars (see verify()):
// an Embind call's arguments cost more, one by one, than the words.
class VerifyRequest {
 public:
  static constexpr std::uint32_t kAbsent = 0xffffffff;
  explicit VerifyRequest(std::string_view bytes) : rest_(bytes) {}

  bool ok() const { return ok_; }
  std::uint32_t u32() { return read_u32(); }
  double f64() {
    double value = 0;
    if (rest_.size() < 8) {
      ok_ = false;
      return value;
    }
    std::memcpy(&value, rest_.data(), 8);  // little-endian, as DataView.setFloat64(…, true) writes it
    rest_.remove_prefix(8);
    return value;
  }
  // A field that holds one item (or none); empty when absent.
  std::string_view single() {
    std::string_view item;
    const std::uint32_t count = read_count();
    if (count == 1) item = read_item();
    else if (count != kAbsent && count != 0) ok_ = false;
    return item;
  }
  // A field that holds a list; `present` is false when it was not given.
  std::vector<std::string> list(bool* present = nullptr) {
    std::vector<std::string> items;
    const std::uint32_t count = read_count();
    if (present != nullptr) *present = count != kAbsent;
    if (count == kAbsent) return items;
    if (count > rest_.size() / 4) {  // each item takes at least its length word
      ok_ = false;
      return items;
    }
    items.reserve(count);
    for (std::uint32_t i = 0; i < count && ok_; ++i) items.emplace_back(read_item());
    return items;
  }

 private:
  std::uint32_t read_u32() {
    if (rest_.size() < 4) {
      ok_ = false;
      return kAbsent;
    }
    std::uint32_t value;
    std::memcpy(&value, rest_.data(), 4);  // little-endian on wasm, as JS's DataView writes it
    rest_.remove_prefix(4);
    return value;
  }
  std::uint32_t read_count() { return ok_ ? read_u32() : kAbsent; }
  std::string_view read_item() {
    const std::uint32_t length = read_u32();
    if (!ok_ || length > rest_.size()) {
      ok_ = false;
      return {};
    }
    const std::string_view item = rest_.substr(0, length);
    rest_.remove_prefix(length);
    return item;
  }

  std::string_view rest_;
  bool ok_ = true;
};

// Where the last verify's outputs are in wasm memory, as words JS reads
// through one view it keeps (js/transfer.js): the signature's state, then
// offset and length of the header JSON, the payload (claims JSON for a JWT,
// bytes for a compact JWS; empty unless the signature verified or is
// pending), and, when it is pending, the signature and what it signs, for
// the platform (the alg is the header's), whose verdict goes to
// settleSignature(). Five Embind calls a verification cost more than reading
// these. Valid until the next call into the module.
struct VerifyOutputs {
  std::uint32_t words[9];
};
VerifyOutputs verify_outputs;

void set_outputs(const edjwt::VerifyResult& result) {
  const auto place = [](std::uint32_t* at, const void* data, std::size_t size) {
    at[0] = static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(data));
    at[1] = static_cast<std::uint32_t>(size);
  };
  std::uint32_t* words = verify_outputs.words;
  words[0] = static_cast<std::uint32_t>(result.signature_state);
  place(words + 1, result.header_json.data(), result.header_json.size());
  place(words + 3, result.payload.data(), result.payload.size());
  place(words + 5, result.signature.data(), result.signature.size());
  place(words + 7, result.signing_input.data(), result.signing_input.size());
}

val verify_outputs_view() {
  return val(emscripten::typed_memory_view(std::size(verify_outputs.words), verify_outputs.words));
}

// Verifies the request JS wrote (see VerifyRequest) and returns the status
// alone (the outputs are in verify_outputs). The request's scalars, before
// its fields: now, clock_tolerance and max_token_age (NaN when not given) as
// f64; then as u32 jwt, stage (Stage), cache_capacity (the key's
// verified-signature cache size, 0: none, under the request's key field: an
// Ed25519 key's bytes, or a platform key's identity), key_form
// (keys::KeyForm), key_ops (keys::KeyOps), key_type (KeyType) and key_bits
// (the RSA modulus or HMAC secret size).
int verify(std::size_t request_length) {
  VerifyRequest request(written(request_length));
  const double now = request.f64();
  const double clock_tolerance = request.f64();
  const double max_token_age = request.f64();
  const bool jwt = request.u32() != 0;
  const auto stage = static_cast<edjwt::Stage>(request.u32());
  const std::uint32_t cache_capacity = request.u32();
  const auto key_form = static_cast<edjwt::keys::KeyForm>(request.u32());
  const auto key_ops = static_cast<edjwt::keys::KeyOps>(request.u32());
  const auto key_type = static_cast<edjwt::KeyType>(request.u32());
  const std::uint32_t key_bits = request.u32();
  const std::string_view token = request.single();
  const std::string_view key_bytes = request.single();
  edjwt::keys::PublicKey public_key{};
  edjwt::VerifyKey key;
  key.kind = {key_type, key_bits};
  if (key.kind.type == edjwt::KeyType::ed25519) {
    // A key of another length is no key: the core refuses it (key_invalid).
    if (key_bytes.size() != public_key.size()) key.kind.type = edjwt::KeyType::none;
    else std::memcpy(public_key.data(), key_bytes.data(), public_key.size());
    key.public_key = &public_key;
  }
  key.usage = {key_form, std::string(request.single()), std::string(request.single()), key_ops};
  key.cache_key = key_bytes;
  key.cache_capacity = cache_capacity;
  edjwt::VerifyOptions options;
  options.algorithms = request.list(&options.check_algorithms);
  options.crit = request.list();
  options.jwt = jwt;
  edjwt::ClaimRules& rules = options.claims;
  rules.issuers = request.list(&rules.check_issuer);
  rules.audiences = request.list(&rules.check_audience);
  rules.required = request.list();
  std::vector<std::string> subject = request.list(&rules.check_subject);
  std::vector<std::string> typ = request.list(&rules.check_typ);
  if (!request.ok() || subject.size() != (rules.check_subject ? 1u : 0u) || typ.size() != (rules.check_typ ? 1u : 0u)) {
    last_verified = {};
    set_outputs(last_verified);
    return status_of(edjwt::Outcome::failure(edjwt::Status::request_malformed,
                                             "edjwt: malformed verify request (a bug in edjwt's JS layer)"));
  }
  if (rules.check_subject) rules.subject = std::move(subject.front());
  if (rules.check_typ) rules.typ = std::move(typ.front());
  rules.now = now;
  rules.clock_tolerance = clock_tolerance;
  rules.check_max_token_age = !std::isnan(max_token_age);
  rules.max_token_age = max_token_age;
  last_verified = edjwt::verify_compact(token, key, options, limits, stage);
  set_outputs(last_verified);
  return status_of(edjwt::Outcome(last_verified.outcome), last_verified.claim, last_verified.reason);
}

// The platform's verdict on a pending signature: the request holds two fields
// as verify's do, the token and the key's identity in the verified-signature
// cache (absent without one). The status: ok, or signature_invalid.
int settle_signature(std::size_t request_length, unsigned cache_capacity, bool platform_verified) {
  VerifyRequest request(written(request_length));
  const std::string_view token = request.single();
  const std::string_view cache_key = request.single();
  if (!request.ok()) {
    return status_of(edjwt::Outcome::failure(edjwt::Status::request_malformed,
                                             "edjwt: malformed settle request (a bug in edjwt's JS layer)"));
  }
  return status_of(edjwt::settle_signature(token, cache_key, cache_capacity, platform_verified));
}

namespace schedule = edjwt::schedule;

// An expiry result: status alone on failure (the text through lastFailure(),
// as for decode and verify), the state, times and spans on success.
struct JsExpiry {
  int status;
  int state;  // expiry::TokenState
  edjwt::expiry::Times times;
  double expiresInMs, lifetimeMs;
  bool expired, notYetValid;
};

JsExpiry to_js(const edjwt::expiry::Expiry& expiry) {
  return {static_cast<int>(edjwt::Status::ok), static_cast<int>(expiry.state), expiry.times, expiry.expires_in_ms,
          expiry.lifetime_ms, expiry.expired, expiry.not_yet_valid};
}

// The expiry of a token or claims JSON (is_token) written into the input buffer.
JsExpiry read_expiry(std::size_t text_length, bool is_token, double now_ms, double offset_ms, double tolerance_ms,
                     const schedule::Policy& policy) {
  edjwt::RegisteredClaims claims;
  edjwt::Outcome outcome;
  const std::string_view text = written(text_length);
  if (is_token) {
    outcome = edjwt::decode_jwt_claims(text, limits, &claims).outcome;
  } else {
    edjwt::RegisteredClaimsSink sink(claims);
    if (const auto check = edjwt::json::check_object(text, limits.max_json_depth, &sink); !check.ok()) {
      outcome = edjwt::Outcome::failure(edjwt::Status::claims_malformed, "claims: " + edjwt::json::describe(check));
    }
  }
  edjwt::expiry::Times times;
  if (outcome.ok()) outcome = edjwt::expiry::times_of(claims, times);
  if (!outcome.ok()) return {status_of(std::move(outcome))};
  return to_js(edjwt::expiry::evaluate(times, now_ms, offset_ms, tolerance_ms, policy));
}

// The expiry of times read earlier (read_expiry's), at another instant: a
// session re-evaluates its token without reading it again.
JsExpiry expiry_at(const edjwt::expiry::Times& times, double now_ms, double offset_ms, double tolerance_ms,
                   const schedule::Policy& policy) {
  return to_js(edjwt::expiry::evaluate(times, now_ms, offset_ms, tolerance_ms, policy));
}

// The scheduling state crosses as plain numbers and booleans; enums as ints.
struct JsSessionState {
  int phase;
  bool hasToken;
  schedule::TokenTimes token;
  double clockOffsetMs, lastRefreshMs;
  int failures;
  double wakeAtMs;
  bool expiringSignalled, expiredSignalled;
};

struct JsSessionEvent {
  int kind;
  double nowMs, jitter;
  bool fatal;
  schedule::TokenTimes token;
};

struct JsSessionStep {
  JsSessionState state;
  int action;
  bool signalExpiring, signalExpired;
};

JsSessionState to_js(const schedule::State& s) {
  return {static_cast<int>(s.phase), s.has_token,       s.token,    s.clock_offset_ms,   s.last_refresh_ms,
          s.failures,                s.wake_at_ms,      s.expiring_signalled, s.expired_signalled};
}

schedule::State to_core(const JsSessionState& s) {
  schedule::State out;
  out.phase = static_cast<schedule::Phase>(s.phase);
  out.has_token = s.hasToken;
  out.token = s.token;
  out.clock_offset_ms = s.clockOffsetMs;
  out.last_refresh_ms = s.lastRefreshMs;
  out.failures = s.failures;
  out.wake_at_ms = s.wakeAtMs;
  out.expiring_signalled = s.expiringSignalled;
  out.expired_signalled = s.expiredSignalled;
  return out;
}

JsSessionState initial_session_state() { return to_js(schedule::State{}); }

JsSessionStep session_step(const JsSessionState& state, const JsSessionEvent& js_event, const schedule::Policy& policy) {
  schedule::Event event{static_cast<schedule::EventKind>(js_event.kind), js_event.nowMs, js_event.jitter, js_event.fatal,
                        js_event.token};
  const schedule::Step step = schedule::advance(to_core(state), event, policy);
  return {to_js(step.state), static_cast<int>(step.action), step.signal_expiring, step.signal_expired};
}

edjwt::clock_skew::Estimate clock_evidence(const edjwt::clock_skew::Estimate& current, double issuer_ms,
                                           double local_start_ms, double local_end_ms) {
  return edjwt::clock_skew::add_sample(current, issuer_ms, local_start_ms, local_end_ms);
}

schedule::Policy default_policy() { return {}; }

// The core's enumerations and limit bounds by name, as one JSON-like literal
// ({"Status":{"ok":0,…,},"SessionPhase":{…},…,}: a comma after every member,
// which the reader drops) made from the X-macro lists in the core's headers,
// so JS never retypes them: scripts/generate-core-constants.mjs writes them
// into js/core-constants.js at build time, and a test checks that file is
// current. A new table is one line here.
std::string core_constants() {
#define EDJWT_MEMBER(name, value) "\"" #name "\":" #value ","
#define EDJWT_BOUNDS(name, min, max) "\"" #name "\":{\"min\":" #min ",\"max\":" #max ",},"
#define EDJWT_TABLE(name, list, member) "\"" name "\":{" list(member) "},"
  // The registry names each algorithm's scheme and key type (the generator turns them into their numbers).
#define EDJWT_ALGORITHM(name, scheme, key_type, hash_bits) \
  "\"" name "\":{\"scheme\":\"" #scheme "\",\"keyType\":\"" #key_type "\",\"hashBits\":" #hash_bits ",},"
  return "{" EDJWT_TABLE("Status", EDJWT_STATUSES, EDJWT_MEMBER)
      EDJWT_TABLE("SessionPhase", EDJWT_SESSION_PHASES, EDJWT_MEMBER)
      EDJWT_TABLE("SessionEvent", EDJWT_SESSION_EVENTS, EDJWT_MEMBER)
      EDJWT_TABLE("SessionAction", EDJWT_SESSION_ACTIONS, EDJWT_MEMBER)
      EDJWT_TABLE("TokenState", EDJWT_TOKEN_STATES, EDJWT_MEMBER)
      EDJWT_TABLE("LimitBounds", EDJWT_LIMIT_BOUNDS, EDJWT_BOUNDS)
      EDJWT_TABLE("KeyType", EDJWT_KEY_TYPES, EDJWT_MEMBER)
      EDJWT_TABLE("Scheme", EDJWT_SCHEMES, EDJWT_MEMBER)
      EDJWT_TABLE("KeyForm", EDJWT_KEY_FORMS, EDJWT_MEMBER)
      EDJWT_TABLE("KeyOps", EDJWT_KEY_OPS, EDJWT_MEMBER)
      EDJWT_TABLE("Stage", EDJWT_STAGES, EDJWT_MEMBER)
      EDJWT_TABLE("SignatureState", EDJWT_SIGNATURE_STATES, EDJWT_MEMBER)
      EDJWT_TABLE("Algorithms", EDJWT_ALGORITHMS, EDJWT_ALGORITHM) "}";
#undef EDJWT_ALGORITHM
#undef EDJWT_TABLE
#undef EDJWT_BOUNDS
#undef EDJWT_MEMBER
}

}  // namespace

EMSCRIPTEN_BINDINGS(edjwt) {
  using emscripten::value_object;
  value_object<JsLimits>("Limits")
      .field("maxTokenLength", &JsLimits::maxTokenLength)
      .field("maxJsonDepth", &JsLimits::maxJsonDepth)
      .field("maxKeyTables", &JsLimits::maxKeyTables);
  value_object<JsFailure>("Failure")
      .field("message", &JsFailure::message)
      .field("claim", &JsFailure::claim)
      .field("reason", &JsFailure::reason);
  value_object<schedule::Policy>("Policy")
      .field("refreshLeadMs", &schedule::Policy::refresh_lead_ms)
      .field("refreshAtLifetime", &schedule::Policy::refresh_at_lifetime)
      .field("minRefreshGapMs", &schedule::Policy::min_refresh_gap_ms)
      .field("jitterMs", &schedule::Policy::jitter_ms)
      .field("jitterLifetime", &schedule::Policy::jitter_lifetime)
      .field("retryInitialMs", &schedule::Policy::retry_initial_ms)
      .field("retryMaxMs", &schedule::Policy::retry_max_ms);
  value_object<schedule::TokenTimes>("TokenTimes")
      .field("hasExp", &schedule::TokenTimes::has_exp)
      .field("hasIat", &schedule::TokenTimes::has_iat)
      .field("expMs", &schedule::TokenTimes::exp_ms)
      .field("iatMs", &schedule::TokenTimes::iat_ms);
  value_object<edjwt::expiry::Times>("ExpiryTimes")
      .field("hasExp", &edjwt::expiry::Times::has_exp)
      .field("hasNbf", &edjwt::expiry::Times::has_nbf)
      .field("hasIat", &edjwt::expiry::Times::has_iat)
      .field("expMs", &edjwt::expiry::Times::exp_ms)
      .field("nbfMs", &edjwt::expiry::Times::nbf_ms)
      .field("iatMs", &edjwt::expiry::Times::iat_ms);
  value_object<JsExpiry>("Expiry")
      .field("status", &JsExpiry::status)
      .field("state", &JsExpiry::state)
      .field("times", &JsExpiry::times)
      .field("expiresInMs", &JsExpiry::expiresInMs)
      .field("lifetimeMs", &JsExpiry::lifetimeMs)
      .field("expired", &JsExpiry::expired)
      .field("notYetValid", &JsExpiry::notYetValid);
  value_object<JsSessionState>("SessionState")
      .field("phase", &JsSessionState::phase)
      .field("hasToken", &JsSessionState::hasToken)
      .field("token", &JsSessionState::token)
      .field("clockOffsetMs", &JsSessionState::clockOffsetMs)
      .field("lastRefreshMs", &JsSessionState::lastRefreshMs)
      .field("failures", &JsSessionState::failures)
      .field("wakeAtMs", &JsSessionState::wakeAtMs)
      .field("expiringSignalled", &JsSessionState::expiringSignalled)
      .field("expiredSignalled", &JsSessionState::expiredSignalled);
  value_object<JsSessionEvent>("SessionEvent")
      .field("kind", &JsSessionEvent::kind)
      .field("nowMs", &JsSessionEvent::nowMs)
      .field("jitter", &JsSessionEvent::jitter)
      .field("fatal", &JsSessionEvent::fatal)
      .field("token", &JsSessionEvent::token);
  value_object<JsSessionStep>("SessionStep")
      .field("state", &JsSessionStep::state)
      .field("action", &JsSessionStep::action)
      .field("signalExpiring", &JsSessionStep::signalExpiring)
      .field("signalExpired", &JsSessionStep::signalExpired);
  value_object<edjwt::clock_skew::Estimate>("ClockEstimate")
      .field("hasEstimate", &edjwt::clock_skew::Estimate::has_estimate)
      .field("offsetMs", &edjwt::clock_skew::Estimate::offset_ms);
  emscripten::function("coreConstants", &core_constants);
  emscripten::function("readExpiry", &read_expiry);
  emscripten::function("expiryAt", &expiry_at);
  emscripten::function("checkTokenLength", &check_token_length);
  emscripten::function("defaultPolicy", &default_policy);
  emscripten::function("initialSessionState", &initial_session_state);
  emscripten::function("sessionStep", &session_step);
  emscripten::function("clockEvidence", &clock_evidence);
  emscripten::function("getLimits", &get_limits);
  emscripten::function("setLimits", &set_limits);
  emscripten::function("inputBuffer", &input_buffer);
  emscripten::function("lastFailure", &get_last_failure);
  emscripten::function("decodedJson", &decoded_json);
  emscripten::function("decodeJwtClaims", &decode_jwt_claims);
  emscripten::function("decodeProtectedHeader", &decode_protected_header);
  emscripten::function("decodeProtectedHeaderSegment", &decode_protected_header_segment);
  emscripten::function("ed25519Verify", &ed25519_verify);
  emscripten::function("importRawKey", &import_raw_key);
  emscripten::function("importJwkX", &import_jwk_x);
  emscripten::function("importSpkiPem", &import_spki_pem);
  emscripten::function("importedKey", &imported_key_bytes);
  emscripten::function("verify", &verify);
  emscripten::function("verifyOutputs", &verify_outputs_view);
  emscripten::function("settleSignature", &settle_signature);
}
