// jose's verify options, checked before anything reaches wasm and turned into
// the plain request js/verify.js writes (js/options.js): every wrong type is
// a TypeError naming the option, for exactly the inputs jose refuses with a
// TypeError too; spans take seconds or jose's strings; lists take one string
// or many.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { coreOptions } from '../../js/options.js';
import { makeSigner } from './support/signing.js';

const NOW = new Date(1_700_000_000_500);

describe('what each option becomes', () => {
  test('no options: no algorithm list, no crit, no claim rules, tolerance 0, now from the clock in whole seconds', () => {
    const before = Math.floor(Date.now() / 1000);
    const { algorithms, crit, jwt, claims } = coreOptions(undefined, true);
    assert.deepEqual([algorithms, crit, jwt], [undefined, [], true]);
    assert.deepEqual([claims.issuers, claims.audiences, claims.subject, claims.typ, claims.maxTokenAge], [undefined, undefined, undefined, undefined, undefined]);
    assert.equal(claims.clockTolerance, 0);
    assert.ok(claims.now >= before && claims.now <= Math.floor(Date.now() / 1000) && Number.isInteger(claims.now));
  });

  test('currentDate sets now, floored to the second as jose does', () => {
    assert.equal(coreOptions({ currentDate: NOW }, true).claims.now, 1_700_000_000);
  });

  test('issuer and audience take one string or a list; both become lists', () => {
    const { claims } = coreOptions({ issuer: 'a', audience: ['x', 'y'] }, true);
    assert.deepEqual([claims.issuers, claims.audiences], [['a'], ['x', 'y']]);
  });

  test('clockTolerance and maxTokenAge take seconds or a span ("30s", "2 minutes", "1h")', () => {
    for (const [value, seconds] of [[30, 30], ['30s', 30], ['2 minutes', 120], ['1h', 3600]]) {
      const { claims } = coreOptions({ clockTolerance: value, maxTokenAge: value }, true);
      assert.deepEqual([claims.clockTolerance, claims.maxTokenAge], [seconds, seconds], String(value));
    }
  });

  test('crit names the extensions its keys recognise; the rest passes through', () => {
    const compiled = coreOptions({ crit: { exp: true, b64: false }, algorithms: ['EdDSA'], requiredClaims: ['sub'], subject: 's', typ: 'at+jwt' }, false);
    assert.deepEqual(compiled.crit, ['exp', 'b64']);
    assert.equal(compiled.jwt, false);
    assert.deepEqual(compiled.algorithms, ['EdDSA']);
    assert.deepEqual([compiled.claims.requiredClaims, compiled.claims.subject, compiled.claims.typ], [['sub'], 's', 'at+jwt']);
  });
});

// A bad option is a TypeError before the token is read. jose refuses some of
// these with a TypeError too (the oracle rows); others it reads leniently and
// fails, or not, on the token instead (README, "stricter than jose").
describe('wrong options', () => {
  const rows = [
    ['options', null, 'TypeError'],
    ['algorithms', 'EdDSA', 'TypeError'],
    ['algorithms', [1], 'TypeError'],
    ['currentDate', 1_700_000_000_000, 'TypeError'],
    ['clockTolerance', {}, 'TypeError'],
    ['clockTolerance', 'soon', 'TypeError'],
    ['clockTolerance', -1, 'TypeError'],
    ['maxTokenAge', true, 'TypeError'],
    ['maxTokenAge', '-5 minutes', 'TypeError'],
    ['options', 'x', 'lenient'],
    ['crit', 'b64', 'lenient'],
    ['requiredClaims', 'exp', 'lenient'],
    ['issuer', 5, 'lenient'],
    ['audience', [1], 'lenient'],
    ['subject', 5, 'lenient'],
    ['typ', {}, 'lenient'],
  ];
  const signer = makeSigner();
  const token = signer.sign({ alg: 'EdDSA' }, { iat: 1_700_000_000, exp: 1_800_000_000 });
  const namesIt = (name) => (error) => error instanceof TypeError && (name === 'options' || error.message.includes(name) || /time period/.test(error.message));

  for (const [name, value, joseSays] of rows) {
    const options = name === 'options' ? value : { [name]: value };
    const what = joseSays === 'TypeError' ? 'jose refuses it with a TypeError too' : 'where jose reads it leniently';
    test(`${name}: ${JSON.stringify(value)} is a TypeError naming it, ${what}`, async () => {
      assert.throws(() => coreOptions(options, true), namesIt(name));
      const joseOutcome = await jose.jwtVerify(token, signer.publicKey, options).then(() => 'accepted', (error) => error);
      if (joseSays === 'TypeError') assert.ok(joseOutcome instanceof TypeError, String(joseOutcome));
      else assert.ok(!(joseOutcome instanceof TypeError), String(joseOutcome));
    });
  }
});
