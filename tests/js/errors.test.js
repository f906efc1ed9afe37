// The errors namespace matches jose's: the same class names, codes and claim fields.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jose from 'jose';
import { errors } from 'edjwt';

test('every jose error class exists with the same code, static and instance', () => {
  for (const [name, JoseClass] of Object.entries(jose.errors)) {
    const Ours = errors[name];
    assert.ok(Ours, `errors.${name} is missing`);
    assert.equal(Ours.code, JoseClass.code, name);
    const args = name.startsWith('JWTClaim') || name === 'JWTExpired' ? ['m', { a: 1 }, 'exp', 'check_failed'] : ['m'];
    const ours = new Ours(...args);
    const theirs = new JoseClass(...args);
    assert.equal(ours.code, theirs.code, name);
    assert.equal(ours.name, theirs.name, name);
    assert.ok(ours instanceof errors.JOSEError && ours instanceof Error, name);
  }
});

test('claim errors carry claim, reason and payload as jose does', () => {
  const error = new errors.JWTExpired('expired', { exp: 1 }, 'exp', 'check_failed');
  assert.deepEqual([error.claim, error.reason, error.payload], ['exp', 'check_failed', { exp: 1 }]);
  assert.deepEqual(error.cause, { claim: 'exp', reason: 'check_failed', payload: { exp: 1 } });
});

test('default messages match jose', () => {
  for (const name of ['JWKSNoMatchingKey', 'JWKSMultipleMatchingKeys', 'JWKSTimeout', 'JWSSignatureVerificationFailed']) {
    assert.equal(new errors[name]().message, new jose.errors[name]().message, name);
  }
});
