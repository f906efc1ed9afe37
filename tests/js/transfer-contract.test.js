// One contract per core operation (js/transfer.js, the one caller of the
// Embind module): one call in, one result out -- the status and the outputs
// on success, the status and the failure's own detail only on failure --
// with names, not numbers, for session phases, actions and token states.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import 'edjwt';  // the Node entry loads the module
import { policyDefaults } from '../../js/expiry.js';
import { Status } from '../../js/status.js';
import * as transfer from '../../js/transfer.js';
import { makeSigner } from './support/signing.js';
import { b64u, tokenWithPayload } from './support/tokens.js';

const signer = makeSigner();
const token = signer.sign({ alg: 'EdDSA' }, { iat: 1000, nbf: 1000, exp: 1300 });
const at = (nowMs) => ({ nowMs, clockOffsetMs: 0, toleranceMs: 0, policy: policyDefaults() });

describe('results', () => {
  test('success: the status and the outputs, no failure detail', () => {
    const decoded = transfer.decode('claims', token);
    assert.deepEqual(Object.keys(decoded).sort(), ['json', 'status']);
    assert.equal(decoded.status, Status.ok);
    const expiry = transfer.readExpiry(token, true, at(1_100_000));
    assert.deepEqual(Object.keys(expiry).sort(), ['expired', 'expiresInMs', 'lifetimeMs', 'notYetValid', 'state', 'status', 'times']);
    const key = transfer.importEd25519.jwkX(signer.jwk.x);
    assert.deepEqual(Object.keys(key).sort(), ['publicKey', 'status']);
    assert.deepEqual([...key.publicKey], [...Buffer.from(signer.jwk.x, 'base64url')]);
  });

  test('failure: the status and its detail (message, claim, reason), no outputs', () => {
    for (const result of [transfer.decode('claims', 'a.b'), transfer.readExpiry('{"exp":"soon"}', false, at(0)), transfer.checkTokenLength(10 ** 9),
      transfer.importEd25519.jwkX('AAAA'), transfer.importEd25519.spkiPem('-----BEGIN PUBLIC KEY-----'), transfer.importEd25519.raw(new Uint8Array(31))]) {
      assert.notEqual(result.status, Status.ok);
      assert.deepEqual(Object.keys(result).sort(), ['claim', 'message', 'reason', 'status']);
      assert.ok(result.message.length > 0);
    }
  });

  test('each failure carries its own detail, never the previous call\'s', () => {
    const first = transfer.decode('claims', 'a.b');
    const second = transfer.decode('claims', tokenWithPayload(b64u('[]')));
    const third = transfer.readExpiry('{"exp":"soon"}', false, at(0));
    assert.equal(new Set([first.message, second.message, third.message]).size, 3);
    assert.deepEqual([first.status, second.status, third.status], [Status.compact_malformed, Status.claims_malformed, Status.claim_invalid]);
  });
});

describe('expiry', () => {
  test('expiryAt on times read once agrees with reading the token again, at every second around nbf and exp', () => {
    const { times } = transfer.readExpiry(token, true, at(0));
    for (const seconds of [999, 1000, 1001, 1239, 1240, 1241, 1299, 1300, 1301]) {
      const again = transfer.readExpiry(token, true, at(seconds * 1000 + 500));
      const fromTimes = transfer.expiryAt(times, at(seconds * 1000 + 500));
      assert.deepEqual(fromTimes, again, `t=${seconds}.5`);
    }
  });

  test('token states are names', () => {
    const states = [999, 1100, 1250, 1300].map((s) => transfer.readExpiry(token, true, at(s * 1000)).state);
    assert.deepEqual(states, ['not_yet_valid', 'valid', 'expiring', 'expired']);
  });
});

describe('session steps', () => {
  test('a new session is idle; events go in by name and phases and actions come out by name', () => {
    const { state, phase } = transfer.initialSession();
    assert.equal(phase, 'idle');
    const event = (kind, nowMs, extra = {}) => ({ kind, nowMs, jitter: 0, fatal: false, token: { hasExp: true, hasIat: true, expMs: 3_600_000, iatMs: 0 }, ...extra });
    const adopted = transfer.sessionStep(state, event('adopted', 0), policyDefaults());
    assert.deepEqual([adopted.phase, adopted.action], ['active', 'none']);
    const demanded = transfer.sessionStep(adopted.state, event('demand', 10_000), policyDefaults());
    assert.deepEqual([demanded.phase, demanded.action], ['refreshing', 'refresh']);
    const failed = transfer.sessionStep(demanded.state, event('refresh_failed', 11_000, { fatal: true }), policyDefaults());
    assert.deepEqual([failed.phase, failed.action], ['ended', 'end']);
  });
});
