// Redis stopped under two running instances: requests that need it get a 503
// JSON error, the processes stay up, and when Redis is back the same sessions
// go on by themselves; a refresh refused by the outage did not spend its token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, eventReader, postJson } from './support/server.js';
import { startInstance } from './support/instances.js';
import { startRedis } from './support/redis.js';

const redis = await startRedis();
const a = await startInstance(redis);
const b = await startInstance(redis);

/** Polls until `probe()` is true; the clients reconnect with a backoff of at most 1 s. */
async function eventually(probe, what, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    assert.ok(Date.now() < deadline, `${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('Redis down and back', () => {
  test('503 JSON errors while Redis is down, no crash; afterwards the same session refreshes and calls the API', async () => {
    const session = await a.login();
    assert.equal(session.response.status, 200);

    await redis.stop();
    const during = [
      await a.request('/api/me', { headers: bearer(session.accessToken) }),
      await b.refresh(session.cookie),
      await postJson(a.request, '/auth/login', { username: 'bob', password: 'bob-password' }),
      await b.request('/.well-known/jwks.json'),
      await a.request('/auth/session', { headers: { cookie: session.cookie } }),
    ];
    for (const response of during) {
      assert.equal(response.status, 503, response.url);
      assert.match(response.headers.get('content-type'), /^application\/json/);
      assert.equal((await response.json()).error, 'store_unavailable');
      assert.equal(response.headers.get('retry-after'), '1');
    }
    assert.ok(a.running() && b.running(), 'both instances are still up');

    await redis.start();
    await eventually(async () => (await a.request('/api/me', { headers: bearer(session.accessToken) })).status === 200, 'A recovers');
    await eventually(async () => (await b.request('/.well-known/jwks.json')).status === 200, 'B recovers');
    // The refresh refused during the outage left the token unspent: it rotates now, once.
    const refreshed = await b.refresh(session.cookie);
    assert.equal(refreshed.status, 200);
    const { access_token: next } = await refreshed.json();
    assert.equal((await a.request('/api/notes', { headers: bearer(next) })).status, 200);
    assert.equal((await (await a.refresh(session.cookie)).json()).error, 'refresh_token_reused', 'the token is spent now');
    // Both instances listen for revocations again: a logout on B ends A's event stream.
    await eventually(async () => (await redis.cli('PUBSUB', 'NUMSUB', 'edjwt:revocations')).endsWith('\n2'), 'both resubscribed');
    const later = await a.login('bob');
    const events = eventReader(await a.request('/auth/events', { headers: { cookie: later.cookie } }));
    assert.equal((await b.request('/auth/logout', { method: 'POST', headers: { cookie: later.cookie } })).status, 204);
    assert.equal(JSON.parse((await events.next()).data).reason, 'logout');

    assert.match(a.output.stderr, /Redis unreachable/);
    assert.match(a.output.stderr, /Redis reachable again/);
    assert.doesNotMatch(a.output.stderr + b.output.stderr, /unexpected error/);
  });
});
