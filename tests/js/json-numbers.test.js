// JSON numbers with a fraction or an exponent (wasm/core/json_number.hpp):
// the core reads each as the double JSON.parse gives, so its claim checks
// and jose's see the same NumericDate, down to the last bit. In the wasm
// module the JS engine's own conversion does it; natively, strtod.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as jose from 'jose';
import * as edjwt from 'edjwt';
import { makeSigner } from './support/signing.js';
import { outcomeOf } from './support/outcome.js';

const signer = makeSigner();

const TEXTS = [
  '1300.5', '1.3e3', '13E2', '1.3E+3', '130000e-2', '0.0000013e9', '1300.0000000000002', '1299.9999999999998',
  '123456789012345678901234567890e-17', '1.0000000000000000000000000000000000000001e3', '4.9e-324', '1e-400', '-0.0',
  '2.2250738585072011e-308', '8.64e12', '9007199254740993.5', '0.1e-5', '-1.5e2',
];

test('an exp with a fraction or an exponent reads as JSON.parse reads it', () => {
  for (const text of TEXTS) {
    const { expiresAt } = edjwt.getExpiry(signer.sign({ alg: 'EdDSA' }, `{"exp":${text}}`));
    assert.equal(expiresAt.getTime(), new Date(JSON.parse(text) * 1000).getTime(), text);
  }
});

// A whole second `now`, and exps a last bit above or below it, or written with
// more digits than a double holds, which round onto it: jose's verdict turns
// on the exact double.
test('an exp within a rounding of now is expired exactly when jose says so', async () => {
  const key = signer.jwk;
  const currentDate = new Date(1000_000);
  const texts = ['1000.0000000000001', '999.9999999999999', '1000.00000000000000001', '999.99999999999999999',
    '1.0000000000000001e3', '100000000000000000000e-17', '0.99999999999999999e3', '1000e0'];
  for (const text of texts) {
    const token = signer.sign({ alg: 'EdDSA' }, `{"exp":${text}}`);
    const theirs = await outcomeOf(() => jose.jwtVerify(token, key, { currentDate }));
    assert.deepEqual(await outcomeOf(() => edjwt.jwtVerify(token, key, { currentDate })), theirs, text);
  }
});

test('a number past the largest double is refused, not read as Infinity; the largest one reads', async () => {
  for (const text of ['1e309', '1.8e308', '-1.8e308']) {
    const token = signer.sign({ alg: 'EdDSA' }, `{"n":${text}}`);
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk), { code: 'ERR_JWT_INVALID' }, text);
  }
  const largest = signer.sign({ alg: 'EdDSA' }, '{"n":1.7976931348623157e308}');
  assert.equal((await edjwt.jwtVerify(largest, signer.jwk)).payload.n, Number.MAX_VALUE);
});
