// The one module that calls the Embind module (js/module.js's core()): every
// other module calls these functions with plain JS values and gets plain JS
// values back. Each core operation is one call in and one result out: a
// status, the outputs, and the failure's detail only on failure
// ({ status, message, claim, reason }, read from the core's lastFailure()).
// Numeric enums stay here: results carry names (a session phase, a token
// state), from the tables generated from C++ (js/core-constants.js).
//
// Text crosses through buffers in wasm memory: a token (or claims JSON), or a
// whole verify request with its scalars, is encoded straight into the core's
// input buffer, and JSON text is decoded straight out of the views the core
// returns (for a verification, out of the memory its output words locate). Embind's
// std::string marshalling copies one character at a time in JS both ways, and
// its value objects cost a quarter of a JWT's processing; this costs one
// encodeInto per string and one decode (wasm/bindings.cpp says why).
import { SessionAction, SessionEvent, SessionPhase, SignatureState, Stage, Status, TokenState } from './core-constants.js';
import { core } from './module.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MIN_CAPACITY = 4096;

// A view of the core's input buffer. It is empty (detached) once wasm memory
// has grown, and then taken again, as when it is too small.
let input = new Uint8Array(0);

function reserve(capacity) {
  if (input.byteLength < capacity) {
    input = core().inputBuffer(Math.max(capacity, MIN_CAPACITY));
  }
}

/** Writes `text` as UTF-8 into the core's input buffer; returns its length in bytes. */
export function writeInput(text) {
  // UTF-8 needs at most three bytes per UTF-16 code unit.
  reserve(text.length * 3);
  return encoder.encodeInto(text, input).written;
}

// A field of a verify request is absent (undefined), one item (a string or
// bytes) or a list of strings. Written on every verify call, so without
// allocating: no per-field arrays, one DataView per input buffer.
const ABSENT = 0xffffffff;
const itemBytes = (item) => 4 + (typeof item === 'string' ? item.length * 3 : item.length);
const fieldBytes = (field) =>
  4 + (field === undefined ? 0 : Array.isArray(field) ? field.reduce((sum, item) => sum + itemBytes(item), 0) : itemBytes(field));

let inputView = new DataView(new ArrayBuffer(0));

// Writes one item at `at`: its byte length, then its bytes; returns the offset after it.
function writeItem(item, at) {
  const written = item.length === 0 ? 0
    : typeof item === 'string' ? encoder.encodeInto(item, input.subarray(at + 4)).written : (input.set(item, at + 4), item.length);
  inputView.setUint32(at, written, true);
  return at + 4 + written;
}

/**
 * Writes a request as wasm/bindings.cpp's VerifyRequest reads it: each field a
 * u32 count (ABSENT when undefined), then per item a u32 byte length and the
 * bytes, after `scalarBytes` left for the caller's scalars. Returns the
 * request's length in bytes.
 */
export function writeRequest(fields, scalarBytes = 0) {
  let capacity = scalarBytes;
  for (const field of fields) capacity += fieldBytes(field);
  reserve(capacity);
  if (inputView.buffer !== input.buffer || inputView.byteOffset !== input.byteOffset || inputView.byteLength !== input.byteLength) {
    inputView = new DataView(input.buffer, input.byteOffset, input.byteLength);
  }
  let at = scalarBytes;
  for (const field of fields) {
    const list = Array.isArray(field);
    inputView.setUint32(at, field === undefined ? ABSENT : list ? field.length : 1, true);
    at += 4;
    if (list) for (const item of field) at = writeItem(item, at);
    else if (field !== undefined) at = writeItem(field, at);
  }
  return at;
}

/** The text of a view the core returned; read at once, before the next core call. */
export function readText(view) {
  return decoder.decode(view);
}

/** The detail of the failure the last core call returned `status` for. */
export function failure(status) {
  return { status, ...core().lastFailure() };
}

