// A JWK's "use", "key_ops" and "alg" decide whether it may verify, and they
// decide it the same way on every path that takes a JWK: passed directly,
// through importJWK, in a local or remote set, and given to a TokenSession.
// importJWK refuses what the direct path refuses; where jose's importJWK
// fails with a jose class, edjwt's fails with the same class.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { after, before, describe, test } from 'node:test';
import * as jose from 'jose';
import { createLocalJWKSet, createRemoteJWKSet, errors, importJWK, jwtVerify, jwtVerifySync, TokenSession } from 'edjwt';
import { makeSigner } from './support/signing.js';

const signer = makeSigner();
const token = signer.sign({ alg: 'EdDSA' }, { sub: 'u' });

// Each member alone, then combinations; `refusedFor` names the rule broken, if any.
const members = [
  { extra: {}, refusedFor: null },
  { extra: { use: 'sig' }, refusedFor: null },
  { extra: { use: 'enc' }, refusedFor: 'use' },
  { extra: { use: 1 }, refusedFor: 'use' },
  { extra: { key_ops: ['verify'] }, refusedFor: null },
  { extra: { key_ops: ['sign'] }, refusedFor: 'key_ops' },
  { extra: { key_ops: ['encrypt'] }, refusedFor: 'key_ops' },
  { extra: { key_ops: [] }, refusedFor: 'key_ops' },
  { extra: { alg: 'EdDSA' }, refusedFor: null },
  { extra: { alg: 'Ed25519' }, refusedFor: 'alg' },
  { extra: { alg: 'RS256' }, refusedFor: 'alg' },
  { extra: { alg: 5 }, refusedFor: 'alg' },
  { extra: { use: 'sig', key_ops: ['verify'], alg: 'EdDSA' }, refusedFor: null },
  { extra: { use: 'enc', key_ops: ['verify'], alg: 'EdDSA' }, refusedFor: 'use' },
  { extra: { use: 'sig', key_ops: ['sign'], alg: 'EdDSA' }, refusedFor: 'key_ops' },
  { extra: { use: 'sig', key_ops: ['verify'], alg: 'RS256' }, refusedFor: 'alg' },
  { extra: { use: 'enc', key_ops: ['encrypt'], alg: 'ES256' }, refusedFor: 'use' },
];
const label = (extra) => JSON.stringify(extra);
const jwkWith = (extra) => ({ ...signer.jwk, ...extra });
const rule = (refusedFor) => new RegExp(`"${refusedFor}"`);

async function joseImportOutcome(jwk) {
  try {
    await jose.importJWK(jwk, 'EdDSA');
    return null;
  } catch (error) {
    return error;
  }
}

describe('importJWK(jwk, "EdDSA") applies the direct path\'s rules at import', () => {
  for (const { extra, refusedFor } of members) {
    test(`${label(extra)}: ${refusedFor ? `refused at import for its "${refusedFor}"` : 'imported and verifies'}`, async () => {
      const jwk = jwkWith(extra);
      if (!refusedFor) {
        assert.ok((await jwtVerify(token, await importJWK(jwk, 'EdDSA'))).payload);
        return;
      }
      const joseError = await joseImportOutcome(jwk);
      const expected = joseError instanceof jose.errors.JOSEError ? errors[joseError.constructor.name] : errors.JWKInvalid;
      await assert.rejects(importJWK(jwk, 'EdDSA'), (error) => error instanceof expected && rule(refusedFor).test(error.message));
    });
  }

  test('the JWK\'s own alg is the import alg when none is given: alg "Ed25519" imports; an alg jose does not map is JOSENotSupported', async () => {
    assert.ok(await importJWK(jwkWith({ alg: 'Ed25519' })));
    await assert.rejects(importJWK(jwkWith({ alg: 'RS256' })), errors.JOSENotSupported);
    await assert.rejects(jose.importJWK(jwkWith({ alg: 'RS256' })), jose.errors.JOSENotSupported);
  });
});

describe('the same rules on the direct path and in sets', () => {
  for (const { extra, refusedFor } of members) {
    test(`${label(extra)}: ${refusedFor ? 'refused' : 'verifies'} directly (sync and async, as jose) and in a local set`, async () => {
      const jwk = jwkWith(extra);
      const set = createLocalJWKSet({ keys: [jwk] });
      if (!refusedFor) {
        assert.ok(jwtVerifySync(token, jwk).payload);
        assert.ok((await jwtVerify(token, jwk)).payload);
        assert.ok((await jwtVerify(token, set)).payload);
        return;
      }
      assert.throws(() => jwtVerifySync(token, jwk), (error) => error instanceof TypeError && rule(refusedFor).test(error.message));
      await assert.rejects(jwtVerify(token, jwk), TypeError);
      await assert.rejects(jose.jwtVerify(token, jwk), TypeError);
      await assert.rejects(jwtVerify(token, set), errors.JWKSNoMatchingKey);
      await assert.rejects(jose.jwtVerify(token, jose.createLocalJWKSet({ keys: [jwk] })), jose.errors.JWKSNoMatchingKey);
    });
  }

  test('a set skips a member it may not use and selects the one it may', async () => {
    const set = createLocalJWKSet({ keys: [jwkWith({ use: 'enc' }), jwkWith({ key_ops: ['sign'] }), jwkWith({ use: 'sig' })] });
    assert.ok((await jwtVerify(token, set)).payload);
  });
});

describe('a remote set and a TokenSession apply them too', () => {
  let server;
  let served;
  let url;
  before(async () => {
    server = createServer((req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: [served] }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = new URL(`http://127.0.0.1:${server.address().port}/jwks`);
  });
  after(() => new Promise((resolve) => server.close(resolve)));

  for (const { extra, refusedFor } of members) {
    test(`${label(extra)}: ${refusedFor ? 'refused' : 'verifies'} from a remote set and in a TokenSession`, async () => {
      served = jwkWith(extra);
      const remote = createRemoteJWKSet(url, { cooldownDuration: 0, cacheMaxAge: 0 });
      const session = new TokenSession({ key: served, refresh: async () => ({ accessToken: token }), channel: false });
      try {
        if (!refusedFor) {
          assert.ok((await jwtVerify(token, remote)).payload);
          assert.equal(await session.getToken(), token);
          return;
        }
        await assert.rejects(jwtVerify(token, remote), errors.JWKSNoMatchingKey);
        await assert.rejects(session.start(token), (error) => error instanceof TypeError && rule(refusedFor).test(error.message));
      } finally {
        session.stop();
      }
    });
  }
});
