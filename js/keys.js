// Keys: importJWK / importSPKI / importX509 (jose's names) return an opaque
// PublicKey (for oct JWKs, the secret's bytes, as jose does). Ed25519 keys are
// checked once at import by the core (strict base64url "x", a canonical point
// of prime order), so their verification does no key parsing; RSA, EC and
// HMAC keys are parsed by the platform (js/platform*.js). keyMaterial() turns
// any key form a verify call accepts -- a PublicKey, a JWK object, a Node
// KeyObject, a CryptoKey (async only) or a Uint8Array secret -- into what a
// verify request carries (js/verify.js): the key's kind for the core's rules,
// and its source for the platform.
import { Algorithms, KeyForm, KeyOps, KeyType } from './core-constants.js';
import { JOSENotSupported, JWKInvalid } from './errors.js';
import { base64urlBytes, cacheIdentity, cryptoKeyKind, isEdDSA, isObject, jwkKind, keyObjectKind, ktyOf } from './key-kinds.js';
import { importingPlatform, platformAsync } from './platform.js';
import { cacheSizeFromOptions } from './signature-cache.js';
import { errorFor, Status } from './status.js';
import { importEd25519 } from './transfer.js';

const materials = new WeakMap();
const ED25519 = { type: KeyType.ed25519, bits: 0 };
const asKeyObject = { form: KeyForm.key_object, alg: '', use: '', keyOps: KeyOps.absent };

/** An imported public key. Opaque: nothing to free, safe to share. */
export class PublicKey {
  type = 'public';
  algorithm;
  constructor(name) {
    this.algorithm = Object.freeze({ name });
  }
  get [Symbol.toStringTag]() {
    return 'PublicKey';
  }
}

function checked(result, operation) {
  if (result.status !== Status.ok) throw errorFor(result, operation);
  return result.publicKey;
}

// A key with a verified-signature cache: the core keys its entries by an
// Ed25519 key's bytes, or by a platform key's identity (its public members).
function makeKey(material, name, options) {
  const key = Object.freeze(new PublicKey(name));
  const cacheSize = cacheSizeFromOptions(options);
  const cacheKey = cacheSize && material.source ? cacheIdentity(material.source) : undefined;
  materials.set(key, { ...asKeyObject, ...material, cacheSize, cacheKey });
  return key;
}

// jose's normalizeJwk checks, then what a verification key must be.
function checkJwk(jwk) {
  if (jwk.ext !== undefined && typeof jwk.ext !== 'boolean') throw new TypeError('"ext" (Extractable) Parameter must be a boolean');
  const ops = jwk.key_ops;
  if (ops !== undefined && (!Array.isArray(ops) || ops.some((op) => typeof op !== 'string') || new Set(ops).size !== ops.length)) {
    throw new TypeError('"key_ops" (Key Operations) Parameter must be an array of unique strings');
  }
  if (typeof jwk.kty !== 'string') throw new TypeError('JSON Web Key must have a "kty" (Key Type) Parameter');
  if (!['OKP', 'RSA', 'EC', 'oct'].includes(jwk.kty)) throw new JOSENotSupported(`JWK "kty" ${jwk.kty} is not supported`);
  if (jwk.kty === 'OKP' && jwk.crv !== 'Ed25519') throw new JOSENotSupported('an OKP JWK must have "crv" "Ed25519"');
  if (jwk.d !== undefined) throw new TypeError('JSON Web Key for this operation must be a public JWK');
  if (jwk.kty === 'oct' && typeof jwk.k !== 'string') throw new TypeError('missing "k" (Key Value) Parameter value');
}

// What a JWK is: an Ed25519 key checked by the core, or the kind and public
// members of a key the platform will parse.
function jwkKey(jwk) {
  checkJwk(jwk);
  if (jwk.kty === 'OKP') {
    if (typeof jwk.x !== 'string') throw new JWKInvalid('JWK "x" (X Coordinate) Parameter must be a string');
    return { kind: ED25519, publicKey: checked(importEd25519.jwkX(jwk.x), 'key') };
  }
  const { kty, n, e, crv, x, y, k } = jwk;
  return { kind: jwkKind(jwk), source: { kty, n, e, crv, x, y, k } };
}

