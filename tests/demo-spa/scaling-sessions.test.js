// Session mode and login throttling on two demo backend instances (separate
// processes) sharing one real Redis: a server-side session started on one is
// looked up on the other and deleted from either; failed sign-ins spread
// over both meet one count.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { eventReader, postJson } from './support/server.js';
import { startInstance } from './support/instances.js';
import { startRedis } from './support/redis.js';

// Started at the top level, so their clean-up belongs to the file, not to a hook.
const redis = await startRedis();
const a = await startInstance(redis);
const b = await startInstance(redis);

const signIn = (instance, username, password, mode) => postJson(instance.request, '/auth/login', { username, password, mode });
const me = (instance, cookie) => instance.request('/api/me', { headers: { cookie } });

describe('two instances on one Redis', () => {
  test('a session cookie from A works on B; "revoke all" on B ends it on A and pushes to A\'s stream', async () => {
    const login = await signIn(a, 'alice', 'alice-password', 'session');
    assert.equal(login.status, 200);
    const cookie = login.headers.getSetCookie()[0].split(';')[0];
    assert.equal((await me(b, cookie)).status, 200);
    const stream = eventReader(await a.request('/auth/events', { headers: { cookie } }));
    const other = (await signIn(b, 'alice', 'alice-password', 'session')).headers.getSetCookie()[0].split(';')[0];
    assert.equal((await postJson(b.request, '/admin/revoke', {}, { cookie: other })).status, 200);
    assert.equal(JSON.parse((await stream.next()).data).reason, 'admin_revoke');
    assert.equal((await me(a, cookie)).status, 401);
  });

  test('failed sign-ins for one name spread over A and B meet one count: the sixth attempt is throttled on either', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await signIn(i % 2 ? a : b, 'bob', 'wrong')).status, 401);
    for (const instance of [a, b]) {
      const response = await signIn(instance, 'bob', 'bob-password');
      assert.equal(response.status, 429);
      assert.ok(Number(response.headers.get('retry-after')) > 0);
    }
  });
});
