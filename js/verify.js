// Verification with jose v6's API: jwtVerify, compactVerify, plus edjwt's
// jwtVerifySync and the raw ed25519Verify. For an Ed25519 key one core call
// does every check in jose's order; for RSA, EC and HMAC keys a first core
// call stops before the signature, the platform checks it, and a second does
// the rest with its verdict. A key function (a JWK Set) is consulted between
// the header checks and the signature, as jose does. Nothing from the payload
// leaves here before its signature has verified.
import { KeyType, Stage } from './core-constants.js';
import { JWSInvalid } from './errors.js';
import { selectKeySync } from './jwks.js';
import { keyMaterial, keyMaterialAsync } from './keys.js';
import { lengthFailure } from './limits.js';
import { coreOptions } from './options.js';
import { platformAsync, platformSync } from './platform.js';
import { errorFor, Status } from './status.js';
import { ed25519Verify as coreEd25519Verify, verifyCall } from './transfer.js';

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function compactString(jws) {
  if (jws instanceof Uint8Array) return utf8.decode(jws);
  if (typeof jws !== 'string') throw new JWSInvalid('Compact JWS must be a string or Uint8Array');
  return jws;
}

// Checked before the token is copied into wasm memory, so an oversized token never grows the heap.
function assertWithinLimit(token) {
  const tooLong = lengthFailure(token);
  if (tooLong) throw errorFor(tooLong, 'verify');
}

function throwFailure(result, options) {
  // jose attaches the claims to JWTExpired and JWTClaimValidationFailed, which
  // it raises only once the signature has verified; the core hands the
  // payload back only then.
  const claims = options.jwt && result.payload ? JSON.parse(result.payload) : undefined;
  throw errorFor(result.failure, 'verify', claims);
}

// Header checks only, for a key function to see the header jose would give it.
function acceptedHeader(token, options) {
  const result = verifyCall(token, null, options, Stage.header, false);
  if (result.status !== Status.ok) throwFailure(result, options);
  return JSON.parse(result.header);
}

function jwsParts(token) {
  const [protectedHeader, payload, signature] = token.split('.');
  return { payload, protected: protectedHeader, signature };
}

// For a key the platform checks (RSA, EC, HMAC): the core's checks up to the
// signature, giving the platform's arguments after the material: [alg,
// signing input, signature]; null when the core's verified-signature cache
// already holds this token for this key (the full call finds it there).
function platformCheck(token, material, options) {
  const result = verifyCall(token, material, options, Stage.signature, false);
  if (result.status !== Status.ok) throwFailure(result, options);
  if (result.signatureVerified) return null;
  return [JSON.parse(result.header).alg, encoder.encode(token.slice(0, token.lastIndexOf('.'))), result.signature];
}

// The core's full call: every check in jose's order; an Ed25519 signature
// checked by the core, another by the platform (`platformVerified`).
function verified(token, material, options, resolvedKey, platformVerified) {
  const result = verifyCall(token, material, options, Stage.full, platformVerified);
  if (result.status !== Status.ok) throwFailure(result, options);
  const protectedHeader = JSON.parse(result.header);
  const payload = options.jwt ? JSON.parse(result.payload) : result.payload;
  return resolvedKey ? { payload, protectedHeader, key: resolvedKey } : { payload, protectedHeader };
}

function verifiedSync(token, material, options, resolvedKey) {
  const check = material.kind.type === KeyType.ed25519 ? null : platformCheck(token, material, options);
  const platformVerified = check ? platformSync(material).verify(material, ...check) : false;
  return verified(token, material, options, resolvedKey, platformVerified);
}

async function verifiedAsync(token, material, options, resolvedKey) {
  const check = material.kind.type === KeyType.ed25519 ? null : platformCheck(token, material, options);
  const platformVerified = check ? await (await platformAsync(material)).verify(material, ...check) : false;
  return verified(token, material, options, resolvedKey, platformVerified);
}

async function verifyAsync(jws, key, options, jwt) {
  const token = compactString(jws);
  const compiled = coreOptions(options, jwt);
  assertWithinLimit(token);
  if (typeof key !== 'function') return verifiedAsync(token, await keyMaterialAsync(key), compiled);
  const resolvedKey = await key(acceptedHeader(token, compiled), jwsParts(token));
  return verifiedAsync(token, await keyMaterialAsync(resolvedKey), compiled, resolvedKey);
}

/** jose's jwtVerify: the verified claims and protected header, or a jose error. */
export function jwtVerify(jwt, key, options) {
  return verifyAsync(jwt, key, options, true);
}

/** jose's compactVerify: the verified payload bytes and protected header. */
export function compactVerify(jws, key, options) {
  return verifyAsync(jws, key, options, false);
}

/**
 * jwtVerify without a Promise (edjwt's own), for a key, a public JWK, or a set
 * from createLocalJWKSet. Remote sets need the network, so they are async only.
 */
export function jwtVerifySync(jwt, key, options) {
  const token = compactString(jwt);
  const compiled = coreOptions(options, true);
  assertWithinLimit(token);
  if (typeof key !== 'function') return verifiedSync(token, keyMaterial(key), compiled);
  const select = key[selectKeySync];
  if (!select) throw new TypeError('jwtVerifySync takes a key, a JWK, or a set from createLocalJWKSet');
  const resolvedKey = select(acceptedHeader(token, compiled));
  return verifiedSync(token, keyMaterial(resolvedKey), compiled, resolvedKey);
}

/** Raw Ed25519 verification with libsodium's strict rules. Wrong lengths give false. */
export function ed25519Verify(publicKey, message, signature) {
  for (const [name, value] of [['publicKey', publicKey], ['message', message], ['signature', signature]]) {
    if (!(value instanceof Uint8Array)) throw new TypeError(`${name} must be a Uint8Array`);
  }
  return coreEd25519Verify(publicKey, message, signature);
}
