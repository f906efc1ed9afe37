// getExpiry and isExpired: times as Dates, time left, lifetime, and "expired"
// exactly when jose's jwtVerify would say the token expired.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jose from 'jose';
import { errors, getExpiry, isExpired } from 'edjwt';
import { makeSigner } from './support/signing.js';

const signer = makeSigner();
const token = signer.sign({ alg: 'EdDSA' }, { iat: 1000, nbf: 1000, exp: 1300 });

test('reports the times, time left and lifetime', () => {
  const e = getExpiry(token, { currentDate: new Date(1100_000) });
  assert.deepEqual(e, {
    expiresAt: new Date(1300_000), notBefore: new Date(1000_000), issuedAt: new Date(1000_000),
    expiresInMs: 200_000, lifetimeMs: 300_000, expired: false, notYetValid: false, state: 'valid',
  });
});

test('takes a claims object too, and absent claims are null', () => {
  assert.deepEqual(getExpiry({ sub: 'x' }), { expiresAt: null, notBefore: null, issuedAt: null, expiresInMs: null, lifetimeMs: null, expired: false, notYetValid: false, state: 'valid' });
});

test('state moves from not yet valid to valid, expiring and expired', () => {
  const at = (s) => getExpiry(token, { currentDate: new Date(s * 1000) }).state;
  assert.deepEqual([at(999), at(1100), at(1250), at(1300)], ['not_yet_valid', 'valid', 'expiring', 'expired']);
});

test('expired agrees with jose at every second around exp, with and without tolerance', async () => {
  for (const clockTolerance of [undefined, 5, '10s']) {
    for (let s = 1290; s <= 1315; s++) {
      const currentDate = new Date(s * 1000 + 500);
      const joseExpired = await jose.jwtVerify(token, signer.jwk, { currentDate, clockTolerance }).then(() => false, (e) => e.code === 'ERR_JWT_EXPIRED');
      assert.equal(isExpired(token, { currentDate, clockTolerance }), joseExpired, `t=${s}.5 tolerance=${clockTolerance}`);
    }
  }
});

test('a clock offset shifts "now" onto the issuer\'s clock', () => {
  assert.equal(isExpired(token, { currentDate: new Date(1200_000), clockOffset: 200_000 }), true);
  assert.equal(getExpiry(token, { currentDate: new Date(1200_000), clockOffset: -100_000 }).expiresInMs, 200_000);
});

test('an exp of the wrong type is an error, not a silent default', () => {
  const bad = signer.sign({ alg: 'EdDSA' }, { exp: '1300' });
  assert.throws(() => getExpiry(bad), (e) => e instanceof errors.JWTClaimValidationFailed && /"exp" claim must be a number/.test(e.message));
});

test('malformed input is JWTInvalid or TypeError', () => {
  assert.throws(() => isExpired('a.b'), errors.JWTInvalid);
  assert.throws(() => isExpired(5), errors.JWTInvalid);
  assert.throws(() => getExpiry(5), TypeError);
  assert.throws(() => getExpiry(token, { currentDate: 5 }), TypeError);
});
