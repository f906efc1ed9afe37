// The core's limits from JS: setLimits accepts what the core's bounds allow
// (generated from wasm/core/limits.hpp) and nothing else; a token over the
// length limit is refused before it is copied into wasm memory, with the
// core's own failure: the same message the core gives once a token is written.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { decodeJwt, decodeProtectedHeader, errors, getExpiry, getLimits, jwtVerifySync, setLimits } from 'edjwt';
import { LimitBounds } from '../../js/core-constants.js';
import { wasmMemoryBytes } from '../../js/internal/wasm-memory.js';
import { makeSigner } from './support/signing.js';

const defaults = getLimits();
after(() => setLimits(defaults));
const signer = makeSigner();

describe('setLimits', () => {
  for (const [name, { min, max }] of Object.entries(LimitBounds)) {
    test(`${name} takes any integer from ${min} to ${max} and reads back what was set`, () => {
      for (const value of [min, max]) {
        setLimits({ [name]: value });
        assert.equal(getLimits()[name], value);
      }
      setLimits(defaults);
    });

    test(`${name} outside ${min}..${max}, fractional or not a number is a TypeError naming the bounds; nothing changes`, () => {
      for (const value of [min - 1, max + 1, min + 0.5, String(min), undefined, null, NaN]) {
        assert.throws(() => setLimits({ ...getLimits(), [name]: value }), { name: 'TypeError', message: `${name} must be an integer from ${min} to ${max}` }, String(value));
      }
      assert.deepEqual(getLimits(), defaults);
    });
  }

  test('takes a partial object, keeping the other limits, and refuses a non-object', () => {
    setLimits({ maxJsonDepth: 7 });
    assert.deepEqual(getLimits(), { ...defaults, maxJsonDepth: 7 });
    setLimits(defaults);
    for (const value of [null, 5, 'x']) assert.throws(() => setLimits(value), TypeError);
  });
});

describe('the length limit', () => {
  // ASCII, two-byte, four-byte (surrogate pairs) and lone surrogates (written as U+FFFD, three bytes).
  const fillers = { ascii: 'a', 'two-byte': 'é', 'surrogate pair': '🔑', 'lone surrogate': '\uD800' };

  for (const [kind, unit] of Object.entries(fillers)) {
    test(`an over-long token of ${kind} characters fails with the core's message and its exact UTF-8 length`, () => {
      setLimits({ maxTokenLength: 100 });
      try {
        const token = unit.repeat(Math.ceil(101 / unit.length));
        const message = `token is ${Buffer.byteLength(token)} bytes, over the limit of 100`;
        assert.throws(() => decodeJwt(token), { name: 'JWTInvalid', message });
        assert.throws(() => decodeProtectedHeader(token), { name: 'TypeError', message });
        assert.throws(() => getExpiry(token), { name: 'JWTInvalid', message });
        assert.throws(() => jwtVerifySync(token, signer.jwk), { name: 'JWSInvalid', message });
      } finally {
        setLimits(defaults);
      }
    });
  }

  test('a token within the limit in UTF-16 but over it in UTF-8 is found by the core, with the same message', () => {
    setLimits({ maxTokenLength: 100 });
    try {
      const token = 'é'.repeat(60);  // 60 UTF-16 units, 120 bytes
      assert.throws(() => decodeJwt(token), { name: 'JWTInvalid', message: 'token is 120 bytes, over the limit of 100' });
    } finally {
      setLimits(defaults);
    }
  });

  test('a token far over the limit never reaches wasm memory', () => {
    const before = wasmMemoryBytes();
    const huge = `${'a'.repeat(64 * 1024 * 1024)}.b.c`;
    assert.throws(() => decodeJwt(huge), errors.JWTInvalid);
    assert.throws(() => jwtVerifySync(huge, signer.jwk), errors.JWSInvalid);
    assert.equal(wasmMemoryBytes(), before);
  });
});