/** jose's importJWK. `options.cache = { size }` turns on the verified-signature cache. */
export async function importJWK(jwk, alg, options) {
  const key = importJWKSync(jwk, alg, options);
  if (key instanceof PublicKey && key.algorithm.name !== 'Ed25519') {
    const material = materials.get(key);
    try {
      await (await platformAsync(material)).prepare(material, alg ?? jwk.alg);
    } catch (cause) {
      throw new JWKInvalid('the platform refused the JWK\'s key material', { cause });
    }
  }
  return key;
}

export function importJWKSync(jwk, alg, options) {
  if (!isObject(jwk)) throw new TypeError('JWK must be an object');
  alg ??= jwk.alg;
  if (jwk.kty !== 'oct' && !alg) throw new TypeError('"alg" argument is required when "jwk.alg" is not present');
  const entry = Algorithms[alg];
  if (jwk.kty !== 'oct' && (!entry || ktyOf(entry.keyType) !== jwk.kty)) {
    throw new JOSENotSupported('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
  }
  const material = jwkKey(jwk);
  if (jwk.kty === 'oct') return base64urlBytes(jwk.k);
  const refusal = usageRefusal(jwk, alg);
  if (refusal) throw new JWKInvalid(refusal);
  if (material.kind.type !== entry.keyType) throw new JOSENotSupported(`the JWK is not a key for ${alg}`);
  return makeKey(material, nameOf(alg), options);
}

const nameOf = (alg) => (isEdDSA(alg) ? 'Ed25519' : alg);

// The rules a JWK passed directly meets at verification (the core's
// keys::check_usage), applied at import for the alg it is imported for: a key
// published for encryption, or for another algorithm, never becomes a
// verification key. jose lets some of these through importJWK (it drops "use"),
// so the class is JWKInvalid, as for every other unusable JWK.
function usageRefusal(jwk, alg) {
  if (jwk.use !== undefined && jwk.use !== 'sig') return 'the JWK\'s "use" must be "sig" when present';
  if (jwk.alg !== undefined && jwk.alg !== alg) return `the JWK's "alg" must be "${alg}" when present`;
  if (keyOpsOf(jwk) === KeyOps.excludes_verify) return 'the JWK\'s "key_ops" must include "verify" when present';
  return undefined;
}

const keyOpsOf = (jwk) =>
  jwk.key_ops === undefined ? KeyOps.absent : jwk.key_ops.includes('verify') ? KeyOps.includes_verify : KeyOps.excludes_verify;

// A PEM public key or certificate for an asymmetric alg: Ed25519 by the core
// (a certificate's key through the platform), RSA and EC by the platform.
async function importPem(pem, alg, options) {
  const entry = Algorithms[alg];
  if (!entry || entry.keyType === KeyType.oct) throw new JOSENotSupported('Invalid or unsupported "alg" (Algorithm) value');
  if (isEdDSA(alg) && pem.startsWith('-----BEGIN PUBLIC KEY-----')) {
    return makeKey({ kind: ED25519, publicKey: checked(importEd25519.spkiPem(pem), 'spki') }, 'Ed25519', options);
  }
  const { source, kind } = await (await importingPlatform()).importSpki(pem, alg);
  if (kind.type !== entry.keyType) throw new JOSENotSupported(`the key is not a key for ${alg}`);
  const material = kind.type === KeyType.ed25519 ? await cryptoOrObjectEd25519(source)
    : { kind, source: source[Symbol.toStringTag] === 'CryptoKey' && options?.cache ? await exportedJwk(source) : source };
  return makeKey(material, nameOf(alg), options);
}

/** jose's importSPKI for a "PUBLIC KEY" PEM: Ed25519 (strict DER, RFC 8410), RSA, EC. */
export async function importSPKI(spki, alg, options) {
  if (typeof spki !== 'string' || spki.indexOf('-----BEGIN PUBLIC KEY-----') !== 0) {
    throw new TypeError('"spki" must be SPKI formatted string');
  }
  return importPem(spki, alg, options);
}

/** jose's importX509: the public key of a "CERTIFICATE" PEM. */
export async function importX509(x509, alg, options) {
  if (typeof x509 !== 'string' || x509.indexOf('-----BEGIN CERTIFICATE-----') !== 0) {
    throw new TypeError('"x509" must be X.509 formatted string');
  }
  return importPem(x509, alg, options);
}

function jwkMaterial(jwk) {
  let material = materials.get(jwk);
  if (!material) {
    // Present but not a string: the core's rule fails on it as jose's does.
    const member = (value) => (value === undefined ? '' : String(value));
    material = { ...jwkKey(jwk), form: KeyForm.jwk, alg: member(jwk.alg), use: member(jwk.use), keyOps: keyOpsOf(jwk), cacheSize: 0 };
    materials.set(jwk, material);
  }
  return material;
}

function platformMaterial(source, kind) {
  if (kind.type === KeyType.none) throw new TypeError('the key is not an Ed25519, RSA, EC (P-256, P-384, P-521) or HMAC key');
  return { ...asKeyObject, kind, source, cacheSize: 0 };
}

// jose (on Node 20, which has no KeyObject.toCryptoKey) checks a KeyObject as
// the JWK it exports, so its errors for another alg's key are a JWK's.
function keyObjectMaterial(key) {
  let material = materials.get(key);
  if (!material) {
    if (key.type === 'private') throw new TypeError('KeyObject instances must be of type "public" for verification');
    const kind = keyObjectKind(key);
    material = kind.type === KeyType.ed25519 ? jwkMaterial(key.export({ format: 'jwk' })) : { ...platformMaterial(key, kind), form: KeyForm.jwk };
    materials.set(key, material);
  }
  return material;
}

/** What the core needs about `key`, for verify calls. Throws TypeError for anything else. */
export function keyMaterial(key) {
  if (key instanceof PublicKey) return materials.get(key);
  if (isObject(key)) return jwkMaterial(key);
  if (key instanceof Uint8Array) return platformMaterial(key, { type: KeyType.oct, bits: key.length * 8 });
  if (key?.[Symbol.toStringTag] === 'KeyObject') return keyObjectMaterial(key);
  if (key?.[Symbol.toStringTag] === 'CryptoKey') {
    throw new TypeError('a CryptoKey can only be used with the asynchronous jwtVerify/compactVerify');
  }
  throw new TypeError('Key must be one of type PublicKey (importJWK/importSPKI/importX509), KeyObject, CryptoKey, JSON Web Key, or Uint8Array');
}

// A WebCrypto key as the public JWK it exports (importPem makes them extractable),
// so that it has an identity in the verified-signature cache.
const exportedJwk = async (key) => {
  const { kty, n, e, crv, x, y } = await crypto.subtle.exportKey('jwk', key);
  return { kty, n, e, crv, x, y };
};

// An Ed25519 key the platform parsed, handed to the core as its raw bytes.
async function cryptoOrObjectEd25519(key) {
  const raw = key[Symbol.toStringTag] === 'CryptoKey'
    ? new Uint8Array(await crypto.subtle.exportKey('raw', key))
    : base64urlBytes(key.export({ format: 'jwk' }).x);
  return { kind: ED25519, publicKey: checked(importEd25519.raw(raw), 'key') };
}

/** keyMaterial for async callers, which may also pass a WebCrypto public or secret CryptoKey. */
export async function keyMaterialAsync(key) {
  if (key?.[Symbol.toStringTag] !== 'CryptoKey') return keyMaterial(key);
  if (key.type === 'private') throw new TypeError('CryptoKey instances must be of type "public" for verification');
  const kind = cryptoKeyKind(key);
  if (kind.type !== KeyType.ed25519) return platformMaterial(key, kind);
  return { ...asKeyObject, ...(await cryptoOrObjectEd25519(key)), cacheSize: 0 };
}
