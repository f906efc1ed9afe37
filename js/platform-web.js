// WebCrypto as the platform for RSA, ECDSA and HMAC signatures (browsers,
// workers, and CryptoKeys anywhere): asynchronous. A CryptoKey is bound to one
// algorithm, so keys are imported per alg and kept; a CryptoKey given by the
// caller must already be that algorithm's, as jose requires. It also imports
// PEM keys and certificates, Ed25519 ones included (their raw bytes then go to
// the core: js/keys.js); js/x509.js, which finds a certificate's key, loads
// on the first certificate, so apps with JWKs or SPKI never fetch it.
import { Algorithms, Scheme } from './core-constants.js';
import { base64urlBytes, cryptoKeyKind, curveName } from './key-kinds.js';

const NAMES = { [Scheme.eddsa]: 'Ed25519', [Scheme.hmac]: 'HMAC', [Scheme.rsa_pkcs1]: 'RSASSA-PKCS1-v1_5', [Scheme.rsa_pss]: 'RSA-PSS', [Scheme.ecdsa]: 'ECDSA' };

// [import parameters, verify parameters] of an alg.
function parameters(alg) {
  const { scheme, hashBits, keyType } = Algorithms[alg];
  const name = NAMES[scheme];
  const hash = `SHA-${hashBits}`;
  if (scheme === Scheme.eddsa) return [{ name }, { name }];
  if (scheme === Scheme.ecdsa) return [{ name, namedCurve: curveName(keyType) }, { name, hash }];
  return [{ name, hash }, scheme === Scheme.rsa_pss ? { name, saltLength: hashBits / 8 } : { name }];
}

function checkCryptoKey(key, expected) {
  const { name, hash, namedCurve } = key.algorithm;
  for (const [property, actual, wanted] of [['name', name, expected.name], ['hash', hash?.name, expected.hash], ['namedCurve', namedCurve, expected.namedCurve]]) {
    if (wanted !== undefined && actual !== wanted) {
      throw new TypeError(`CryptoKey does not support this operation, its algorithm.${property} must be ${wanted}`);
    }
  }
  if (!key.usages.includes('verify')) throw new TypeError('CryptoKey does not support this operation, its usages must include verify.');
  return key;
}

function importKey(source, alg) {
  const [algorithm] = parameters(alg);
  if (source?.[Symbol.toStringTag] === 'CryptoKey') return checkCryptoKey(source, algorithm);
  if (source instanceof Uint8Array) return crypto.subtle.importKey('raw', source, algorithm, false, ['verify']);
  if (source.spki) return crypto.subtle.importKey('spki', source.spki, algorithm, true, ['verify']);
  const { kty, n, e, crv, x, y, k } = source;
  return crypto.subtle.importKey('jwk', { kty, n, e, crv, x, y, k }, algorithm, false, ['verify']);
}

export const webPlatform = {
  /** The CryptoKey for `alg` (a Promise until imported); rejects when WebCrypto refuses the key. */
  prepare(material, alg) {
    material.platformKeys ??= new Map();
    const key = material.platformKeys.get(alg);
    if (key) return key;
    return Promise.resolve(importKey(material.source, alg)).then((imported) => (material.platformKeys.set(alg, imported), imported));
  },
  /** A "PUBLIC KEY" or "CERTIFICATE" PEM for `alg`: { source, kind }. */
  async importSpki(pem, alg) {
    const der = pem.startsWith('-----BEGIN CERTIFICATE-----')
      ? (await import('./x509.js')).certificateSpki(pem)
      : base64urlBytes(pem.replace(/-----[A-Z ]+-----|\s/g, ''));
    const key = await importKey({ spki: der }, alg);
    return { source: key, kind: cryptoKeyKind(key) };
  },
  async verify(material, alg, data, signature) {
    const prepared = this.prepare(material, alg);
    const key = prepared instanceof Promise ? await prepared : prepared;
    try {
      return await crypto.subtle.verify(parameters(alg)[1], key, signature, data);
    } catch {
      return false;
    }
  },
};