// Value -> name for a generated table. Pure, so a bundle that never asks for
// names (jwtVerify alone) leaves the tables out.
const namesOf = (table) => Object.fromEntries(Object.entries(table).map(([name, value]) => [value, name]));
const PHASES = /* @__PURE__ */ namesOf(SessionPhase);
const ACTIONS = /* @__PURE__ */ namesOf(SessionAction);
const TOKEN_STATES = /* @__PURE__ */ namesOf(TokenState);

// --- Limits and decoding --------------------------------------------------

export function getLimits() {
  return core().getLimits();
}

export function setLimits(limits) {
  core().setLimits(limits);
}

/** The core's verdict on a token of `bytes` UTF-8 bytes, without copying it into wasm memory. */
export function checkTokenLength(bytes) {
  const status = core().checkTokenLength(bytes);
  return status === Status.ok ? { status } : failure(status);
}

const DECODERS = { claims: 'decodeJwtClaims', header: 'decodeProtectedHeader', headerSegment: 'decodeProtectedHeaderSegment' };

/** `{ status, json }`: the decoded JSON text of a token's claims, header, or a flattened header segment. */
export function decode(part, text) {
  const status = core()[DECODERS[part]](writeInput(text));
  return status === Status.ok ? { status, json: readText(core().decodedJson()) } : failure(status);
}

// --- Expiry -------------------------------------------------------------------

function expiry(result) {
  const { status, state, times, expiresInMs, lifetimeMs, expired, notYetValid } = result;
  if (status !== Status.ok) return failure(status);
  return { status, state: TOKEN_STATES[state], times, expiresInMs, lifetimeMs, expired, notYetValid };
}

/**
 * `{ status, state, times, expiresInMs, lifetimeMs, expired, notYetValid }` of
 * a token (a string) or claims JSON (`isToken` false) at `at`: `{ nowMs,
 * clockOffsetMs, toleranceMs, policy }`.
 */
export function readExpiry(text, isToken, { nowMs, clockOffsetMs, toleranceMs, policy }) {
  return expiry(core().readExpiry(writeInput(text), isToken, nowMs, clockOffsetMs, toleranceMs, policy));
}

/** The same for `times` that readExpiry returned earlier (nothing is read again). */
export function expiryAt(times, { nowMs, clockOffsetMs, toleranceMs, policy }) {
  return expiry(core().expiryAt(times, nowMs, clockOffsetMs, toleranceMs, policy));
}

// --- Session scheduling and the clock estimate --------------------------------

export function defaultPolicy() {
  return core().defaultPolicy();
}

/** `{ state, phase }`: a new session's scheduling state and its phase's name. */
export function initialSession() {
  const state = core().initialSessionState();
  return { state, phase: PHASES[state.phase] };
}

/**
 * One step of the core's state machine: `event` is `{ kind, nowMs, jitter,
 * fatal, token }` with `kind` an event's name. Returns `{ state, phase,
 * action, signalExpiring, signalExpired }` with names for phase and action.
 */
export function sessionStep(state, event, policy) {
  const step = core().sessionStep(state, { ...event, kind: SessionEvent[event.kind] }, policy);
  return { ...step, phase: PHASES[step.state.phase], action: ACTIONS[step.action] };
}

/** The clock estimate after a reading of the issuer's clock taken during a call from `startedMs` to `endedMs`. */
export function clockEvidence(estimate, issuerMs, startedMs, endedMs) {
  return core().clockEvidence(estimate, issuerMs, startedMs, endedMs);
}

// --- Verification and keys ------------------------------------------------

/**
 * One verify call into the core, up to `stage` (Stage: header or full), for
 * `key` (a key material from js/keys.js, or null at the header stage) and
 * compiled `options` (js/options.js). Returns { status, failure, header,
 * payload, signature, signingInput, signatureState }: the header JSON text once accepted;
 * the payload (claims text for a JWT, bytes otherwise) once its signature
 * verified or is pending, even when a claim then failed; failure ({ status,
 * message, claim, reason }) only when status is not ok. A pending signature
 * (an RSA, EC or HMAC key's, not in the verified-signature cache) comes as
 * its bytes and those it signs, for the platform: the status and payload stand only once
 * settleSignature() accepts the platform's verdict.
 */
