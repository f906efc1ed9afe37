// Raw Ed25519 in wasm gives every Wycheproof result, and the RFC 8037 example
// verifies as a JWS but is refused as a JWT, as jose does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jose from 'jose';
import { compactVerify, ed25519Verify, errors, importJWK, jwtVerify } from 'edjwt';
import { readVectors } from './support/vectors.js';

const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));

test('all 151 Wycheproof vectors give their expected result through ed25519Verify', () => {
  const vectors = readVectors('wycheproof-ed25519_test.json');
  let cases = 0;
  for (const group of vectors.testGroups) {
    const key = hex(group.publicKey.pk);
    for (const vector of group.tests) {
      assert.equal(ed25519Verify(key, hex(vector.msg), hex(vector.sig)), vector.result === 'valid', `tcId ${vector.tcId} ${vector.comment}`);
      cases++;
    }
  }
  assert.equal(cases, 151);
});

test('ed25519Verify returns false for wrong lengths and TypeError for non-bytes', () => {
  assert.equal(ed25519Verify(new Uint8Array(31), new Uint8Array(0), new Uint8Array(64)), false);
  assert.equal(ed25519Verify(new Uint8Array(32), new Uint8Array(0), new Uint8Array(65)), false);
  assert.throws(() => ed25519Verify('key', new Uint8Array(0), new Uint8Array(64)), TypeError);
});

test('the RFC 8037 A.4 example verifies with compactVerify, with the payload bytes jose returns', async () => {
  const rfc = readVectors('rfc8037-ed25519.json');
  const key = await importJWK(rfc.publicJwk, 'EdDSA');
  const ours = await compactVerify(rfc.jws, key);
  const theirs = await jose.compactVerify(rfc.jws, await jose.importJWK(rfc.publicJwk, 'EdDSA'));
  assert.equal(new TextDecoder().decode(ours.payload), rfc.payloadText);
  assert.deepEqual(ours.protectedHeader, theirs.protectedHeader);
  assert.deepEqual(Buffer.from(ours.payload), Buffer.from(theirs.payload));
});

test('jwtVerify refuses the RFC 8037 example as not a JWT, as jose does', async () => {
  const rfc = readVectors('rfc8037-ed25519.json');
  const joseError = await jose.jwtVerify(rfc.jws, await jose.importJWK(rfc.publicJwk, 'EdDSA')).catch((e) => e);
  const ours = await jwtVerify(rfc.jws, await importJWK(rfc.publicJwk, 'EdDSA')).catch((e) => e);
  assert.ok(ours instanceof errors.JWTInvalid);
  assert.equal(ours.code, joseError.code);
});
