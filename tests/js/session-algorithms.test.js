// TokenSession with a key that is not Ed25519: RS256 tokens (3 s lifetime)
// from a real local refresh endpoint, verified against a JWK Set holding the
// RSA key. The session keeps them fresh: every getToken() result verifies
// under jose with the RSA key, and refreshes come before expiry. Margins are
// generous (a loaded machine): 9 s of run time, at least 2 refreshes.
import assert from 'node:assert/strict';
import { generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import * as jose from 'jose';
import { createLocalJWKSet } from 'edjwt';
import { assertRefreshedBeforeExpiry, runFreshSession } from './support/fresh-session.js';

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');

test('an RS256 session against a JWK Set is kept fresh from a local refresh endpoint', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  let issued = 0;
  const { checks, adopted, errors } = await runFreshSession({
    key: createLocalJWKSet({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'rsa-1', alg: 'RS256' }] }),
    issue: () => {
      const iat = Math.floor(Date.now() / 1000);
      const input = `${b64u(JSON.stringify({ alg: 'RS256', kid: 'rsa-1' }))}.${b64u(JSON.stringify({ iat, exp: iat + 3, n: ++issued }))}`;
      return `${input}.${b64u(sign('sha256', Buffer.from(input), privateKey))}`;
    },
    durationMs: 9_000,
    pauseMs: 100,
    check: async (token) => assert.equal((await jose.jwtVerify(token, publicKey)).protectedHeader.alg, 'RS256'),
  });
  assert.deepEqual(errors, []);
  assert.ok(checks > 30, `${checks} checks`);
  assert.ok(adopted.length >= 2, `${adopted.length} refreshes in 9 s`);
  assertRefreshedBeforeExpiry(adopted);
});
