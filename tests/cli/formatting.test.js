// How the command shows things to people: spans and relative times, colour
// only on a terminal (and never with NO_COLOR), and tokens kept out of messages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { redact } from '../../js/cli/redact.js';
import { colorsFor } from '../../js/cli/style.js';
import { describeTime, formatSpan } from '../../js/cli/time-format.js';

describe('time spans', () => {
  test('show the two largest units, leaving out a zero second unit', () => {
    assert.equal(formatSpan(252_000), '4m 12s');
    assert.equal(formatSpan(3 * 3_600_000), '3h');
    assert.equal(formatSpan(3 * 3_600_000 + 59_000), '3h');
    assert.equal(formatSpan(26 * 3_600_000 + 5 * 60_000), '1d 2h');
    assert.equal(formatSpan(45_999), '45s');
  });

  test('are the same length either way in time, and under a second is 0s', () => {
    assert.equal(formatSpan(-252_000), '4m 12s');
    assert.equal(formatSpan(999), '0s');
    assert.equal(formatSpan(0), '0s');
  });

  test('each time claim has its phrase for the future and the past; a time equal to now is past, as for exp in jose', () => {
    const now = Date.UTC(2030, 0, 1);
    const at = (offsetMs) => new Date(now + offsetMs);
    assert.equal(describeTime('exp', at(252_000), now), 'expires in 4m 12s');
    assert.equal(describeTime('exp', at(-3 * 3_600_000), now), 'expired 3h ago');
    assert.equal(describeTime('exp', at(0), now), 'expired 0s ago');
    assert.equal(describeTime('nbf', at(30_000), now), 'not valid for another 30s');
    assert.equal(describeTime('nbf', at(-60_000), now), 'valid since 1m ago');
    assert.equal(describeTime('iat', at(-60_000), now), 'issued 1m ago');
    assert.equal(describeTime('iat', at(5_000), now), 'issued 5s in the future');
  });
});

describe('colour', () => {
  const tty = { isTTY: true };

  test('is on for a terminal', () => {
    assert.equal(colorsFor(tty, {}).red('expired'), '\x1b[31mexpired\x1b[39m');
  });

  test('is off for pipes and files, with NO_COLOR set to anything, and for TERM=dumb', () => {
    assert.equal(colorsFor({ isTTY: false }, {}).red('expired'), 'expired');
    assert.equal(colorsFor(tty, { NO_COLOR: '1' }).red('expired'), 'expired');
    assert.equal(colorsFor(tty, { TERM: 'dumb' }).bold('Header'), 'Header');
  });

  test('an empty NO_COLOR does not count as set (no-color.org)', () => {
    assert.equal(colorsFor(tty, { NO_COLOR: '' }).green('valid'), '\x1b[32mvalid\x1b[39m');
  });
});

describe('redaction', () => {
  const token = 'eyJhbGciOiJFZERTQSJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl';

  test('replaces anything shaped like a JWT with its length', () => {
    assert.equal(redact(`cannot read the --jwk file "${token}"`), 'cannot read the --jwk file "<token, 54 characters>"');
  });

  test('replaces the token being processed whatever its shape', () => {
    assert.equal(redact('bad: abc.def.ghi!', ['abc.def.ghi']), 'bad: <token, 11 characters>!');
  });

  test('leaves file names, URLs and error codes alone', () => {
    const text = 'the JWK Set at https://auth.example.com/.well-known/jwks.json (ERR_JWKS_NO_MATCHING_KEY) in keys/issuer.jwk.json; they.are.here';
    assert.equal(redact(text), text);
  });
});
