// node:crypto as the platform for RSA, ECDSA and HMAC signatures: synchronous,
// so jwtVerifySync works in Node. Keys become KeyObjects once per key (JWKs,
// PEM, certificates, secrets). ECDSA signatures are JWS's raw r‖s
// ('ieee-p1363'); RSA-PSS uses a salt as long as the hash (RFC 7518 §3.5);
// HMACs compare in constant time. A certificate's key is found by js/x509.js,
// as in browsers, so that the same certificates are refused everywhere, with
// a TypeError. Node's entry (index.node.js) registers it.
import { constants, createHmac, createPublicKey, createSecretKey, timingSafeEqual, verify } from 'node:crypto';
import { Algorithms, Scheme } from './core-constants.js';
import { keyObjectKind } from './key-kinds.js';
import { certificateSpki } from './x509.js';

function keyObject(source) {
  if (source instanceof Uint8Array) return createSecretKey(source);
  if (source?.[Symbol.toStringTag] === 'KeyObject') return source;
  if (source.kty === 'oct') return createSecretKey(Buffer.from(source.k, 'base64url'));
  return createPublicKey({ key: source, format: 'jwk' });
}

export const nodePlatform = {
  /** The KeyObject for a JWK, KeyObject or secret; throws when the platform refuses the key. */
  prepare(material) {
    material.platformKey ??= keyObject(material.source);
    return material.platformKey;
  },
  /** A "PUBLIC KEY" or "CERTIFICATE" PEM: { source, kind }. */
  importSpki(pem) {
    const key = pem.startsWith('-----BEGIN CERTIFICATE-----')
      ? createPublicKey({ key: Buffer.from(certificateSpki(pem)), format: 'der', type: 'spki' })
      : createPublicKey(pem);
    return { source: key, kind: keyObjectKind(key) };
  },
  verify(material, alg, data, signature) {
    const { scheme, hashBits } = Algorithms[alg];
    const key = this.prepare(material);
    const hash = `sha${hashBits}`;
    try {
      if (scheme === Scheme.hmac) {
        const mac = createHmac(hash, key).update(data).digest();
        return mac.length === signature.length && timingSafeEqual(mac, signature);
      }
      const options =
        scheme === Scheme.rsa_pss ? { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: hashBits / 8 }
        : scheme === Scheme.ecdsa ? { key, dsaEncoding: 'ieee-p1363' }
        : key;
      return verify(hash, data, options, signature);
    } catch {
      return false;  // jose: any failure of the check is a failed verification
    }
  },
};
