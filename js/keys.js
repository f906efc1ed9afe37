// Public keys: importJWK / importSPKI (jose's names) return an opaque
// PublicKey, checked once at import (strict base64url "x", a canonical point
// of prime order), so verification does no key parsing. keyMaterial() turns
// any key form a verify call accepts -- a PublicKey, a public JWK object, or a
// Node KeyObject -- into what a verify request carries (js/verify.js).
import { JOSENotSupported, JWKInvalid } from './errors.js';
import { core } from './module.js';
import { cacheSizeFromOptions } from './signature-cache.js';
import { errorFor, Status } from './status.js';

const KEY_OBJECT = 0;
const JWK = 1;
const KEY_OPS = { absent: 0, includes_verify: 1, excludes_verify: 2 };
const EDDSA_ALGS = new Set(['EdDSA', 'Ed25519']);

const materials = new WeakMap();

/** An imported Ed25519 public key. Opaque: nothing to free, safe to share. */
export class PublicKey {
  type = 'public';
  algorithm = Object.freeze({ name: 'Ed25519' });
  get [Symbol.toStringTag]() {
    return 'PublicKey';
  }
}

const isObject = (value) =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';

function checked(result, onFailure) {
  if (result.status !== Status.ok) throw onFailure(result);
  return result.publicKey;
}

function makeKey(publicKey, cacheSize) {
  const key = Object.freeze(new PublicKey());
  materials.set(key, { publicKey, form: KEY_OBJECT, alg: '', use: '', keyOps: KEY_OPS.absent, cacheSize });
  return key;
}

// jose's normalizeJwk checks, then what an Ed25519 verification key must be.
function jwkPublicKey(jwk) {
  if (jwk.ext !== undefined && typeof jwk.ext !== 'boolean') throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  const ops = jwk.key_ops;
  if (ops !== undefined && (!Array.isArray(ops) || ops.some((op) => typeof op !== 'string') || new Set(ops).size !== ops.length)) {
    throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
  }
  if (typeof jwk.kty !== 'string') throw new TypeError('JSON Web Key must have a "kty" (Key Type) Parameter');
  if (jwk.kty !== 'OKP') throw new JOSENotSupported(`edjwt verifies Ed25519 only; JWK "kty" ${jwk.kty} is not supported`);
  if (jwk.crv !== 'Ed25519') throw new JOSENotSupported('edjwt verifies Ed25519 only; JWK "crv" must be "Ed25519"');
  if (jwk.d !== undefined) throw new TypeError('JSON Web Key for this operation must be a public JWK');
  if (typeof jwk.x !== 'string') throw new JWKInvalid('JWK "x" (X Coordinate) Parameter must be a string');
  return checked(core().importJwkX(jwk.x), (result) => errorFor(result, 'key'));
}

/** jose's importJWK for Ed25519 public keys. `options.cache = { size }` turns on the verified-signature cache. */
export async function importJWK(jwk, alg, options) {
  return importJWKSync(jwk, alg, options);
}

export function importJWKSync(jwk, alg, options) {
  if (!isObject(jwk)) throw new TypeError('JWK must be an object');
  alg ??= jwk.alg;
  if (jwk.kty !== 'oct' && !alg) throw new TypeError('"alg" argument is required when "jwk.alg" is not present');
  if (jwk.kty === 'OKP' && !EDDSA_ALGS.has(alg)) throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  const publicKey = jwkPublicKey(jwk);
  const refusal = usageRefusal(jwk, alg);
  if (refusal) throw new JWKInvalid(refusal);
  return makeKey(publicKey, cacheSizeFromOptions(options));
}

// The rules a JWK passed directly meets at verification (the core's
// keys::check_usage), applied at import for the alg it is imported for: a key
// published for encryption, or for another algorithm, never becomes a
// verification key. jose lets some of these through importJWK (it drops "use"),
// so the class is JWKInvalid, as for every other unusable JWK.
function usageRefusal(jwk, alg) {
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'the JWK\'s "use" must be "sig" when present';
  if (jwk.alg !== undefined && jwk.alg !== alg) return `the JWK's "alg" must be "${alg}" when present`;
  if (keyOpsOf(jwk) === KEY_OPS.excludes_verify) return 'the JWK\'s "key_ops" must include "verify" when present';
  return undefined;
}

const keyOpsOf = (jwk) =>
  jwk.key_ops === undefined ? KEY_OPS.absent : jwk.key_ops.includes('verify') ? KEY_OPS.includes_verify : KEY_OPS.excludes_verify;

/** jose's importSPKI for an Ed25519 "PUBLIC KEY" PEM (strict DER, RFC 8410). */
export async function importSPKI(spki, alg, options) {
  if (typeof spki !== 'string' || spki.indexOf('-----BEGIN PUBLIC KEY-----') !== 0) {
    throw new TypeError('"spki" must be SPKI formatted string');
  }
  if (!EDDSA_ALGS.has(alg)) throw new JOSENotSupported('Invalid or unsupported "alg" (Algorithm) value');
  return makeKey(checked(core().importSpkiPem(spki), (result) => new TypeError(result.message)), cacheSizeFromOptions(options));
}

function jwkMaterial(jwk) {
  let material = materials.get(jwk);
  if (!material) {
    // Present but not a string: the core's rule fails on it as jose's does.
    const member = (value) => (value === undefined ? '' : String(value));
    const publicKey = jwkPublicKey(jwk);
    material = { publicKey, form: JWK, alg: member(jwk.alg), use: member(jwk.use), keyOps: keyOpsOf(jwk), cacheSize: 0 };
    materials.set(jwk, material);
  }
  return material;
}

function keyObjectMaterial(key) {
  let material = materials.get(key);
  if (!material) {
    if (key.type !== 'public' || key.asymmetricKeyType !== 'ed25519') {
      throw new TypeError('KeyObject instances must be Ed25519 public keys for the EdDSA algorithm');
    }
    material = { ...jwkMaterial(key.export({ format: 'jwk' })), form: KEY_OBJECT, alg: '', use: '', keyOps: KEY_OPS.absent };
    materials.set(key, material);
  }
  return material;
}

/** What the core needs about `key`, for verify calls. Throws TypeError for anything else. */
export function keyMaterial(key) {
  if (key instanceof PublicKey) return materials.get(key);
  if (isObject(key)) return jwkMaterial(key);
  if (key?.[Symbol.toStringTag] === 'KeyObject') return keyObjectMaterial(key);
  if (key?.[Symbol.toStringTag] === 'CryptoKey') {
    throw new TypeError('a CryptoKey can only be used with the asynchronous jwtVerify/compactVerify');
  }
  throw new TypeError('Key for the EdDSA algorithm must be one of type PublicKey (importJWK/importSPKI), KeyObject, or JSON Web Key');
}

/** keyMaterial for async callers, which may also pass a WebCrypto Ed25519 public CryptoKey. */
export async function keyMaterialAsync(key) {
  if (key?.[Symbol.toStringTag] !== 'CryptoKey') return keyMaterial(key);
  if (key.type !== 'public' || key.algorithm?.name !== 'Ed25519') {
    throw new TypeError('CryptoKey instances must be Ed25519 public keys for the EdDSA algorithm');
  }
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', key));
  return { publicKey: checked(core().importRawKey(raw), (result) => errorFor(result, 'key')), form: KEY_OBJECT, alg: '', use: '', keyOps: KEY_OPS.absent, cacheSize: 0 };
}
