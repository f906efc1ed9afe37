// Signing keys. One current Ed25519 key signs; after a rotation the previous
// key stays published and accepted until the last token it signed can no
// longer verify, so rotating never cuts a live session short. A key's kid is
// its RFC 7638 JWK thumbprint, so it names the key material itself.
import { createHash, generateKeyPairSync } from 'node:crypto';

function newKey() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const { crv, kty, x } = publicKey.export({ format: 'jwk' });
  // RFC 7638 §3: the required members, in lexicographic order, no whitespace.
  const kid = createHash('sha256').update(JSON.stringify({ crv, kty, x })).digest('base64url');
  return { kid, privateKey, publicKey, jwk: { kty, crv, x, kid, alg: 'EdDSA', use: 'sig' }, retiresAt: Infinity };
}

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
    current: () => keys[0],
    find: (kid) => live().find((key) => key.kid === kid),
    jwks: () => ({ keys: live().map((key) => key.jwk) }),
    /** Makes a new key current; returns it and the key it replaced. */
    rotate() {
      const previous = keys[0];
      previous.retiresAt = now() + retireAfterMs;
      keys = [newKey(), ...live()];
      return { current: keys[0], previous };
    },
  };
}
