// The errors namespace matches jose's: the same class names, codes and claim
// fields, also after a minifier has renamed the classes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import { build } from 'esbuild';
import * as jose from 'jose';
import { errors } from 'edjwt';

function argsFor(name) {
  return name.startsWith('JWTClaim') || name === 'JWTExpired' ? ['m', { a: 1 }, 'exp', 'check_failed'] : ['m'];
}

test('every jose error class exists with the same code, static and instance', () => {
  for (const [name, JoseClass] of Object.entries(jose.errors)) {
    const Ours = errors[name];
    assert.ok(Ours, `errors.${name} is missing`);
    assert.equal(Ours.code, JoseClass.code, name);
    const args = argsFor(name);
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

test('a minified bundle keeps every class name and code as jose has them', async () => {
  const entry = new URL('../../js/index.node.js', import.meta.url).pathname;
  const result = await build({ entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'node', write: false, logLevel: 'silent' });
  const dir = mkdtempSync(join(tmpdir(), 'edjwt-minified-'));
  try {
    const file = join(dir, 'edjwt.min.mjs');
    writeFileSync(file, result.outputFiles[0].text);
    const minified = await import(pathToFileURL(file).href);
    // Guards the test itself: the minifier did rename the classes.
    assert.doesNotMatch(result.outputFiles[0].text, /class JWSSignatureVerificationFailed\b/);
    for (const [name, JoseClass] of Object.entries(jose.errors)) {
      const Ours = minified.errors[name];
      assert.ok(Ours, `errors.${name} is missing from the bundle`);
      const [ours, theirs] = [new Ours(...argsFor(name)), new JoseClass(...argsFor(name))];
      assert.equal(Ours.name, JoseClass.name, name);
      assert.equal(ours.name, theirs.name, name);
      assert.equal(ours.code, theirs.code, name);
      assert.match(ours.stack, new RegExp(`^${name}: m`), name);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
