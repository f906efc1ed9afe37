// One contract, both stores: the in-memory store and the Redis store (on a
// private redis-server) give the same answers to the same calls, on a clock
// the test moves by hand.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { createStore } from '../../demo-spa/server/store.js';
import { startRedis } from './support/redis.js';

const redis = await startRedis();
const ACCESS_TTL = 30;
const REFRESH_TTL = 600;
const SESSION_IDLE_TTL = 60;
const SESSION_TTL = 150;
let prefixes = 0;

async function open(redisUrl) {
  const clock = { now: Date.now() };
  // Each Redis store gets its own key prefix, so the tests do not see each other's state.
  const store = createStore({ redisUrl, prefix: `t${++prefixes}:`, now: () => clock.now, accessTokenTtl: ACCESS_TTL, refreshTokenTtl: REFRESH_TTL,
    sessionIdleTtl: SESSION_IDLE_TTL, sessionAbsoluteTtl: SESSION_TTL });
  await store.ready();
  return { store, clock };
}

const refused = (code) => (error) => error.code === code;

for (const [name, redisUrl] of [['in memory', undefined], ['Redis', redis.url]]) {
  describe(`the store ${name}`, () => {
    test('a refresh token rotates once; its second use revokes the family, the successor included', async (t) => {
      const { store } = await open(redisUrl);
      t.after(() => store.close());
      const { refreshTokens } = store;
      const first = await refreshTokens.start('alice');
      const second = await refreshTokens.rotate(first.token);
      assert.deepEqual([second.familyId, second.sub], [first.familyId, 'alice']);
      assert.notEqual(second.token, first.token);
      assert.equal(await refreshTokens.isActive(first.familyId), true);
      await assert.rejects(refreshTokens.rotate(first.token), refused('refresh_token_reused'));
      assert.equal(await refreshTokens.isActive(first.familyId), false);
      await assert.rejects(refreshTokens.rotate(second.token), refused('refresh_token_revoked'));
    });

    test('expiry: a token unused for the refresh ttl is refused as expired; a spent token still names its session', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { refreshTokens } = store;
      const first = await refreshTokens.start('bob');
      const second = await refreshTokens.rotate(first.token);
      assert.deepEqual(await refreshTokens.inspect(first.token), { familyId: first.familyId, sub: 'bob' });
      clock.now += REFRESH_TTL * 1000;
      await assert.rejects(refreshTokens.inspect(second.token), refused('refresh_token_expired'));
      await assert.rejects(refreshTokens.rotate(second.token), refused('refresh_token_expired'));
    });

    test('unknown and malformed tokens are invalid, and revoke nothing', async (t) => {
      const { store } = await open(redisUrl);
      t.after(() => store.close());
      const { refreshTokens } = store;
      const { token, familyId } = await refreshTokens.start('alice');
      // Same shape, same family part where the format has one, other random bytes.
      const forged = token.slice(0, -43) + 'A'.repeat(43);
      for (const bad of [forged, 'x', undefined, `${token}x`]) {
        await assert.rejects(refreshTokens.rotate(bad), refused('refresh_token_invalid'));
        await assert.rejects(refreshTokens.inspect(bad), refused('refresh_token_invalid'));
        assert.equal(await refreshTokens.revokeByToken(bad, 'logout'), undefined);
      }
      assert.equal(await refreshTokens.isActive(familyId), true);
      assert.equal(await refreshTokens.revokeByToken(token, 'logout'), familyId);
      assert.equal(await refreshTokens.revokeByToken(token, 'logout'), undefined, 'already revoked');
      await assert.rejects(refreshTokens.inspect(token), (error) => error.code === 'refresh_token_revoked' && /logout/.test(error.message));
    });

    test("revokeUser ends the user's live families only", async (t) => {
      const { store } = await open(redisUrl);
      t.after(() => store.close());
      const { refreshTokens } = store;
      const one = await refreshTokens.start('carol');
      const two = await refreshTokens.start('carol');
      const other = await refreshTokens.start('dave');
      await refreshTokens.revokeByToken(one.token, 'logout');
      assert.deepEqual(await refreshTokens.revokeUser('carol', 'admin_revoke'), [two.familyId]);
      assert.equal(await refreshTokens.isActive(other.familyId), true);
      assert.deepEqual(await refreshTokens.revokeUser('carol', 'admin_revoke'), []);
    });

    test('access tokens: revokeUser denies the jtis still in force, not expired ones nor other users', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { accessTokens } = store;
      const nowSeconds = () => Math.floor(clock.now / 1000);
      await accessTokens.record('erin', 'old', nowSeconds() + 1);
      clock.now += 10_000; // past exp + the 5 s tolerance
      await accessTokens.record('erin', 'live', nowSeconds() + ACCESS_TTL);
      await accessTokens.record('frank', 'other', nowSeconds() + ACCESS_TTL);
      assert.equal(await accessTokens.revokeUser('erin'), 1);
      assert.deepEqual(await Promise.all(['live', 'old', 'other'].map(accessTokens.isDenied)), [true, false, false]);
      assert.equal(await accessTokens.revokeUser('erin'), 0);
    });

    test('sessions: a 256-bit opaque id; each touch slides the idle timeout, never past the absolute lifetime', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { sessions } = store;
      const started = clock.now;
      const session = await sessions.start('alice');
      assert.match(session.id, /^[A-Za-z0-9_-]{43}$/);
      assert.deepEqual([session.idleUntil, session.expiresAt], [started + SESSION_IDLE_TTL * 1000, started + SESSION_TTL * 1000]);
      // Used every 40 s (within the 60 s idle timeout) it lives on, up to its 150 s.
      for (const at of [40, 80]) {
        clock.now = started + at * 1000;
        const touched = await sessions.touch(session.id);
        assert.deepEqual(touched, { sub: 'alice', handle: session.handle, idleUntil: clock.now + SESSION_IDLE_TTL * 1000, expiresAt: session.expiresAt });
      }
      clock.now = started + 130_000;
      assert.equal((await sessions.touch(session.id)).idleUntil, session.expiresAt, 'the idle timeout stops at the absolute end');
      clock.now = started + SESSION_TTL * 1000;
      assert.equal(await sessions.touch(session.id), undefined, 'absolute lifetime reached');
    });

    test('sessions: an unused session ends after the idle timeout; unknown and malformed ids name none', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { sessions } = store;
      const session = await sessions.start('bob');
      for (const bad of ['A'.repeat(43), 'x', undefined, `${session.id}x`]) assert.equal(await sessions.touch(bad), undefined);
      clock.now += SESSION_IDLE_TTL * 1000;
      assert.equal(await sessions.touch(session.id), undefined);
    });

    test("sessions: end deletes one record, endUser every record of that user only", async (t) => {
      const { store } = await open(redisUrl);
      t.after(() => store.close());
      const { sessions } = store;
      const [one, two, three, other] = await Promise.all(['carol', 'carol', 'carol', 'dave'].map((sub) => sessions.start(sub)));
      assert.equal(await sessions.end(one.id), one.handle);
      assert.equal(await sessions.end(one.id), undefined, 'already ended');
      assert.equal(await sessions.touch(one.id), undefined);
      assert.deepEqual((await sessions.endUser('carol')).sort(), [two.handle, three.handle].sort());
      assert.equal(await sessions.touch(two.id), undefined);
      assert.equal((await sessions.touch(other.id)).sub, 'dave');
      assert.deepEqual(await sessions.endUser('carol'), []);
    });

    test('login failures: counted per key over a window opened by the first failure; clear resets', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { loginFailures } = store;
      const opened = clock.now;
      assert.deepEqual(await loginFailures.add('user:x', 60_000), { count: 1, resetAt: opened + 60_000 });
      clock.now += 30_000;
      assert.deepEqual(await loginFailures.add('user:x', 60_000), { count: 2, resetAt: opened + 60_000 });
      assert.deepEqual(await loginFailures.get('user:x'), { count: 2, resetAt: opened + 60_000 });
      assert.deepEqual(await loginFailures.get('user:y'), { count: 0, resetAt: 0 });
      clock.now = opened + 60_000;
      assert.deepEqual(await loginFailures.get('user:x'), { count: 0, resetAt: 0 }, 'the window has passed');
      assert.deepEqual(await loginFailures.add('user:x', 60_000), { count: 1, resetAt: clock.now + 60_000 });
      await loginFailures.clear('user:x');
      assert.deepEqual(await loginFailures.get('user:x'), { count: 0, resetAt: 0 });
    });

    test('keys: a rotation keeps the replaced key published until its tokens expire', async (t) => {
      const { store, clock } = await open(redisUrl);
      t.after(() => store.close());
      const { keys } = store;
      const [original] = await keys.live();
      const { current, previous } = await keys.rotate();
      assert.equal(previous.kid, original.kid);
      assert.equal(previous.retiresAt, clock.now + (ACCESS_TTL + 5) * 1000);
      assert.deepEqual((await keys.live()).map((key) => key.kid), [current.kid, original.kid]);
      clock.now = previous.retiresAt;
      assert.deepEqual((await keys.live()).map((key) => key.kid), [current.kid]);
    });
  });
}

test('Redis: stores on one prefix share a revocation, delivered once to each, the publisher included', async (t) => {
  const stores = [0, 1].map(() => createStore({ redisUrl: redis.url, prefix: 'shared:', now: Date.now, accessTokenTtl: 30, refreshTokenTtl: 60 }));
  t.after(() => Promise.all(stores.map((store) => store.close())));
  await Promise.all(stores.map((store) => store.ready()));
  const received = stores.map(() => []);
  stores.forEach((store, i) => store.revocations.subscribe((target, reason) => received[i].push({ target, reason })));
  await stores[0].revocations.publish({ sub: 'alice' }, 'admin_revoke');
  for (let i = 0; i < 50 && received[1].length === 0; i++) await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(received, [[{ target: { sub: 'alice' }, reason: 'admin_revoke' }], [{ target: { sub: 'alice' }, reason: 'admin_revoke' }]]);
});
