// Loading: usable right after import in Node, idempotent init, clear errors when
// the module cannot be loaded, and limits that can be read and changed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { test } from 'node:test';
import { decodeJwt, errors, getLimits, init, initSync, setLimits } from 'edjwt';
import { b64u, tokenWithPayload } from './support/tokens.js';

const run = (code) => execFileSync(process.execPath, ['--input-type=module', '-e', code], { encoding: 'utf8' }).trim();

test('the Node entry is usable synchronously right after import', () => {
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u('{"a":1}'))), { a: 1 });
});

test('the browser entry loads over top-level await in Node too (server-side rendering)', () => {
  const out = run(`const m = await import(${JSON.stringify(new URL('../../js/index.js', import.meta.url).href)});
    console.log(JSON.stringify(m.decodeJwt(${JSON.stringify(tokenWithPayload(b64u('{"b":2}')))})));`);
  assert.equal(out, '{"b":2}');
});

test('init and initSync are no-ops once loaded', async () => {
  await init();
  await init({ wasm: new Uint8Array([1, 2, 3]) });
  initSync(new Uint8Array([1, 2, 3]));
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u('{}'))), {});
});

test('the manual entry throws WasmUnavailable until init, then works with given bytes', () => {
  const manual = new URL('../../js/manual.js', import.meta.url).href;
  const wasm = new URL('../../dist/edjwt-core.wasm', import.meta.url);
  const out = run(`const m = await import(${JSON.stringify(manual)});
    const token = ${JSON.stringify(tokenWithPayload(b64u('{"c":3}')))};
    try { m.decodeJwt(token); } catch (e) { console.log(e.code, e instanceof m.errors.WasmUnavailable); }
    await m.init({ wasm: (await import('node:fs')).readFileSync(${JSON.stringify(wasm.pathname)}) });
    console.log(JSON.stringify(m.decodeJwt(token)));`);
  assert.equal(out, 'ERR_EDJWT_WASM_UNAVAILABLE true\n{"c":3}');
});

test('bytes that are not WebAssembly give WasmUnavailable naming the fix, and a retry can succeed', () => {
  const manual = new URL('../../js/manual.js', import.meta.url).href;
  const wasm = new URL('../../dist/edjwt-core.wasm', import.meta.url);
  const out = run(`const m = await import(${JSON.stringify(manual)});
    try { await m.init({ wasm: new Uint8Array([0, 1, 2]) }); } catch (e) { console.log(e.code); console.log(/wasm-unsafe-eval/.test(e.message)); }
    try { m.decodeJwt('a.e30.b'); } catch (e) { console.log(e.code); }
    await m.init({ wasm: (await import('node:fs')).readFileSync(${JSON.stringify(wasm.pathname)}) });
    console.log(JSON.stringify(m.decodeJwt('a.e30.b')));`);
  assert.equal(out, 'ERR_EDJWT_WASM_UNAVAILABLE\ntrue\nERR_EDJWT_WASM_UNAVAILABLE\n{}');
});

test('limits have documented defaults and can be changed', () => {
  assert.deepEqual(getLimits(), { maxTokenLength: 65536, maxJsonDepth: 32, maxKeyTables: 8 });
  const deep = tokenWithPayload(b64u('{"a":{"b":{}}}'));
  try {
    setLimits({ maxJsonDepth: 2 });
    assert.throws(() => decodeJwt(deep), (e) => e instanceof errors.JWTInvalid && /deeper/.test(e.message));
    setLimits({ maxTokenLength: 20 });
    assert.throws(() => decodeJwt(deep), (e) => e instanceof errors.JWTInvalid && /over the limit/.test(e.message));
  } finally {
    setLimits({ maxTokenLength: 65536, maxJsonDepth: 32 });
  }
  assert.deepEqual(decodeJwt(deep), { a: { b: {} } });
});

test('setLimits rejects nonsense with TypeError', () => {
  assert.throws(() => setLimits(null), TypeError);
  assert.throws(() => setLimits({ maxJsonDepth: 0 }), TypeError);
  assert.throws(() => setLimits({ maxTokenLength: 1.5 }), TypeError);
  assert.throws(() => setLimits({ maxKeyTables: -1 }), TypeError);
  assert.throws(() => setLimits({ maxKeyTables: 257 }), TypeError);
});
