// What a platform key is, in the core's terms ({ type: KeyType, bits }): read
// from a JWK's kty/crv/n, a Node KeyObject's asymmetricKeyType and details, or
// a WebCrypto CryptoKey's algorithm; a key's identity in the verified-signature
// cache; and the small predicates the key modules share (isObject, isEdDSA).
// The names here are the platforms' own vocabulary (JOSE, OpenSSL, WebCrypto);
// the numbers come from the core.
import { Algorithms, KeyType, Scheme } from './core-constants.js';
import { JOSENotSupported } from './errors.js';

export const isObject = (value) =>
  typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Object]';

export const isEdDSA = (alg) => Algorithms[alg]?.scheme === Scheme.eddsa;

const curves = [
  [KeyType.ec_p256, 'P-256', 'prime256v1'],
  [KeyType.ec_p384, 'P-384', 'secp384r1'],
  [KeyType.ec_p521, 'P-521', 'secp521r1'],
];
const curveType = (name) => curves.find((curve) => curve.includes(name))?.[0];

/** The JOSE/WebCrypto curve name of an EC key type. */
export const curveName = (type) => curves.find(([entry]) => entry === type)?.[1];

/** The JWK "kty" each key type has (RFC 7518 §6.1, RFC 8037). */
export const ktyOf = (type) => ({ [KeyType.ed25519]: 'OKP', [KeyType.rsa]: 'RSA', [KeyType.oct]: 'oct' })[type] ?? (curveName(type) ? 'EC' : undefined);

// The bit length of a big-endian base64url integer (an RSA modulus).
function bitLength(text) {
  const bytes = base64urlBytes(text);
  let first = 0;
  while (first < bytes.length && bytes[first] === 0) first++;
  return first === bytes.length ? 0 : (bytes.length - first) * 8 - Math.clz32(bytes[first]) + 24;
}

/** Bytes of base64url text, as jose decodes it (the core checks what must be strict). */
export function base64urlBytes(text) {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  // A plain loop: Uint8Array.from(binary, mapFn) walks the string's iterator, 25 µs for an RSA signature.
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

/**
 * A platform key's identity in the core's verified-signature cache: its public
 * members (a KeyObject's as it exports them), one text per key.
 */
export function cacheIdentity(source) {
  const { kty, crv, n, e, x, y } = source[Symbol.toStringTag] === 'KeyObject' ? source.export({ format: 'jwk' }) : source;
  return JSON.stringify([kty, crv, n, e, x, y]);
}

/** The kind of an RSA, EC or oct JWK; JOSENotSupported for another curve. */
export function jwkKind(jwk) {
  if (jwk.kty === 'RSA') return { type: KeyType.rsa, bits: typeof jwk.n === 'string' ? bitLength(jwk.n) : 0 };
  if (jwk.kty === 'oct') return { type: KeyType.oct, bits: typeof jwk.k === 'string' ? base64urlBytes(jwk.k).length * 8 : 0 };
  const type = curveType(jwk.crv);
  if (jwk.kty !== 'EC' || type === undefined) throw new JOSENotSupported('Unsupported "kty" or "crv" (Curve) Parameter value');
  return { type, bits: 0 };
}

/** The kind of a Node KeyObject (public or secret). */
export function keyObjectKind(key) {
  if (key.type === 'secret') return { type: KeyType.oct, bits: key.symmetricKeySize * 8 };
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa') return { type: KeyType.rsa, bits: details.modulusLength };
  if (key.asymmetricKeyType === 'ec') return { type: curveType(details.namedCurve) ?? KeyType.none, bits: 0 };
  return { type: key.asymmetricKeyType === 'ed25519' ? KeyType.ed25519 : KeyType.none, bits: 0 };
}

/** The kind of a WebCrypto CryptoKey. */
export function cryptoKeyKind(key) {
  const { name, namedCurve, modulusLength, length } = key.algorithm;
  if (name === 'RSASSA-PKCS1-v1_5' || name === 'RSA-PSS') return { type: KeyType.rsa, bits: modulusLength };
  if (name === 'ECDSA') return { type: curveType(namedCurve) ?? KeyType.none, bits: 0 };
  if (name === 'HMAC') return { type: KeyType.oct, bits: length };
  return { type: name === 'Ed25519' ? KeyType.ed25519 : KeyType.none, bits: 0 };
}
