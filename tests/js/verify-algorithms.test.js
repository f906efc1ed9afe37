// Every JWS algorithm jose v6 verifies (RS/PS/ES 256/384/512, HS256/384/512,
// EdDSA, Ed25519), differentially against jose: tokens signed by node:crypto,
// the same outcome, error class and code for valid tokens, wrong keys,
// tampering, algorithm confusion, DER ECDSA signatures, small RSA keys and
// claim failures, and importX509 of openssl-made certificates; the two
// documented strictness rules excepted (README, "Stricter than jose").
// Node's path: node:crypto, synchronous too.
import assert from 'node:assert/strict';
import { createPublicKey } from 'node:crypto';
import { describe, test } from 'node:test';
import * as edjwt from 'edjwt';
import * as jose from 'jose';
import { makeAlgorithmCases, makeX509Cases } from './support/algorithm-cases.js';
import { keyOf, outcomeOf } from './support/outcome.js';

const cases = makeAlgorithmCases();
const keyObjectOf = (key) => (key.secret ? keyOf(key) : createPublicKey({ key, format: 'jwk' }));
const syncOutcome = (verifying) => outcomeOf(async () => verifying());

function assertSame(ours, theirs, c) {
  if (c.stricter) {
    assert.equal(ours.ok, false, 'edjwt refuses it');
    assert.equal(ours.name, c.stricter);
    return;
  }
  assert.deepEqual(ours, theirs);
}

describe('every algorithm, a JWK as the key: edjwt and jose agree', () => {
  for (const c of cases) {
    test(c.name, async () => {
      const theirs = await outcomeOf(() => jose.jwtVerify(c.token, keyOf(c.key), c.options));
      assertSame(await outcomeOf(() => edjwt.jwtVerify(c.token, keyOf(c.key), c.options)), theirs, c);
      assertSame(await syncOutcome(() => edjwt.jwtVerifySync(c.token, keyOf(c.key), c.options)), theirs, c);
    });
  }
});

describe('every algorithm, a Node KeyObject as the key: edjwt and jose agree', () => {
  for (const c of cases.filter((entry) => !entry.stricter)) {
    test(c.name, async () => {
      const key = keyObjectOf(c.key);
      const theirs = await outcomeOf(() => jose.jwtVerify(c.token, key, c.options));
      assert.deepEqual(await syncOutcome(() => edjwt.jwtVerifySync(c.token, key, c.options)), theirs);
    });
  }
});

test('imported keys (importJWK, importSPKI, importX509-free PEM) verify what their alg signs', async () => {
  for (const c of cases.filter((entry) => entry.name.endsWith('a valid token verifies'))) {
    const key = c.key.secret ? await edjwt.importJWK({ kty: 'oct', k: c.key.secret }) : await edjwt.importJWK(c.key, c.alg);
    assert.equal((await edjwt.jwtVerify(c.token, key)).payload.sub, 'alice', `${c.alg} from importJWK`);
    if (!c.key.secret && !c.alg.startsWith('Ed')) {
      const pem = createPublicKey({ key: c.key, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
      assert.equal(edjwt.jwtVerifySync(c.token, await edjwt.importSPKI(pem, c.alg)).payload.sub, 'alice', `${c.alg} from importSPKI`);
    }
  }
});

describe('importX509 of RSA, EC and Ed25519 certificates: edjwt and jose agree', () => {
  for (const c of makeX509Cases()) {
    test(c.name, async () => {
      const theirs = await outcomeOf(async () => jose.jwtVerify(c.token, await jose.importX509(c.pem, c.alg)));
      const ours = await outcomeOf(async () => edjwt.jwtVerify(c.token, await edjwt.importX509(c.pem, c.alg)));
      assert.deepEqual(ours, theirs);
      assert.deepEqual(ours, { ...ours, ...c.expected });
    });
  }
});

test('importJWK of an oct key returns its bytes, as jose does', async () => {
  const k = Buffer.from('0123456789abcdef0123456789abcdef').toString('base64url');
  assert.deepEqual(await edjwt.importJWK({ kty: 'oct', k }), await jose.importJWK({ kty: 'oct', k }));
});

test('a key of another type than the alg is refused at import', async () => {
  const rsa = cases.find((c) => c.alg === 'RS256').key;
  await assert.rejects(edjwt.importJWK(rsa, 'ES256'), edjwt.errors.JOSENotSupported);
  await assert.rejects(edjwt.importJWK(rsa, 'HS256'), edjwt.errors.JOSENotSupported);
  const pem = createPublicKey({ key: rsa, format: 'jwk' }).export({ type: 'spki', format: 'pem' });
  await assert.rejects(edjwt.importSPKI(pem, 'ES256'), edjwt.errors.JOSENotSupported);
  await assert.rejects(edjwt.importSPKI(pem, 'HS256'), edjwt.errors.JOSENotSupported);
});
