// TokenSession keeps a verified, unexpired token: it refreshes at the policy's
// point, backs off on failure, ends on a fatal error, survives sleep, long
// tokens and skewed clocks, shares one refresh between callers and between
// tabs, and never hands out a token that fails verification.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RefreshError, SessionEnded, TokenSession, jwtVerify } from 'edjwt';
import { FakeClock, settle } from './support/fake-clock.js';
import { FakeLocks } from './support/fake-locks.js';
import { issuer, record, session, signer } from './support/session-fixtures.js';
import { makeSigner } from './support/signing.js';

describe('scheduling', () => {
  test('refreshes once, at the policy point: 60 s before exp of an hour-long token', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, server.refresh);
    await s.start(server.mint());
    assert.equal(s.nextRefreshAt.getTime(), s.expiresAt.getTime() - 60_000);
    await clock.advance(3539_000);
    assert.equal(server.calls.count, 0);
    await clock.advance(1_000);
    assert.equal(server.calls.count, 1);
    assert.equal(s.state, 'active');
    assert.equal(s.claims.n, 1);  // the refreshed token
    s.stop();
  });

  test('a 30 s token is refreshed at 80 % of its lifetime, not in a loop', async () => {
    const clock = new FakeClock();
    const server = issuer(clock, { ttlSeconds: 30 });
    const s = session(clock, server.refresh);
    await s.start(server.mint());
    await clock.advance(10 * 60_000);
    assert.equal(server.calls.count, 25);  // every 24 s for 10 minutes
    s.stop();
  });

  test('jitter keeps the refresh within 5 s (long tokens) or 10 % of the lifetime before the point', async () => {
    for (const u of [0, 0.5, 0.999]) {
      const clock = new FakeClock();
      const server = issuer(clock);
      const s = session(clock, server.refresh, { random: () => u });
      await s.start(server.mint());
      const lead = s.expiresAt.getTime() - s.nextRefreshAt.getTime();
      assert.ok(lead >= 60_000 && lead <= 65_000, `${lead}`);
      s.stop();
    }
  });

  test('failed refreshes back off 1 s, 2 s, 4 s … and report attempt and next retry', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    let failing = true;
    const s = session(clock, async () => {
      if (failing) throw new TypeError('fetch failed');
      return server.refresh();
    });
    const errors = record(s, 'error');
    await s.start(server.mint());
    await clock.advance(3540_000);
    await clock.advance(1_000 + 2_000 + 4_000 + 8_000);
    const delays = errors.map((e, i) => e.nextRetryAt.getTime() - (i === 0 ? 0 : errors[i - 1].nextRetryAt.getTime()));
    assert.deepEqual(errors.map((e) => e.attempt), [1, 2, 3, 4, 5]);
    assert.deepEqual(delays.slice(1), [2_000, 4_000, 8_000, 16_000]);
    assert.ok(errors.every((e) => e.code === 'network' && !e.fatal));
    failing = false;
    await clock.advance(16_000);
    assert.equal(s.state, 'active');
    s.stop();
  });

  test('a fatal refresh error ends the session at once with a code the UI can act on', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, async () => {
      throw new RefreshError('refresh_token_revoked', { fatal: true });
    });
    const seen = record(s, 'error', 'ended');
    await s.start(server.mint());
    await assert.rejects(s.refreshNow(), RefreshError);
    assert.deepEqual(seen.map((e) => e.type), ['error', 'ended']);
    assert.equal(seen[1].reason, 'revoked');
    assert.equal(seen[1].code, 'refresh_token_revoked');
    assert.equal(s.state, 'ended');
    await assert.rejects(s.getToken(), SessionEnded);
    assert.equal(clock.pending, 0);
  });

  test('a 30-minute sleep: the late timer acts on the real time', async () => {
    const clock = new FakeClock();
    const server = issuer(clock, { ttlSeconds: 600 });
    const s = session(clock, server.refresh);
    const seen = record(s, 'expired', 'refreshed');
    await s.start(server.mint());
    clock.jump(30 * 60_000);
    await clock.advance(0);
    assert.equal(server.calls.count, 1);
    assert.ok(seen.some((e) => e.type === 'expired'));
    assert.equal(s.state, 'active');
    assert.ok(s.expiresAt.getTime() > clock.now());
    s.stop();
  });

  test('a 40-day token is scheduled 40 days out: no early firing past setTimeout\'s 2^31-1 ms', async () => {
    const clock = new FakeClock();
    const server = issuer(clock, { ttlSeconds: 40 * 86400 });
    const s = session(clock, server.refresh);
    await s.start(server.mint());
    await clock.advance(2 ** 31);
    assert.equal(server.calls.count, 0);
    await clock.advance(40 * 86400_000 - 60_000 - 2 ** 31);
    assert.equal(server.calls.count, 1);
    s.stop();
  });

  for (const skewMs of [-600_000, 600_000]) {
    test(`a local clock ${skewMs > 0 ? 'slow' : 'fast'} by 10 minutes: no refresh loop, no premature logout`, async () => {
      const clock = new FakeClock();
      const server = issuer(clock, { ttlSeconds: 30, skewMs });
      const s = session(clock, server.refresh);
      const seen = record(s, 'error', 'expired', 'ended');
      await s.start();
      assert.ok(Math.abs(s.clockOffsetMs - skewMs) <= 1000, `${s.clockOffsetMs}`);
      await clock.advance(5 * 60_000);
      assert.ok(server.calls.count >= 12 && server.calls.count <= 14, `${server.calls.count} refreshes`);
      assert.deepEqual(seen, []);
      const token = await s.getToken();
      assert.ok((await jwtVerify(token, signer.jwk, { currentDate: new Date(clock.now() + skewMs) })).payload);
      s.stop();
    });
  }
});

