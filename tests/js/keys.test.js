// importJWK and importSPKI: jose's API for Ed25519 public keys, with strict
// "x" (base64url, 32 bytes, canonical point of prime order) and strict DER.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { errors, importJWK, importSPKI, jwtVerify, PublicKey } from 'edjwt';
import { makeSigner } from './support/signing.js';

const signer = makeSigner();

test('importJWK returns an opaque PublicKey that verifies', async () => {
  const key = await importJWK(signer.jwk, 'EdDSA');
  assert.ok(key instanceof PublicKey);
  assert.equal(key.type, 'public');
  assert.ok(Object.isFrozen(key));
  assert.deepEqual((await jwtVerify(signer.sign({ alg: 'EdDSA' }, { a: 1 }), key)).payload, { a: 1 });
});

test('importJWK argument rules follow jose', async () => {
  await assert.rejects(importJWK('x', 'EdDSA'), TypeError);
  await assert.rejects(importJWK({ ...signer.jwk }), TypeError); // no alg anywhere
  assert.ok(await importJWK({ ...signer.jwk, alg: 'Ed25519' }));
  await assert.rejects(importJWK({ ...signer.jwk, ext: 'yes' }, 'EdDSA'), TypeError);
  await assert.rejects(importJWK({ ...signer.jwk, key_ops: ['verify', 'verify'] }, 'EdDSA'), TypeError);
  await assert.rejects(importJWK({ ...signer.jwk, kty: 'EC' }, 'ES256'), errors.JOSENotSupported);
  await assert.rejects(importJWK({ ...signer.jwk, crv: 'Ed448' }, 'EdDSA'), errors.JOSENotSupported);
  await assert.rejects(importJWK({ ...signer.jwk }, 'ES256'), errors.JOSENotSupported);
});

test('a private JWK is refused for verification', async () => {
  await assert.rejects(importJWK({ ...signer.jwk, d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A' }, 'EdDSA'), TypeError);
});

test('"x" must be strict base64url of exactly 32 bytes (jose tolerates padding)', async () => {
  await assert.rejects(importJWK({ ...signer.jwk, x: `${signer.jwk.x}=` }, 'EdDSA'), (e) => e instanceof errors.JWKInvalid && /padding/.test(e.message));
  await assert.rejects(importJWK({ ...signer.jwk, x: signer.jwk.x.slice(0, -4) }, 'EdDSA'), errors.JWKInvalid);
  await assert.rejects(importJWK({ ...signer.jwk, x: 5 }, 'EdDSA'), errors.JWKInvalid);
});

test('importSPKI takes an Ed25519 PUBLIC KEY PEM and nothing else', async () => {
  const pem = signer.publicKey.export({ type: 'spki', format: 'pem' });
  const key = await importSPKI(pem, 'EdDSA');
  assert.deepEqual((await jwtVerify(signer.sign({ alg: 'EdDSA' }, { b: 2 }), key)).payload, { b: 2 });
  await assert.rejects(importSPKI(pem.replace('PUBLIC KEY-----', 'PUBLIC KEY-----\nAAAA'), 'EdDSA'), TypeError);
  await assert.rejects(importSPKI('MCowBQYDK2VwAyEA', 'EdDSA'), TypeError);
  await assert.rejects(importSPKI(pem, 'ES256'), errors.JOSENotSupported);
  const { generateKeyPairSync } = await import('node:crypto');
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' });
  await assert.rejects(importSPKI(ec, 'EdDSA'), (e) => e instanceof TypeError && /Ed25519/.test(e.message));
});
