// Signing keys. One current Ed25519 key signs; after a rotation the previous
// key stays published and accepted until the last token it signed can no
// longer verify, so rotating never cuts a live session short. A key's kid is
// its RFC 7638 JWK thumbprint, so it names the key material itself.
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';

function keyOf(privateKey, retiresAt = Infinity) {
  const publicKey = createPublicKey(privateKey);
  const { crv, kty, x } = publicKey.export({ format: 'jwk' });
  // RFC 7638 §3: the required members, in lexicographic order, no whitespace.
  const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
  return { kid, privateKey, publicKey, jwk: { kty, crv, x, kid, alg: 'EdDSA', use: 'sig' }, retiresAt };
}

export const newKey = () => keyOf(generateKeyPairSync('ed25519').privateKey);

/** A key as stored outside the process: its PKCS#8 encoding, base64. */
export const exportPrivateKey = (key) => key.privateKey.export({ format: 'der', type: 'pkcs8' }).toString('base64');

export const importPrivateKey = (pkcs8, retiresAt) =>
  keyOf(createPrivateKey({ key: Buffer.from(pkcs8, 'base64'), format: 'der', type: 'pkcs8' }), retiresAt);

/** The key among `keys` (current first) that `kid` names, and the JWKS that publishes them. */
export const findKey = (keys, kid) => keys.find((key) => key.kid === kid);
export const jwksOf = (keys) => ({ keys: keys.map((key) => key.jwk) });

/**
 * `retireAfterMs`: how long a replaced key stays published, i.e. the longest
 * a token signed just before the rotation stays acceptable.
 */
export function createKeyStore({ now, retireAfterMs }) {
  let keys = [newKey()]; // the current key first

  function live() {
    const time = now();
    keys = keys.filter((key) => key.retiresAt > time);
    return keys;
  }

  return {
    live,
    /** Makes a new key current; returns it and the key it replaced. */
    rotate() {
      const previous = keys[0];
      previous.retiresAt = now() + retireAfterMs;
      keys = [newKey(), ...live()];
      return { current: keys[0], previous };
    },
  };
}
