// TokenSession's options (js/session-options.js): each wrong one is a
// TypeError naming it, thrown by the constructor before anything runs; the
// policy is the core's defaults with the caller's overrides; cross-tab
// coordination is off outside browser windows unless a channel is named.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { policyDefaults } from '../../js/expiry.js';
import { sessionOptions } from '../../js/session-options.js';
import { systemClock } from '../../js/timers.js';
import { signer } from './support/session-fixtures.js';

const refresh = async () => ({ accessToken: 't' });
const base = { refresh, key: signer.jwk };

describe('wrong options', () => {
  const rows = [
    ['no options object', undefined, 'TokenSession options'],
    ['refresh as a URL', { ...base, refresh: 'https://auth/refresh' }, '"refresh"'],
    ['neither key nor jwks', { refresh }, '"key" or "jwks"'],
    ['both key and jwks', { ...base, jwks: () => signer.jwk }, '"key" or "jwks"'],
    ['jwks as a plain JWK Set object', { refresh, jwks: { keys: [] } }, '"jwks"'],
    ['refreshTimeoutMs 0', { ...base, refreshTimeoutMs: 0 }, '"refreshTimeoutMs"'],
    ['refreshTimeoutMs Infinity', { ...base, refreshTimeoutMs: Infinity }, '"refreshTimeoutMs"'],
    ['random as a number', { ...base, random: 0.5 }, '"random"'],
    ['a negative policy value', { ...base, policy: { jitterMs: -1 } }, 'policy.jitterMs'],
    ['a policy value as a span string', { ...base, policy: { refreshLeadMs: '60s' } }, 'policy.refreshLeadMs'],
  ];
  for (const [what, options, named] of rows) {
    test(`${what}: a TypeError naming ${named}`, () => {
      assert.throws(() => sessionOptions(options), (error) => error instanceof TypeError && error.message.includes(named));
    });
  }
});

describe('defaults', () => {
  test('the policy is the core\'s, with the caller\'s overrides on top', () => {
    assert.deepEqual(sessionOptions(base).policy, policyDefaults());
    assert.deepEqual(sessionOptions({ ...base, policy: { minRefreshGapMs: 5 } }).policy, { ...policyDefaults(), minRefreshGapMs: 5 });
  });

  test('15 s refresh timeout, the system clock, Math.random, and a key or a JWK Set as the verification key', () => {
    const options = sessionOptions(base);
    assert.deepEqual([options.refreshTimeoutMs, options.clock, options.random, options.key], [15_000, systemClock, Math.random, signer.jwk]);
    const jwks = () => signer.jwk;
    assert.equal(sessionOptions({ refresh, jwks }).key, jwks);
  });

  test('no cross-tab channel outside a browser window unless one is named', () => {
    assert.equal(sessionOptions(base).channel, false);
    assert.equal(sessionOptions({ ...base, channel: 'mine' }).channel, 'mine');
  });
});
