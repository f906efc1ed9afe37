// The differential cases for every JWS algorithm (tests/js/support/
// algorithm-cases.js) in headless Chromium, through WebCrypto: edjwt's browser
// entry and jose's browser build, bundled by esbuild into one page, verify the
// same node:crypto-signed tokens with the same JWKs and secrets; outcomes,
// classes and codes must match (the documented strictness rules excepted).
// jwtVerifySync with a key only WebCrypto can check is a TypeError naming
// jwtVerify. importX509 (js/x509.js finds the key, WebCrypto imports it) gives
// keys that verify what jose's importX509 keys verify, for RSA, EC and Ed25519
// certificates.
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { makeAlgorithmCases, makeX509Cases } from '../js/support/algorithm-cases.js';
import { serveStatic } from './support/static-server.js';

const root = new URL('../../', import.meta.url).pathname;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The page: both libraries, the cases' runner, and a flag for "done".
const PAGE_SCRIPT = `
import * as edjwt from ${JSON.stringify(`${root}js/index.js`)};
import * as jose from 'jose';
import { keyOf, outcomeOf } from ${JSON.stringify(`${root}tests/js/support/outcome.js`)};
window.runCases = async (cases) => {
  const results = [];
  for (const c of cases) {
    results.push({
      name: c.name,
      jose: await outcomeOf(() => jose.jwtVerify(c.token, keyOf(c.key), c.options)),
      edjwt: await outcomeOf(() => edjwt.jwtVerify(c.token, keyOf(c.key), c.options)),
      sync: await outcomeOf(async () => edjwt.jwtVerifySync(c.token, keyOf(c.key), c.options)),
      syncMessage: await Promise.resolve().then(() => edjwt.jwtVerifySync(c.token, keyOf(c.key), c.options)).then(() => '', (e) => e.message),
    });
  }
  return results;
};
window.runX509Cases = async (cases) => {
  const results = [];
  for (const c of cases) {
    results.push({
      name: c.name,
      jose: await outcomeOf(async () => jose.jwtVerify(c.token, await jose.importX509(c.pem, c.alg))),
      edjwt: await outcomeOf(async () => edjwt.jwtVerify(c.token, await edjwt.importX509(c.pem, c.alg))),
    });
  }
  return results;
};
window.ready = true;
`;

const cases = makeAlgorithmCases();
const x509Cases = makeX509Cases();
let dir;
let server;
let browser;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edjwt-algorithms-'));
  await build({
    stdin: { contents: PAGE_SCRIPT, resolveDir: root, loader: 'js' },
    outfile: join(dir, 'assets/page.js'),
    bundle: true, format: 'esm', platform: 'browser', logLevel: 'error',
  });
  mkdirSync(join(dir, 'dist'));
  copyFileSync(join(root, 'dist/edjwt-core.wasm'), join(dir, 'dist/edjwt-core.wasm'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>algorithms</title><script type="module" src="./assets/page.js"></script>');
  server = await serveStatic(dir);
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

// The results of window[runner](all) in a fresh page, with no page errors.
async function runInPage(runner, all) {
  const page = await browser.newPage();
  const problems = [];
  page.on('pageerror', (error) => problems.push(error.message));
  await page.goto(server.url);
  await page.waitForFunction(() => window.ready === true, null, { timeout: 30_000 });
  const results = await page.evaluate(([name, entries]) => window[name](entries), [runner, all]);
  await page.close();
  assert.deepEqual(problems, []);
  assert.equal(results.length, all.length);
  return results;
}

test('in Chromium, every algorithm verifies through WebCrypto with jose\'s outcomes', async () => {
  const results = await runInPage('runCases', cases);
  for (const [i, result] of results.entries()) {
    const c = cases[i];
    if (c.stricter) {
      assert.equal(result.edjwt.ok, false, result.name);
      assert.equal(result.edjwt.name, c.stricter, result.name);
    } else {
      assert.deepEqual(result.edjwt, result.jose, result.name);
    }
    // Synchronously, a browser verifies Ed25519 keys only: a token the core
    // refuses before the signature fails as it does asynchronously; any other
    // reaches the platform and is a TypeError naming jwtVerify.
    if (!/use jwtVerify/.test(result.syncMessage)) {
      assert.deepEqual(result.sync, result.edjwt, `${result.name} (jwtVerifySync)`);
      assert.ok(c.alg.startsWith('Ed') || !result.edjwt.ok, `${result.name}: verified synchronously without WebCrypto`);
    }
  }
  const platformKeyCases = results.filter((r, i) => !cases[i].alg.startsWith('Ed') && cases[i].name.endsWith('a valid token verifies'));
  assert.equal(platformKeyCases.length, 12);
  for (const r of platformKeyCases) assert.match(r.syncMessage, /use jwtVerify/, r.name);
});

test('in Chromium, importX509 keys of RSA, EC and Ed25519 certificates verify as jose\'s do', async () => {
  const results = await runInPage('runX509Cases', x509Cases);
  for (const [i, result] of results.entries()) {
    assert.deepEqual(result.edjwt, result.jose, result.name);
    assert.deepEqual(result.edjwt, { ...result.edjwt, ...x509Cases[i].expected }, result.name);
  }
});
