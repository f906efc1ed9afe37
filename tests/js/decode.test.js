// decodeJwt and decodeProtectedHeader return what jose returns, for real tokens
// and for every class of malformed token; where edjwt is deliberately stricter
// it rejects with the same class and a message naming the rule.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { decodeJwt, decodeProtectedHeader, errors } from 'edjwt';
import { randomClaims, randomObject, rng } from './support/random.js';
import { b64u, header, tokenWithHeader, tokenWithPayload } from './support/tokens.js';

function outcome(fn, input) {
  try {
    return { value: fn(input) };
  } catch (error) {
    return { error };
  }
}

function assertSameOutcome(ours, theirs, label) {
  if (theirs.error) {
    assert.ok(ours.error, `${label}: jose threw ${theirs.error.name}, edjwt returned a value`);
    assert.equal(ours.error.constructor.name, theirs.error.constructor.name, label);
    assert.equal(ours.error.code, theirs.error.code, label);
  } else {
    assert.ifError(ours.error);
    assert.deepStrictEqual(ours.value, theirs.value, label);
  }
}

describe('decoding agrees with jose on tokens jose signed', () => {
  test('1,000 random claim sets and headers decode to exactly what jose decodes', async () => {
    const { privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const r = rng(20261123);
    for (let i = 0; i < 1000; i++) {
      const claims = randomClaims(r);
      const protectedHeader = { alg: 'EdDSA', ...(r() < 0.5 ? { typ: 'JWT' } : {}), ...(r() < 0.3 ? randomObject(r) : {}), alg: 'EdDSA' };
      const token = await new jose.SignJWT(claims).setProtectedHeader(protectedHeader).sign(privateKey);
      assert.deepStrictEqual(decodeJwt(token), jose.decodeJwt(token), `claims #${i}`);
      assert.deepStrictEqual(decodeProtectedHeader(token), jose.decodeProtectedHeader(token), `header #${i}`);
    }
  });
});

// Each case: a token and, where edjwt is deliberately stricter, the rule its message names.
// Whitespace around a token lands in a segment decoding never reads (or one
// atob tolerates), yet verification refuses it: decoding refuses it too.
function surroundingWhitespace() {
  const token = tokenWithPayload(b64u('{"sub":"u"}'));
  return [
    ['token with a leading space', ` ${token}`],
    ['token with a leading newline', `\n${token}`],
    ['token with a trailing newline', `${token}\n`],
    ['token with a trailing space', `${token} `],
    ['token with a trailing CRLF', `${token}\r\n`],
  ].map(([label, input]) => [label, input, /whitespace is not allowed in base64url at offset \d+ \(the token (starts|ends) with whitespace/]);
}

const payloadCases = [
  ['not a string', 42],
  ['not a string (object)', { payload: 'e30' }],
  ['empty string', ''],
  ['one segment', 'abc'],
  ['two segments', 'a.b'],
  ['four segments', 'a.b.c.d'],
  ['five segments (JWE)', 'a.b.c.d.e'],
  ['six segments', 'a.b.c.d.e.f'],
  ['empty payload', `${header}..c2ln`],
  ['payload with a character outside base64', tokenWithPayload('e30*')],
  ['payload of dangling length', tokenWithPayload('e30xx')],
  ['payload with standard alphabet', tokenWithPayload('+/8')],
  ['payload that is an array', tokenWithPayload(b64u('[1,2]'))],
  ['payload that is a string', tokenWithPayload(b64u('"claims"'))],
  ['payload that is null', tokenWithPayload(b64u('null'))],
  ['payload that is a number', tokenWithPayload(b64u('1'))],
  ['payload with a NUL byte after the object', tokenWithPayload(Buffer.from('{}\0').toString('base64url'))],
  ['payload with trailing garbage', tokenWithPayload(b64u('{} x'))],
  ['payload with a trailing comma', tokenWithPayload(b64u('{"a":1,}'))],
  ['payload that is not JSON', tokenWithPayload(b64u('hello'))],
  ['payload with invalid UTF-8', tokenWithPayload(Buffer.from('{"a":"\xff"}', 'latin1').toString('base64url'))],
  ['payload with an overlong UTF-8 sequence', tokenWithPayload(Buffer.from([0x7b, 0x22, 0xc0, 0xaf, 0x22, 0x3a, 0x31, 0x7d]).toString('base64url'))],
  ['payload with duplicate keys (last wins)', tokenWithPayload(b64u('{"sub":"a","sub":"b"}'))],
  ['payload with huge integers', tokenWithPayload(b64u('{"n":123456789012345678901234567890}'))],
  ['payload with __proto__ key', tokenWithPayload(b64u('{"__proto__":{"admin":true}}'))],
  ['payload with escaped unicode', tokenWithPayload(b64u('{"e":"\\u00e9\\ud83d\\ude00"}'))],
  ['payload with whitespace around JSON', tokenWithPayload(b64u(' \n{"a":1}\t '))],
  ['payload nested 32 deep', tokenWithPayload(b64u('{"a":' + '['.repeat(31) + ']'.repeat(31) + '}'))],
  ['payload with = padding', tokenWithPayload('e30='), /padding/],
  ['payload with whitespace in base64url', tokenWithPayload('e3 0'), /whitespace/],
  ['payload with non-canonical trailing bits', tokenWithPayload('e31'), /non-canonical/],
  ['payload with a lone surrogate escape', tokenWithPayload(b64u('{"a":"\\ud800"}')), /lone UTF-16 surrogate/],
  ['payload with a number that overflows', tokenWithPayload(b64u('{"exp":1e400}')), /overflows a double/],
  ['payload with a byte-order mark', tokenWithPayload(b64u('\ufeff{}')), /byte-order mark/],
  ['payload nested 33 deep', tokenWithPayload(b64u('{"a":' + '['.repeat(32) + ']'.repeat(32) + '}')), /nesting is deeper/],
  ['token over 64 KiB', tokenWithPayload(b64u(JSON.stringify({ pad: 'x'.repeat(70000) }))), /over the limit/],
  ...surroundingWhitespace(),
];

const headerCases = [
  ['not a string', 42],
  ['null', null],
  ['object without protected', { payload: 'e30' }],
  ['object with empty protected', { protected: '' }],
  ['object with a valid protected', { protected: header }],
  ['object with a non-string protected', { protected: 5 }],
  ['two segments', 'a.b'],
  ['four segments', 'a.b.c.d'],
  ['JWE (five segments)', `${b64u('{"alg":"dir","enc":"A128GCM"}')}.a.b.c.d`],
  ['empty header', '.e30.c2ln'],
  ['header that is an array', tokenWithHeader(b64u('[]'))],
  ['header that is not JSON', tokenWithHeader(b64u('{alg}'))],
  ['header with invalid UTF-8', tokenWithHeader(Buffer.from('{"a":"\xfe"}', 'latin1').toString('base64url'))],
  ['header with standard alphabet', tokenWithHeader('+/8')],
  ['header with duplicate keys', tokenWithHeader(b64u('{"alg":"none","alg":"EdDSA"}'))],
  ['header with = padding', tokenWithHeader('e30='), /padding/],
  ['header with non-canonical trailing bits', tokenWithHeader('e31'), /non-canonical/],
  ['header with a lone surrogate escape', tokenWithHeader(b64u('{"kid":"\\udfff"}')), /lone UTF-16 surrogate/],
  ['header with a byte-order mark', tokenWithHeader(b64u('\ufeff{}')), /byte-order mark/],
  ...surroundingWhitespace(),
];

function checkCase(ours, theirs, [label, input, stricterRule], expectedClass) {
  const mine = outcome(ours, input);
  const reference = outcome(theirs, input);
  if (!stricterRule) return assertSameOutcome(mine, reference, label);
  assert.ifError(reference.error, `${label}: jose accepts this, so edjwt is stricter`);
  assert.ok(mine.error instanceof expectedClass, `${label}: ${mine.error}`);
  assert.match(mine.error.message, stricterRule, label);
}

describe('decodeJwt on malformed tokens', () => {
  for (const c of payloadCases) {
    test(c[2] ? `${c[0]}: rejected as JWTInvalid naming the rule (jose accepts)` : `${c[0]}: same outcome as jose`, () =>
      checkCase(decodeJwt, jose.decodeJwt, c, errors.JWTInvalid));
  }
});

describe('decodeProtectedHeader on malformed tokens', () => {
  for (const c of headerCases) {
    test(c[2] ? `${c[0]}: rejected as TypeError naming the rule (jose accepts)` : `${c[0]}: same outcome as jose`, () =>
      checkCase(decodeProtectedHeader, jose.decodeProtectedHeader, c, TypeError));
  }
});

describe('mutated tokens', () => {
  const stricterRules = /padding|whitespace|non-canonical|lone UTF-16 surrogate|overflows a double|byte-order mark|nesting is deeper|over the limit/;

  function mutate(r, token) {
    const chars = [...token];
    for (let n = 1 + r.int(3); n > 0; n--) {
      const at = r.int(chars.length + 1);
      switch (r.int(6)) {
        case 0: chars[at] = r.pick(['.', '=', ' ', '+', '/', '-', '_', 'A', '\u00e9', '\0']); break;
        case 1: chars.splice(at, 1); break;
        case 2: chars.splice(at, 0, r.pick(['.', '=', 'A', 'e30', '_-'])); break;
        case 3: chars.splice(at, r.int(10)); break;
        case 4: chars[at] = String.fromCharCode(r.int(128)); break;
        default: {
          const body = r.pick(['{"a":1e999}', '{"a":"\\ud800"}', '\ufeff{}', '[]', '{"a":', '{"a":"\u00e9"}', '{}']);
          return `${header}.${b64u(body)}.${token.split('.')[2] ?? ''}`;
        }
      }
    }
    return chars.join('');
  }

  test('10,000 mutations: same outcome as jose or a documented stricter rule, and the module never aborts', async () => {
    const { privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const r = rng(7);
    const seeds = [];
    for (let i = 0; i < 20; i++) seeds.push(await new jose.SignJWT(randomClaims(r)).setProtectedHeader({ alg: 'EdDSA' }).sign(privateKey));
    for (let i = 0; i < 10000; i++) {
      const token = mutate(r, r.pick(seeds));
      for (const [ours, theirs, expectedClass] of [
        [decodeJwt, jose.decodeJwt, errors.JWTInvalid],
        [decodeProtectedHeader, jose.decodeProtectedHeader, TypeError],
      ]) {
        const mine = outcome(ours, token);
        const reference = outcome(theirs, token);
        if (mine.error && !reference.error) {
          assert.ok(mine.error instanceof expectedClass, `#${i}: ${mine.error}`);
          assert.match(mine.error.message, stricterRules, `#${i}`);
        } else {
          assertSameOutcome(mine, reference, `mutation #${i}: ${JSON.stringify(token)}`);
        }
      }
    }
    assert.deepStrictEqual(decodeJwt(seeds[0]), jose.decodeJwt(seeds[0]));
  });
});
