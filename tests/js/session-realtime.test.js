// Real time, real HTTP: 2-second tokens from a local refresh endpoint for 20
// seconds. Every getToken() result verifies and is unexpired, and every
// refresh happens before the token it replaces expires.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { jwtVerify } from 'edjwt';
import { assertRefreshedBeforeExpiry, runFreshSession } from './support/fresh-session.js';
import { makeSigner } from './support/signing.js';

test('2 s tokens over 20 s: always verified and unexpired, refreshed before expiry', async () => {
  const signer = makeSigner();
  let issued = 0;
  const { checks, adopted, errors } = await runFreshSession({
    key: signer.jwk,
    issue: () => {
      const iat = Math.floor(Date.now() / 1000);
      return signer.sign({ alg: 'EdDSA' }, { iat, exp: iat + 2, nbf: iat, n: ++issued });
    },
    durationMs: 20_000,
    pauseMs: 97,
    check: (token) => jwtVerify(token, signer.jwk),  // verified and unexpired, by jose's rules, right now
  });
  assert.deepEqual(errors, []);
  assert.ok(checks > 150, `${checks} checks`);
  assert.ok(adopted.length >= 10, `${adopted.length} refreshes in 20 s`);
  assertRefreshedBeforeExpiry(adopted);
});
