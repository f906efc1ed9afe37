// What every consumer check verifies: a key's JWK Set and three tokens signed
// with node:crypto (independent of edjwt) -- one valid, one expired three
// hours ago, one whose claims were swapped after signing.
import { makeSigner } from '../../js/support/signing.js';

export function makeFixtureTokens() {
  const signer = makeSigner();
  const now = Math.floor(Date.now() / 1000);
  const header = { alg: 'EdDSA', typ: 'JWT', kid: 'consumer-key' };
  const claims = { sub: 'alice', iss: 'https://issuer.example', aud: 'consumer' };
  const valid = signer.sign(header, { ...claims, iat: now - 60, exp: now + 600 });
  const expired = signer.sign(header, { ...claims, iat: now - 4 * 3600, exp: now - 3 * 3600 });
  const [headerSegment, , signature] = valid.split('.');
  const forgedClaims = Buffer.from(JSON.stringify({ sub: 'mallory', exp: now + 600 })).toString('base64url');
  return {
    jwk: signer.jwk,
    jwks: { keys: [{ ...signer.jwk, kid: 'consumer-key', alg: 'EdDSA', use: 'sig' }] },
    pem: signer.publicKey.export({ type: 'spki', format: 'pem' }),
    tokens: { valid, expired, tampered: `${headerSegment}.${forgedClaims}.${signature}` },
  };
}
