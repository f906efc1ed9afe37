// Size cannot creep back: the browser bundle of jwtVerify (JS and glue, esbuild
// --bundle --minify) plus the .wasm, gzip -9, measured exactly as `npm run
// bench` measures it (scripts/bundle-size.mjs), stays within the budget. The
// budget is the size reached, rounded up to the next KB; lower it when a
// change makes the package smaller (bench/README.md keeps the history).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { edjwtBrowserSize } from '../../scripts/bundle-size.mjs';

const BUDGET_KB = 71;

test(`the browser bundle and its .wasm stay within ${BUDGET_KB} KB gzip`, () => {
  const { js, wasm, total } = edjwtBrowserSize();
  const kb = (bytes) => (bytes / 1024).toFixed(1);
  assert.ok(total.gzip <= BUDGET_KB * 1024,
    `${kb(total.gzip)} KB gzip (JS ${kb(js.gzip)} + .wasm ${kb(wasm.gzip)}) is over the ${BUDGET_KB} KB budget`);
});
