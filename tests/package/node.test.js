// The packed tarball installed into a fresh project: what it ships, and that
// Node finds and runs it through each door -- import (ESM), require
// (CommonJS) and the browser entry evaluated in Node, as server-side rendering does.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { installPackedPackage } from './support/consumer.js';
import { makeFixtureTokens } from './support/fixture-tokens.js';

let consumer;
let fixture;

before(() => {
  consumer = installPackedPackage();
  fixture = makeFixtureTokens();
  writeFileSync(join(consumer.dir, 'fixture.json'), JSON.stringify(fixture));
});

after(() => consumer?.remove());

/** Runs `source` as a file named `file` in the consumer project, and parses the JSON it prints. */
function runInConsumer(file, source, nodeOptions = []) {
  writeFileSync(join(consumer.dir, file), source);
  return JSON.parse(execFileSync(process.execPath, [...nodeOptions, file], { cwd: consumer.dir, encoding: 'utf8' }));
}

// The same checks, written once, for each module system: which file the name
// resolves to, the exported names, and three tokens through jwtVerify and jwtVerifySync.
const verifyBody = (resolved) => `
const { jwks, tokens } = JSON.parse(fs.readFileSync('fixture.json', 'utf8'));
const keys = edjwt.createLocalJWKSet(jwks);
const options = { issuer: 'https://issuer.example', audience: 'consumer' };
const outcome = async (token) => {
  try {
    const sync = edjwt.jwtVerifySync(token, keys, options).payload.sub;
    return { sync, async: (await edjwt.jwtVerify(token, keys, options)).payload.sub };
  } catch (error) {
    return { code: error.code, joseClass: error instanceof edjwt.errors.JOSEError };
  }
};
(async () => {
  const results = {};
  for (const [name, token] of Object.entries(tokens)) results[name] = await outcome(token);
  console.log(JSON.stringify({ resolved: ${resolved}, exports: Object.keys(edjwt).sort(), results }));
})();
`;

const ESM = `import fs from 'node:fs';\nimport * as edjwt from 'edjwt';\n${verifyBody("import.meta.resolve('edjwt')")}`;
const CJS = `const fs = require('node:fs');\nconst edjwt = require('edjwt');\n${verifyBody("require.resolve('edjwt')")}`;

const expectedResults = {
  valid: { sync: 'alice', async: 'alice' },
  expired: { code: 'ERR_JWT_EXPIRED', joseClass: true },
  tampered: { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', joseClass: true },
};

describe('the tarball', () => {
  test('ships the prebuilt .wasm and its glue, the ESM entries, the CommonJS entry, the types and the command', () => {
    const files = consumer.pack.files.map((file) => file.path);
    for (const file of ['dist/edjwt-core.wasm', 'dist/edjwt-core.mjs', 'dist/edjwt.cjs', 'dist/edjwt.d.cts', 'js/index.js', 'js/index.node.js',
      'js/manual.js', 'js/index.d.ts', 'js/default-wasm.browser.js', 'js/default-wasm.node.js', 'bin/edjwt.js', 'package.json', 'README.md']) {
      assert.ok(files.includes(file), `${file} is in the tarball`);
    }
  });

  test('ships nothing else: no sources to compile, no tests, no test-only modules', () => {
    const unexpected = consumer.pack.files
      .map((file) => file.path)
      .filter((path) => !/^(bin\/|js\/|dist\/edjwt)|^(package\.json|README\.md|LICENSE)$/.test(path) || path.startsWith('js/internal/'));
    assert.deepEqual(unexpected, []);
  });

  test('installs with no install scripts (no toolchain needed) and stays small', (t) => {
    const manifest = JSON.parse(readFileSync(join(consumer.dir, 'node_modules/edjwt/package.json'), 'utf8'));
    assert.deepEqual(Object.keys(manifest.scripts ?? {}).filter((name) => /install|prepare/.test(name)), []);
    assert.deepEqual(manifest.dependencies ?? {}, {});
    t.diagnostic(`tarball ${consumer.pack.size} bytes, unpacked ${consumer.pack.unpackedSize} bytes`);
    assert.ok(consumer.pack.size < 200 * 1024, `${consumer.pack.size} bytes packed`);
  });
});

describe('in Node 20', () => {
  test('import resolves to the ESM Node entry and verifies tokens', () => {
    const { resolved, results } = runInConsumer('verify.mjs', ESM);
    assert.match(resolved, /node_modules\/edjwt\/js\/index\.node\.js$/);
    assert.deepEqual(results, expectedResults);
  });

  test('require resolves to the CommonJS bundle and verifies tokens, with the same exports as import', () => {
    const { resolved, exports, results } = runInConsumer('verify.cjs', CJS);
    assert.match(resolved, /node_modules\/edjwt\/dist\/edjwt\.cjs$/);
    assert.deepEqual(results, expectedResults);
    assert.deepEqual(exports, runInConsumer('verify.mjs', ESM).exports);
  });

  test('server-side rendering: the browser entry (browser condition) evaluates in Node without crashing, and verifies', () => {
    const { resolved, results } = runInConsumer('verify.mjs', ESM, ['--conditions=browser']);
    assert.match(resolved, /node_modules\/edjwt\/js\/index\.js$/);
    assert.deepEqual(results, expectedResults);
  });

  test('npm links the edjwt command into node_modules/.bin', () => {
    assert.ok(existsSync(join(consumer.dir, 'node_modules/.bin/edjwt')));
  });
});