describe('getToken', () => {
  test('100 concurrent getToken() calls share exactly one refresh', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return server.refresh();
    });
    const tokens = await Promise.all(Array.from({ length: 100 }, () => s.getToken()));
    assert.equal(server.calls.count, 1);
    assert.equal(new Set(tokens).size, 1);
    s.stop();
  });

  test('a refreshed token with a bad signature is refused, reported, and never handed out', async () => {
    const clock = new FakeClock();
    const forger = issuer(clock, { by: makeSigner() });
    const s = session(clock, forger.refresh);
    const errors = record(s, 'error');
    await assert.rejects(s.getToken());
    assert.equal(errors[0].code, 'verification_failed');
    assert.equal(s.claims, undefined);
    s.stop();
  });

  test('an expiring token is refreshed before it is handed out; a valid one is returned as is', async () => {
    const clock = new FakeClock();
    const server = issuer(clock, { ttlSeconds: 100 });
    const s = session(clock, server.refresh);
    const first = server.mint();
    await s.start(first);
    assert.equal(await s.getToken(), first);
    clock.jump(90_000);
    const second = await s.getToken();
    assert.notEqual(second, first);
    assert.equal(server.calls.count, 1);
    s.stop();
  });

  test('start refuses a token that does not verify', async () => {
    const clock = new FakeClock();
    const s = session(clock, async () => ({ accessToken: 'x' }));
    await assert.rejects(s.start(makeSigner().sign({ alg: 'EdDSA' }, { exp: 2e9 })));
    s.stop();
  });

  test('end(reason) ends the session for the application', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, server.refresh);
    const seen = record(s, 'ended');
    await s.start(server.mint());
    s.end('revoked');
    assert.deepEqual(seen.map((e) => e.reason), ['revoked']);
    await assert.rejects(s.getToken(), SessionEnded);
  });

  test('bad options are TypeErrors', () => {
    assert.throws(() => new TokenSession({}), TypeError);
    assert.throws(() => new TokenSession({ refresh: async () => ({}) }), TypeError);
    assert.throws(() => new TokenSession({ refresh: async () => ({}), key: signer.jwk, policy: { jitterMs: -1 } }), TypeError);
  });
});

describe('many tabs, one refresh', () => {
  test('two sessions on one channel (BroadcastChannel election): one refresh, both on the new token', async () => {
    const server = issuer({ now: () => Date.now() });
    const name = `tabs-${Math.random()}`;
    const a = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel: name });
    const b = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel: name });
    const [tokenA, tokenB] = await Promise.all([a.getToken(), b.getToken()]);
    assert.equal(server.calls.count, 1);
    assert.equal(tokenA, tokenB);
    a.stop();
    b.stop();
  });

  test('with Web Locks: the second tab waits for the lock and adopts the first tab\'s token', async () => {
    const server = issuer({ now: () => Date.now() });
    const locks = new FakeLocks();
    const name = `locks-${Math.random()}`;
    const a = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel: name, locks });
    const b = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel: name, locks });
    const [tokenA, tokenB] = await Promise.all([a.getToken(), b.getToken()]);
    await settle();
    assert.equal(server.calls.count, 1);
    assert.equal(tokenA, tokenB);
    a.stop();
    b.stop();
  });

  test('a leader that hangs past the timeout does not block the others', async () => {
    const server = issuer({ now: () => Date.now() });
    const name = `hang-${Math.random()}`;
    const hung = new TokenSession({ refresh: () => new Promise(() => {}), key: signer.jwk, channel: name, refreshTimeoutMs: 200 });
    const healthy = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel: name, refreshTimeoutMs: 200 });
    const results = await Promise.allSettled([hung.getToken(), healthy.getToken()]);
    assert.equal(results[1].status, 'fulfilled');
    assert.ok(await jwtVerify(results[1].value, signer.jwk));
    hung.stop();
    healthy.stop();
  });
});
