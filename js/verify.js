// Verification with jose v6's API: jwtVerify, compactVerify, plus edjwt's
// jwtVerifySync and the raw ed25519Verify. One core call does every check in
// jose's order; for RSA, EC and HMAC keys it leaves the signature pending, the
// platform checks it, and a second core call settles the verdict, which comes
// before the payload's and the claims' outcome, as in jose. A key function (a
// JWK Set) is consulted between the header checks and the signature, as jose
// does. Nothing from the payload leaves here before its signature has
// verified: a pending result is held in this module until settled.
import { SignatureState, Stage } from './core-constants.js';
import { JWSInvalid } from './errors.js';
import { selectKeySync } from './jwks.js';
import { keyMaterial, keyMaterialAsync } from './keys.js';
import { lengthFailure } from './limits.js';
import { coreOptions } from './options.js';
import { platformAsync, platformSync } from './platform.js';
import { errorFor, Status } from './status.js';
import { ed25519Verify as coreEd25519Verify, settleSignature, verifyCall } from './transfer.js';

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

function throwFailure(result, options) {
  // jose attaches the claims to JWTExpired and JWTClaimValidationFailed, which
  // it raises only once the signature has verified; any payload here has (a
  // pending signature is settled before its result's failure is thrown).
  const claims = options.jwt && result.payload ? JSON.parse(result.payload) : undefined;
  throw errorFor(result.failure, 'verify', claims);
}

// Header checks only, for a key function to see the header jose would give it.
function acceptedHeader(token, options) {
  const result = verifyCall(token, null, options, Stage.header);
  if (result.status !== Status.ok) throwFailure(result, options);
  return JSON.parse(result.header);
}

function jwsParts(token) {
  const [protectedHeader, payload, signature] = token.split('.');
  return { payload, protected: protectedHeader, signature };
}

// The platform's arguments after the material, for a pending signature of an
// accepted header: [alg, signing input, signature].
const platformArguments = (header, result) => [header.alg, result.signingInput, result.signature];

// A full call's result once its signature stands: the verified payload and
// header, or the first failure in jose's order. `platformVerified`: the
// platform's verdict on a pending signature (settled here first).
function accepted(token, material, result, protectedHeader, options, resolvedKey, platformVerified) {
  if (result.signatureState === SignatureState.pending) {
    const settled = settleSignature(token, material, platformVerified);
    if (settled.status !== Status.ok) throw errorFor(settled, 'verify');
  }
  if (result.status !== Status.ok) throwFailure(result, options);
  const payload = options.jwt ? JSON.parse(result.payload) : result.payload;
  return resolvedKey ? { payload, protectedHeader, key: resolvedKey } : { payload, protectedHeader };
}

// A full call; a failure that comes before the signature is thrown at once.
function fullCall(token, material, options) {
  const result = verifyCall(token, material, options, Stage.full);
  if (result.signatureState !== SignatureState.pending && result.status !== Status.ok) throwFailure(result, options);
  return result;
}

function verifiedSync(token, material, options, resolvedKey) {
  const result = fullCall(token, material, options);
  const header = JSON.parse(result.header);
  const platformVerified = result.signatureState === SignatureState.pending
    && platformSync(material).verify(material, ...platformArguments(header, result));
  return accepted(token, material, result, header, options, resolvedKey, platformVerified);
}

async function verifiedAsync(token, material, options, resolvedKey) {
  const result = fullCall(token, material, options);
  const header = JSON.parse(result.header);
  const platformVerified = result.signatureState === SignatureState.pending
    && await (await platformAsync(material)).verify(material, ...platformArguments(header, result));
  return accepted(token, material, result, header, options, resolvedKey, platformVerified);
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
