// The verified-signature cache: a token verified again skips the signature
// math (the core's, or the platform's for RSA and EC keys), but claims are
// checked on every call. Its bounds and eviction order are specified with the
// core (tests/core/verified_signatures_test.cpp).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalJWKSet, errors, importJWK, jwtVerify, jwtVerifySync } from 'edjwt';
import { makeAlgorithmCases } from './support/algorithm-cases.js';
import { makeSigner } from './support/signing.js';

const signer = makeSigner();

test('claims are still checked on a cache hit', async () => {
  const key = await importJWK(signer.jwk, 'EdDSA', { cache: { size: 10 } });
  const token = signer.sign({ alg: 'EdDSA' }, { exp: 1000 });
  assert.ok(jwtVerifySync(token, key, { currentDate: new Date(999_000) }));
  assert.throws(() => jwtVerifySync(token, key, { currentDate: new Date(1_000_000) }), errors.JWTExpired);
});

test('only a verified signature is remembered: a forged twin of a cached token still fails', async () => {
  const key = await importJWK(signer.jwk, 'EdDSA', { cache: { size: 10 } });
  const token = signer.sign({ alg: 'EdDSA' }, { a: 1 });
  jwtVerifySync(token, key);
  const forged = `${token.split('.').slice(0, 2).join('.')}.${'A'.repeat(86)}`;
  assert.throws(() => jwtVerifySync(forged, key), errors.JWSSignatureVerificationFailed);
  assert.throws(() => jwtVerifySync(forged, key), errors.JWSSignatureVerificationFailed);
});

test('the cache is per key: another key does not inherit its entries', async () => {
  const cached = await importJWK(signer.jwk, 'EdDSA', { cache: { size: 10 } });
  const other = makeSigner();
  const token = signer.sign({ alg: 'EdDSA' }, { a: 1 });
  jwtVerifySync(token, cached);
  await assert.rejects(jwtVerify(token, other.jwk), errors.JWSSignatureVerificationFailed);
});

test('sets pass the option to their members', async () => {
  const set = createLocalJWKSet({ keys: [{ ...signer.jwk, kid: 'k' }] }, { cache: { size: 4 } });
  const token = signer.sign({ alg: 'EdDSA', kid: 'k' }, { a: 1 });
  assert.ok(await jwtVerify(token, set));
  assert.ok(await jwtVerify(token, set));
});

test('the size option is checked where the key is made', async () => {
  for (const cache of [null, 'big', { size: 0 }, { size: 1.5 }, { size: 2 ** 32 }]) {
    await assert.rejects(importJWK(signer.jwk, 'EdDSA', { cache }), TypeError);
  }
});

test('RSA and EC keys: a hit skips the platform check, a forged twin of a cached token never hits', async (t) => {
  const { nodePlatform } = await import('../../js/platform-node.js');
  const checks = t.mock.method(nodePlatform, 'verify');
  const cases = makeAlgorithmCases().filter((c) => c.name.endsWith('a valid token verifies') && /^(RS|PS|ES)/.test(c.alg));
  for (const c of cases) {
    const key = await importJWK(c.key, c.alg, { cache: { size: 4 } });
    const before = checks.mock.callCount();
    assert.equal(jwtVerifySync(c.token, key).payload.sub, 'alice');
    assert.equal((await jwtVerify(c.token, key)).payload.sub, 'alice');
    assert.equal(checks.mock.callCount() - before, 1, `${c.alg}: one platform check for two verifications`);
    const [header, payload, signature] = c.token.split('.');
    const forged = `${header}.${payload}.${signature.slice(0, -4)}${signature.slice(-4) === 'AAAA' ? 'AAAQ' : 'AAAA'}`;
    assert.throws(() => jwtVerifySync(forged, key), errors.JWSSignatureVerificationFailed, c.alg);
    assert.equal(checks.mock.callCount() - before, 2, `${c.alg}: the forged token went to the platform`);
  }
});
