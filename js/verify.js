// Verification with jose v6's API: jwtVerify, compactVerify, plus edjwt's
// jwtVerifySync and the raw ed25519Verify. One core call does every check in
// jose's order; a key function (a JWK Set) is consulted between the header
// checks and the signature, as jose does. Nothing from the payload leaves
// here before its signature has verified.
import { JWSInvalid } from './errors.js';
import { selectKeySync } from './jwks.js';
import { keyMaterial, keyMaterialAsync } from './keys.js';
import { lengthFailure } from './limits.js';
import { core } from './module.js';
import { coreOptions } from './options.js';
import { coreError, errorFor, Status } from './status.js';
import { readText, writeRequest } from './transfer.js';

const utf8 = new TextDecoder();

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

// One core call: every check in jose's order, up to the header's (headerOnly)
// or to the claims'. `key` is null for the header stage. The verified-signature
// cache lives in the core; a key only says how large its share is.
function coreVerify(token, key, options, headerOnly) {
  const { claims } = options;
  const length = writeRequest([token, key?.publicKey, key?.alg, key?.use, options.algorithms, options.crit,
    claims.issuers, claims.audiences, claims.requiredClaims, claims.subject, claims.typ]);
  return core().verify(length, options.jwt, headerOnly, key?.cacheSize ?? 0, key?.form ?? 0, key?.keyOps ?? 0,
    claims.now, claims.clockTolerance, claims.maxTokenAge ?? NaN);
}

// Header checks only, for a key function to see the header jose would give it.
function acceptedHeader(token, options) {
  const status = coreVerify(token, null, options, true);
  if (status !== Status.ok) throw coreError(status, 'verify');
  return JSON.parse(readText(core().verifiedHeader()));
}

function jwsParts(token) {
  const [protectedHeader, payload, signature] = token.split('.');
  return { payload, protected: protectedHeader, signature };
}

function verified(token, material, options, resolvedKey) {
  const status = coreVerify(token, material, options, false);
  if (status !== Status.ok) {
    // jose attaches the claims to JWTExpired and JWTClaimValidationFailed, which
    // it raises only once the signature has verified; the core's payload is
    // empty until then.
    const claims = core().signatureVerified() && options.jwt ? readText(core().verifiedPayload()) : '';
    throw coreError(status, 'verify', claims ? JSON.parse(claims) : undefined);
  }
  const protectedHeader = JSON.parse(readText(core().verifiedHeader()));
  const payload = options.jwt ? JSON.parse(readText(core().verifiedPayload())) : core().verifiedPayload().slice();
  return resolvedKey ? { payload, protectedHeader, key: resolvedKey } : { payload, protectedHeader };
}

async function verifyAsync(jws, key, options, jwt) {
  const token = compactString(jws);
  const compiled = coreOptions(options, jwt);
  assertWithinLimit(token);
  if (typeof key !== 'function') return verified(token, await keyMaterialAsync(key), compiled);
  const resolvedKey = await key(acceptedHeader(token, compiled), jwsParts(token));
  return verified(token, await keyMaterialAsync(resolvedKey), compiled, resolvedKey);
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
  if (typeof key !== 'function') return verified(token, keyMaterial(key), compiled);
  const select = key[selectKeySync];
  if (!select) throw new TypeError('jwtVerifySync takes a key, a JWK, or a set from createLocalJWKSet');
  const resolvedKey = select(acceptedHeader(token, compiled));
  return verified(token, keyMaterial(resolvedKey), compiled, resolvedKey);
}

/** Raw Ed25519 verification with libsodium's strict rules. Wrong lengths give false. */
export function ed25519Verify(publicKey, message, signature) {
  for (const [name, value] of [['publicKey', publicKey], ['message', message], ['signature', signature]]) {
    if (!(value instanceof Uint8Array)) throw new TypeError(`${name} must be a Uint8Array`);
  }
  return core().ed25519Verify(publicKey, message, signature);
}
