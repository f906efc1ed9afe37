// JWK Sets behave as jose's: local selection by kid/alg/kty/crv/use/key_ops, and
// remote sets against a real local HTTP server -- rotation, unknown kid,
// cooldown, timeout, malformed JSON, 500s, one shared in-flight fetch.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import * as jose from 'jose';
import { createLocalJWKSet, createRemoteJWKSet, errors, jwtVerify, jwtVerifySync } from 'edjwt';
import { makeSigner } from './support/signing.js';

const a = makeSigner();
const b = makeSigner();
const tokenBy = (signer, kid, alg = 'EdDSA') => signer.sign({ alg, kid }, { sub: kid ?? 'none' });

describe('createLocalJWKSet', () => {
  const set = createLocalJWKSet({ keys: [{ ...a.jwk, kid: 'a' }, { ...b.jwk, kid: 'b', use: 'sig', key_ops: ['verify'] }] });

  test('selects by kid', async () => {
    assert.equal((await jwtVerify(tokenBy(a, 'a'), set)).payload.sub, 'a');
    assert.equal(jwtVerifySync(tokenBy(b, 'b'), set).payload.sub, 'b');
  });

  test('an unknown kid is JWKSNoMatchingKey; no kid with two candidates is JWKSMultipleMatchingKeys', async () => {
    await assert.rejects(jwtVerify(tokenBy(a, 'zzz'), set), errors.JWKSNoMatchingKey);
    await assert.rejects(jwtVerify(tokenBy(a, undefined), set), errors.JWKSMultipleMatchingKeys);
  });

  test('the multiple-match error iterates the candidates, as jose lets callers retry each', async () => {
    const error = await jwtVerify(tokenBy(a, undefined), set).catch((e) => e);
    let verified = 0;
    for await (const key of error) {
      if (await jwtVerify(tokenBy(a, undefined), key).then(() => true, () => false)) verified++;
    }
    assert.equal(verified, 1);
  });

  test('members that cannot verify the alg, or may not (use, key_ops, alg, crv), are not candidates', async () => {
    const strict = createLocalJWKSet({ keys: [
      { ...a.jwk, kid: 'enc', use: 'enc' },
      { ...a.jwk, kid: 'ops', key_ops: ['sign'] },
      { ...a.jwk, kid: 'alg', alg: 'Ed25519' },
      { ...a.jwk, kid: 'crv', crv: 'Ed448' },
      { kty: 'RSA', kid: 'rsa', n: 'AQAB', e: 'AQAB' },
    ] });
    for (const kid of ['enc', 'ops', 'alg', 'crv', 'rsa']) {
      await assert.rejects(jwtVerify(tokenBy(a, kid), strict), errors.JWKSNoMatchingKey, kid);
    }
    assert.equal((await jwtVerify(tokenBy(a, 'alg', 'Ed25519'), strict)).payload.sub, 'alg');
  });

  test('a secret or unknown alg is JOSENotSupported, as in jose', async () => {
    await assert.rejects(jwtVerify(tokenBy(a, 'a', 'HS256'), set), errors.JOSENotSupported);
    await assert.rejects(jwtVerify(tokenBy(a, 'a', 'none'), set), errors.JOSENotSupported);
  });

  test('a malformed set is JWKSInvalid; a private member is JWKSInvalid when selected', async () => {
    for (const bad of [null, {}, { keys: {} }, { keys: [1] }, { keys: [() => {}] }]) {
      assert.throws(() => createLocalJWKSet(bad), errors.JWKSInvalid);
      assert.throws(() => jose.createLocalJWKSet(bad), jose.errors.JWKSInvalid);
    }
    const withPrivate = createLocalJWKSet({ keys: [{ ...a.jwk, kid: 'p', d: 'AAAA' }] });
    await assert.rejects(jwtVerify(tokenBy(a, 'p'), withPrivate), errors.JWKSInvalid);
  });

  test('jwks() returns a copy of the set', () => {
    const copy = set.jwks();
    copy.keys.length = 0;
    assert.equal(set.jwks().keys.length, 2);
  });
});

