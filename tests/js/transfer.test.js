// Tokens reach the core through a buffer in wasm memory that JS writes with
// TextEncoder, and JSON comes back through views that JS decodes
// (js/transfer.js). These cases hold that boundary to the same results as
// before it: any size, any characters, after the module's memory has grown,
// and with one call's output never leaking into the next. A verify call's
// whole request crosses the same way, and the core reads it defensively.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader, getExpiry, getLimits, jwtVerifySync, setLimits } from 'edjwt';
import { wasmMemoryBytes } from '../../js/internal/wasm-memory.js';
import { core } from '../../js/module.js';
import { Status } from '../../js/status.js';
import { KeyForm, KeyOps, KeyType, Stage } from '../../js/core-constants.js';
import { writeRequest, writeVerifyRequest } from '../../js/transfer.js';
import { makeSigner } from './support/signing.js';
import { b64u, tokenWithPayload } from './support/tokens.js';

const signer = makeSigner();
const defaults = getLimits();
after(() => setLimits(defaults));

test('a token larger than the input buffer so far is decoded whole, and a short one after it too', () => {
  const big = { sub: 'big', blob: 'x'.repeat(20_000) };
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u(JSON.stringify(big)))), big);
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u('{"sub":"small"}'))), { sub: 'small' });
});

test('decoding still works once wasm memory has grown (the cached view of the buffer is renewed)', () => {
  setLimits({ maxTokenLength: 8 * 1024 * 1024 });
  const before = wasmMemoryBytes();
  const huge = { blob: 'y'.repeat(3 * 1024 * 1024) };
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u(JSON.stringify(huge)))), huge);
  assert.ok(wasmMemoryBytes() > before, 'the module memory grew');
  assert.deepEqual(decodeJwt(tokenWithPayload(b64u('{"after":"growth"}'))), { after: 'growth' });
  setLimits(defaults);
});

test('non-ASCII characters in the claims and header come back exactly', () => {
  const claims = { name: 'Zoë 🐧 日本', emoji: '\u{1F511}', escaped: '\u2028' };
  const token = signer.sign({ alg: 'EdDSA', kid: 'ключ' }, claims);
  assert.deepEqual(decodeJwt(token), claims);
  assert.equal(decodeProtectedHeader(token).kid, 'ключ');
  assert.deepEqual(jwtVerifySync(token, signer.jwk).payload, claims);
});

test('a non-ASCII character or a lone surrogate in the payload segment is a typed error, not garbage', () => {
  const [h, p, s] = signer.sign({ alg: 'EdDSA' }, { sub: 'a' }).split('.');
  for (const odd of ['é', '\uD800', '\uDC00', '\u{1F511}']) {
    const token = `${h}.${p.slice(0, 4)}${odd}${p.slice(4)}.${s}`;
    assert.throws(() => decodeJwt(token), { code: 'ERR_JWT_INVALID' }, JSON.stringify(odd));
    assert.throws(() => jwtVerifySync(token, signer.jwk), { code: 'ERR_JWS_INVALID' }, JSON.stringify(odd));
  }
});

test('a shorter token written after a longer one is read to its own length only', () => {
  const long = signer.sign({ alg: 'EdDSA' }, { sub: 'long', pad: 'z'.repeat(500) });
  const short = signer.sign({ alg: 'EdDSA' }, { sub: 's' });
  assert.equal(decodeJwt(long).sub, 'long');
  assert.deepEqual(decodeJwt(short), { sub: 's' });
  assert.equal(jwtVerifySync(long, signer.jwk).payload.sub, 'long');
  assert.deepEqual(jwtVerifySync(short, signer.jwk).payload, { sub: 's' });
});

test('a failed verification hands out nothing from the previous successful one', () => {
  const good = signer.sign({ alg: 'EdDSA' }, { sub: 'good', exp: 1 });
  const other = makeSigner().sign({ alg: 'EdDSA' }, { sub: 'forged' });
  assert.throws(() => jwtVerifySync(good, signer.jwk), (error) => error.code === 'ERR_JWT_EXPIRED' && error.payload.sub === 'good');
  assert.throws(() => jwtVerifySync(other, signer.jwk), (error) => error.code === 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' && !('payload' in error));
});

test('getExpiry reads claims objects and tokens through the same buffer', () => {
  const exp = Math.floor(Date.now() / 1000) + 600;
  const token = signer.sign({ alg: 'EdDSA' }, { exp, pad: 'p'.repeat(6000) });
  assert.equal(getExpiry(token).expiresAt.getTime(), exp * 1000);
  assert.equal(getExpiry({ exp: exp + 1 }).expiresAt.getTime(), (exp + 1) * 1000);
});

// A verify request (writeRequest) read by the bindings' VerifyRequest, for an Ed25519 key object.
function verifyStatus(fields, length = writeRequestFor(fields)) {
  return core().verify(length);
}
const writeRequestFor = (fields) => writeVerifyRequest(fields, [Math.floor(Date.now() / 1000), 0, NaN],
  [1, Stage.full, 0, KeyForm.key_object, KeyOps.absent, KeyType.ed25519, 0]);
// The payload's length word among the core's verify outputs (wasm/bindings.cpp's VerifyOutputs).
const payloadLength = () => core().verifyOutputs()[4];
const requestFor = (token, key) => [token, key, '', '', undefined, [], undefined, undefined, [], undefined, undefined];

test('a verify request carries the key as it is: one that is not 32 bytes fails closed in the core', () => {
  const token = signer.sign({ alg: 'EdDSA' }, { sub: 'a' });
  const key = new Uint8Array(Buffer.from(signer.jwk.x, 'base64url'));
  assert.equal(verifyStatus(requestFor(token, key)), Status.ok);
  for (const wrong of [key.subarray(0, 31), new Uint8Array([...key, 0]), new Uint8Array(0), undefined]) {
    assert.equal(verifyStatus(requestFor(token, wrong)), Status.key_invalid, `a ${wrong?.length ?? 'missing'}-byte key`);
    assert.equal(payloadLength(), 0, 'nothing from the payload leaves the core');
  }
});

test('a request the bindings cannot read is request_malformed (a TypeError in JS), never a crash', () => {
  const token = signer.sign({ alg: 'EdDSA' }, { sub: 'a' });
  const length = writeRequestFor(requestFor(token, undefined));
  for (const cut of [0, 3, 7, 40, 55, length - 1]) {
    assert.equal(verifyStatus(undefined, cut), Status.request_malformed, `cut at ${cut}`);
  }
  assert.equal(verifyStatus([token, undefined, '', '', undefined, [], undefined, undefined, [], ['sub', 'extra'], undefined]),
    Status.request_malformed, 'two subjects');
  assert.deepEqual(decodeJwt(token), { sub: 'a' }, 'the module works on');
});

test('a settle request the bindings cannot read is request_malformed, never a crash, and never settles', () => {
  const token = signer.sign({ alg: 'HS256' }, { sub: 'a' });
  const length = writeRequest([token, 'a key identity']);
  for (const cut of [0, 3, 7, length - 1]) {
    assert.equal(core().settleSignature(cut, 4, true), Status.request_malformed, `cut at ${cut}`);
  }
  assert.equal(core().settleSignature(writeRequest([token, 'a key identity']), 4, false), Status.signature_invalid);
  assert.equal(core().settleSignature(writeRequest([token, 'a key identity']), 4, true), Status.ok);
});
