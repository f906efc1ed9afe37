// Ending sessions early: admin revoke, logout and refresh-token reuse, the
// deny-list that stops outstanding access tokens, and the server-sent events
// that tell open tabs.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, decodePart, eventReader, postJson, startServer } from './support/server.js';

const { request, login } = await startServer();

async function openEvents(headers, path = '/auth/events') {
  const response = await request(path, { headers });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type'), /^text\/event-stream/);
  return eventReader(response);
}

const revoke = (token, body = {}) => postJson(request, '/admin/revoke', body, bearer(token));
/** A revoked event's data without its `at`, which must be the push's time in ms. */
function pushed(data) {
  const { at, ...rest } = JSON.parse(data);
  assert.ok(Number.isSafeInteger(at) && Math.abs(at - Date.now()) < 60_000, `at: ${at}`);
  return rest;
}

describe('admin revoke', () => {
  test('admin revoke pushes an SSE revoked event and denies the old access token', async () => {
    const tab = await login('alice');
    const otherDevice = await login('alice');
    const streams = [await openEvents({ cookie: tab.cookie }), await openEvents({ cookie: otherDevice.cookie })];

    const response = await revoke(tab.accessToken);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.sub, 'alice');
    assert.equal(body.revoked_sessions, 2);
    assert.equal(body.revoked_access_tokens, 2);

    for (const [stream, session] of [[streams[0], tab], [streams[1], otherDevice]]) {
      const event = await stream.next();
      assert.equal(event.event, 'revoked');
      assert.deepEqual(pushed(event.data), { reason: 'admin_revoke', sid: decodePart(session.accessToken, 1).sid });
      assert.equal(await stream.next(), null, 'the stream ends with its session');
    }
    for (const session of [tab, otherDevice]) {
      const me = await request('/api/me', { headers: bearer(session.accessToken) });
      assert.equal(me.status, 401);
      assert.equal((await me.json()).reason, 'revoked');
      const refreshed = await request('/auth/refresh', { method: 'POST', headers: { cookie: session.cookie } });
      assert.equal((await refreshed.json()).error, 'refresh_token_revoked');
    }
  });

  test("leaves other users' sessions and streams alone", async () => {
    const alice = await login('alice');
    const bob = await login('bob');
    const bobStream = await openEvents({ cookie: bob.cookie });
    assert.equal((await revoke(alice.accessToken)).status, 200);
    assert.equal((await request('/api/me', { headers: bearer(bob.accessToken) })).status, 200);
    // Bob's stream is still open: his logout is the next thing it reports.
    await request('/auth/logout', { method: 'POST', headers: { cookie: bob.cookie } });
    assert.deepEqual(JSON.parse((await bobStream.next()).data).reason, 'logout');
  });

  test("refuses another user's sub with 403", async () => {
    const alice = await login('alice');
    const response = await revoke(alice.accessToken, { sub: 'bob' });
    assert.equal(response.status, 403);
    assert.equal((await response.json()).error, 'forbidden');
    assert.equal((await revoke(alice.accessToken, { sub: 'alice' })).status, 200);
  });

  test('requires a Bearer access token', async () => {
    const response = await postJson(request, '/admin/revoke', {});
    assert.equal(response.status, 401);
    assert.equal((await response.json()).error, 'missing_token');
  });
});

describe('event stream', () => {
  test('logout pushes revoked to the tabs of that session only', async () => {
    const first = await login('bob');
    const second = await login('bob');
    const firstStream = await openEvents({ cookie: first.cookie });
    const secondStream = await openEvents({}, `/auth/events?access_token=${second.accessToken}`);

    await request('/auth/logout', { method: 'POST', headers: { cookie: first.cookie } });
    const event = await firstStream.next();
    assert.equal(event.event, 'revoked');
    assert.deepEqual(pushed(event.data), { reason: 'logout', sid: decodePart(first.accessToken, 1).sid });

    await request('/auth/logout', { method: 'POST', headers: { cookie: second.cookie } });
    assert.deepEqual(pushed((await secondStream.next()).data), { reason: 'logout', sid: decodePart(second.accessToken, 1).sid });
  });

  test('refresh-token reuse pushes revoked with reason refresh_token_reused', async () => {
    const { cookie, accessToken } = await login('alice');
    const stream = await openEvents({ cookie });
    await request('/auth/refresh', { method: 'POST', headers: { cookie } });
    await request('/auth/refresh', { method: 'POST', headers: { cookie } });
    assert.deepEqual(pushed((await stream.next()).data), { reason: 'refresh_token_reused', sid: decodePart(accessToken, 1).sid });
  });

  test('refuses a request without credentials, or with revoked ones', async () => {
    const none = await request('/auth/events');
    assert.equal(none.status, 401);
    assert.equal((await none.json()).error, 'missing_credentials');

    const { cookie, accessToken } = await login('bob');
    await request('/auth/logout', { method: 'POST', headers: { cookie } });
    const byCookie = await request('/auth/events', { headers: { cookie } });
    assert.equal((await byCookie.json()).error, 'refresh_token_revoked');
    const byToken = await request(`/auth/events?access_token=${accessToken}`);
    assert.equal(byToken.status, 401);
    assert.equal((await byToken.json()).error, 'invalid_token');
  });

  test("closing the server ends open streams, so the process can exit", async () => {
    const own = await startServer();
    const { cookie } = await own.login('alice');
    const response = await own.request('/auth/events', { headers: { cookie } });
    const stream = eventReader(response);
    await own.close();
    assert.equal(await stream.next(), null);
  });
});