describe('createRemoteJWKSet against a local server', () => {
  let server;
  let base;
  const state = { keys: [{ ...a.jwk, kid: 'a' }], status: 200, body: undefined, delayMs: 0, requests: 0 };

  before(async () => {
    server = createServer((req, res) => {
      state.requests++;
      setTimeout(() => {
        res.writeHead(state.status, { 'content-type': 'application/json' });
        res.end(state.body ?? JSON.stringify({ keys: state.keys }));
      }, state.delayMs);
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${server.address().port}`;
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  const reset = (changes = {}) => Object.assign(state, { keys: [{ ...a.jwk, kid: 'a' }], status: 200, body: undefined, delayMs: 0, requests: 0 }, changes);

  test('verifies with a fetched key and caches the set', async () => {
    reset();
    const set = createRemoteJWKSet(new URL(`${base}/jwks-1`));
    assert.equal((await jwtVerify(tokenBy(a, 'a'), set)).payload.sub, 'a');
    assert.equal((await jwtVerify(tokenBy(a, 'a'), set)).payload.sub, 'a');
    assert.equal(state.requests, 1);
    assert.equal(set.fresh, true);
  });

  test('concurrent verifications share one in-flight fetch', async () => {
    reset({ delayMs: 50 });
    const set = createRemoteJWKSet(new URL(`${base}/jwks-2`));
    const results = await Promise.all(Array.from({ length: 20 }, () => jwtVerify(tokenBy(a, 'a'), set)));
    assert.equal(results.length, 20);
    assert.equal(state.requests, 1);
  });

  test('key rotation: an unknown kid refetches once, then finds the new key', async () => {
    reset();
    const set = createRemoteJWKSet(new URL(`${base}/jwks-3`), { cooldownDuration: 0 });
    await jwtVerify(tokenBy(a, 'a'), set);
    state.keys = [{ ...a.jwk, kid: 'a' }, { ...b.jwk, kid: 'b' }];
    assert.equal((await jwtVerify(tokenBy(b, 'b'), set)).payload.sub, 'b');
    assert.equal(state.requests, 2);
  });

  test('an unknown kid during the cooldown does not refetch', async () => {
    reset();
    const set = createRemoteJWKSet(new URL(`${base}/jwks-4`), { cooldownDuration: 60_000 });
    await jwtVerify(tokenBy(a, 'a'), set);
    await assert.rejects(jwtVerify(tokenBy(b, 'unknown'), set), errors.JWKSNoMatchingKey);
    await assert.rejects(jwtVerify(tokenBy(b, 'unknown'), set), errors.JWKSNoMatchingKey);
    assert.equal(state.requests, 1);
    assert.equal(set.coolingDown, true);
  });

  test('a slow server is JWKSTimeout', async () => {
    reset({ delayMs: 300 });
    const set = createRemoteJWKSet(new URL(`${base}/jwks-5`), { timeoutDuration: 50 });
    await assert.rejects(jwtVerify(tokenBy(a, 'a'), set), errors.JWKSTimeout);
  });

  test('a 500 is JOSEError ERR_JOSE_GENERIC, as in jose', async () => {
    reset({ status: 500 });
    const ours = await jwtVerify(tokenBy(a, 'a'), createRemoteJWKSet(new URL(`${base}/jwks-6`))).catch((e) => e);
    const theirs = await jose.jwtVerify(tokenBy(a, 'a'), jose.createRemoteJWKSet(new URL(`${base}/jwks-6b`))).catch((e) => e);
    assert.equal(ours.constructor.name, 'JOSEError');
    assert.equal(ours.code, theirs.code);
  });

  test('malformed JSON is JOSEError; a JSON body that is not a set is JWKSInvalid', async () => {
    reset({ body: '{"keys": [' });
    await assert.rejects(jwtVerify(tokenBy(a, 'a'), createRemoteJWKSet(new URL(`${base}/jwks-7`))), (e) => e.constructor.name === 'JOSEError');
    reset({ body: '{"keys": 5}' });
    await assert.rejects(jwtVerify(tokenBy(a, 'a'), createRemoteJWKSet(new URL(`${base}/jwks-8`))), errors.JWKSInvalid);
  });

  test('remote sets are async-only: jwtVerifySync refuses them with TypeError', () => {
    assert.throws(() => jwtVerifySync(tokenBy(a, 'a'), createRemoteJWKSet(new URL(`${base}/jwks-9`))), TypeError);
  });

  test('option checks match jose', () => {
    assert.throws(() => createRemoteJWKSet(`${base}/x`), TypeError);
    assert.throws(() => createRemoteJWKSet(new URL(base), { timeoutDuration: -1 }), TypeError);
    assert.throws(() => createRemoteJWKSet(new URL(base), { cooldownDuration: NaN }), TypeError);
  });
});