export function verifyCall(token, key, options, stage) {
  const { claims } = options;
  const length = writeVerifyRequest([token, key?.publicKey ?? key?.cacheKey, key?.alg, key?.use, options.algorithms, options.crit,
    claims.issuers, claims.audiences, claims.requiredClaims, claims.subject, claims.typ],
  [claims.now, claims.clockTolerance, claims.maxTokenAge ?? NaN],
  [options.jwt ? 1 : 0, stage, key?.cacheSize ?? 0, key?.form ?? 0, key?.keyOps ?? 0, key?.kind.type ?? 0, key?.kind.bits ?? 0]);
  const status = core().verify(length);
  const words = outputWords();
  const signatureState = words[OUTPUT.signatureState];
  const pending = signatureState === SignatureState.pending;
  const part = (at) => heap.subarray(words[at], words[at] + words[at + 1]);
  const payload = signatureState === SignatureState.unchecked ? undefined
    : options.jwt ? readText(part(OUTPUT.payload)) : part(OUTPUT.payload).slice();
  const header = status === Status.ok || pending ? readText(part(OUTPUT.header)) : undefined;
  const signature = pending ? part(OUTPUT.signature).slice() : undefined;
  const signingInput = pending ? part(OUTPUT.signingInput).slice() : undefined;
  return status === Status.ok ? { status, header, payload, signature, signingInput, signatureState }
    : { status, failure: failure(status), header, payload, signature, signingInput, signatureState };
}

const F64_SCALARS = 3;
const U32_SCALARS = 7;

/**
 * A verify request: its scalars, `f64s` (now, clockTolerance, maxTokenAge) and
 * `u32s` (jwt, stage, cacheSize, keyForm, keyOps, keyType, keyBits), then its
 * fields; wasm/bindings.cpp's verify() reads them in this order.
 */
export function writeVerifyRequest(fields, f64s, u32s) {
  const length = writeRequest(fields, F64_SCALARS * 8 + U32_SCALARS * 4);
  f64s.forEach((value, i) => inputView.setFloat64(i * 8, value, true));
  u32s.forEach((value, i) => inputView.setUint32(F64_SCALARS * 8 + i * 4, value, true));
  return length;
}

// The core's verify outputs (wasm/bindings.cpp's VerifyOutputs): words kept
// as one view, and all of wasm memory as bytes for the parts they locate;
// both are taken again once memory has grown (a grown memory detaches them).
// The signature's state, then each part as two words: its offset, its length.
const OUTPUT = { signatureState: 0, header: 1, payload: 3, signature: 5, signingInput: 7 };
let words = new Uint32Array(0);
let heap = new Uint8Array(0);

function outputWords() {
  if (words.length === 0) {
    words = core().verifyOutputs();
    heap = new Uint8Array(words.buffer);
  }
  return words;
}

/**
 * The platform's verdict on `token`'s pending signature under `key` (a key
 * material): `{ status }` ok, the signature then in the key's
 * verified-signature cache when it has one; else signature_invalid's failure.
 */
export function settleSignature(token, key, platformVerified) {
  const length = writeRequest(key.cacheSize ? [token, key.cacheKey] : [undefined, undefined]);
  const status = core().settleSignature(length, key.cacheSize ?? 0, platformVerified);
  return status === Status.ok ? { status } : failure(status);
}

/** Raw Ed25519 verification by the core (libsodium's strict rules). */
export const ed25519Verify = (publicKey, message, signature) => core().ed25519Verify(publicKey, message, signature);

const imported = (status) => (status === Status.ok ? { status, publicKey: core().importedKey() } : failure(status));

/**
 * Ed25519 public key import by the core, from a JWK's "x" text, an SPKI PEM,
 * or raw bytes: `{ status, publicKey }` (the checked 32 bytes) when ok, else
 * `{ status, message }`, the one protocol of every core call.
 */
export const importEd25519 = {
  jwkX: (x) => imported(core().importJwkX(x)),
  spkiPem: (pem) => imported(core().importSpkiPem(pem)),
  raw: (bytes) => imported(core().importRawKey(bytes)),
};
