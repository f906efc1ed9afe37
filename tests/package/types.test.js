// The packed package's TypeScript types, as consumers compile against them:
// `tsc --noEmit --strict` over a file that uses every public export, under
// Node's resolution (ESM, and CommonJS through require -- node16 has no
// require(esm), so it needs the CommonJS types) and a bundler's resolution.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { installPackedPackage, repoRoot } from './support/consumer.js';

const fixtures = new URL('./fixtures/types/', import.meta.url).pathname;
const tsc = join(repoRoot, 'node_modules/typescript/bin/tsc');

let consumer;

before(() => {
  consumer = installPackedPackage();
  cpSync(fixtures, consumer.dir, { recursive: true });
});

after(() => consumer?.remove());

/** tsc's diagnostics for one tsconfig; empty when the project compiles. */
function typeCheck(project) {
  try {
    execFileSync(process.execPath, [tsc, '--project', project, '--noEmit', '--strict', '--pretty', 'false'], { cwd: consumer.dir, encoding: 'utf8' });
    return '';
  } catch (error) {
    return `${error.stdout}${error.stderr}`;
  }
}

test('the type-checked file uses every runtime export of the package', async () => {
  const source = readFileSync(join(fixtures, 'uses-every-api.ts'), 'utf8');
  const runtimeExports = Object.keys(await import(join(consumer.dir, 'node_modules/edjwt/js/index.node.js')));
  assert.deepEqual(runtimeExports.filter((name) => !new RegExp(`\\b${name}\\b`).test(source)), []);
});

test('ESM and CommonJS (require) consumers type-check under --strict with Node16 resolution', () => {
  assert.equal(typeCheck('tsconfig.node.json'), '');
});

test('a bundler-resolution consumer (Vite, esbuild) type-checks under --strict', () => {
  assert.equal(typeCheck('tsconfig.bundler.json'), '');
});
