// Session mode over HTTP: the opaque session cookie, its record looked up on
// every API call (sliding idle timeout, absolute lifetime), logout and
// "revoke all" deleting records, and one mode per browser.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, decodePart, eventReader, postJson, refreshCookie, startServer } from './support/server.js';

const IDLE_TTL = 60;
const SESSION_TTL = 150;
const { request, login, clock } = await startServer({ sessionIdleTtl: IDLE_TTL, sessionAbsoluteTtl: SESSION_TTL });

const sessionCookie = (response) => response.headers.getSetCookie().find((line) => line.startsWith('session_id='));

async function sessionLogin(username = 'alice') {
  const response = await postJson(request, '/auth/login', { username, password: `${username}-password`, mode: 'session' });
  return { response, body: await response.json(), cookie: sessionCookie(response)?.split(';')[0] };
}
const me = (cookie) => request('/api/me', { headers: { cookie } });

describe('session-mode sign-in', () => {
  test('sets a 256-bit opaque id in an HttpOnly SameSite=Strict cookie for every path, and no token', async () => {
    const { response, body } = await sessionLogin();
    assert.equal(response.status, 200);
    const [pair, ...attributes] = sessionCookie(response).split('; ');
    assert.match(pair, /^session_id=[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(attributes.sort(), ['HttpOnly', `Max-Age=${SESSION_TTL}`, 'Path=/', 'SameSite=Strict']);
    assert.equal(body.mode, 'session');
    assert.equal(body.sub, 'alice');
    assert.equal(body.idle_timeout, IDLE_TTL);
    assert.equal(body.access_token, undefined);
    assert.equal(response.headers.getSetCookie().some((line) => line.startsWith('refresh_token=') && !line.includes('Max-Age=0')), false);
  });

  test('each sign-in gets a new id', async () => {
    const ids = new Set();
    for (let i = 0; i < 3; i++) ids.add((await sessionLogin()).cookie);
    assert.equal(ids.size, 3);
  });

  test('refuses an unknown mode with 400', async () => {
    const response = await postJson(request, '/auth/login', { username: 'alice', password: 'alice-password', mode: 'magic' });
    assert.equal(response.status, 400);
  });
});

describe('session-mode API calls', () => {
  test('the same routes answer with the cookie alone, one store lookup each', async () => {
    const { cookie } = await sessionLogin('bob');
    const response = await me(cookie);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.mode, 'session');
    assert.equal(body.user.sub, 'bob');
    assert.equal(response.headers.get('x-store-lookups'), '1');
    const idleUntil = Number(response.headers.get('x-session-idle-until'));
    assert.ok(Math.abs(idleUntil - (clock.now + IDLE_TTL * 1000)) < 1000, 'the moved-on idle timeout, for the page');
    const notes = await request('/api/notes', { headers: { cookie } });
    assert.equal((await notes.json()).owner, 'bob');
  });

  test('the idle timeout slides with use; an idle session is refused with 401 and its cookie cleared', async () => {
    const { cookie } = await sessionLogin();
    clock.now += (IDLE_TTL - 10) * 1000;
    assert.equal((await me(cookie)).status, 200, 'used before the idle timeout');
    clock.now += (IDLE_TTL - 10) * 1000;
    assert.equal((await me(cookie)).status, 200, 'the previous use moved the timeout on');
    clock.now += IDLE_TTL * 1000;
    const idle = await me(cookie);
    assert.equal(idle.status, 401);
    assert.equal((await idle.json()).error, 'invalid_session');
    assert.match(sessionCookie(idle), /^session_id=; Max-Age=0; Path=\/;/);
  });

  test('no session outlives its absolute lifetime, however busy', async () => {
    const { cookie } = await sessionLogin();
    for (let used = 0; used + 40 < SESSION_TTL; used += 40) {
      clock.now += 40_000;
      assert.equal((await me(cookie)).status, 200);
    }
    clock.now += 40_000;
    assert.equal((await me(cookie)).status, 401);
  });

  test('a forged id is refused', async () => {
    assert.equal((await me(`session_id=${'A'.repeat(43)}`)).status, 401);
  });
});

describe('ending sessions', () => {
  test('logout deletes the record and clears the cookie', async () => {
    const { cookie } = await sessionLogin();
    const stream = eventReader(await request('/auth/events', { headers: { cookie } }));
    const response = await request('/auth/logout', { method: 'POST', headers: { cookie } });
    assert.equal(response.status, 204);
    assert.match(sessionCookie(response), /^session_id=; Max-Age=0;/);
    assert.equal(JSON.parse((await stream.next()).data).reason, 'logout');
    assert.equal((await me(cookie)).status, 401);
  });

  test("revoke all deletes every session of the user in both modes, not other users'", async () => {
    const first = await sessionLogin('alice');
    const second = await sessionLogin('alice');
    const jwt = await login('alice');
    const bob = await sessionLogin('bob');
    const stream = eventReader(await request('/auth/events', { headers: { cookie: second.cookie } }));
    const response = await request('/admin/revoke', { method: 'POST', headers: { cookie: first.cookie } });
    assert.equal(response.status, 200);
    assert.ok((await response.json()).revoked_sessions >= 3);
    assert.equal(sessionCookie(response), undefined, "the caller's cookie stays, naming no record");
    assert.equal(JSON.parse((await stream.next()).data).reason, 'admin_revoke');
    for (const cookie of [first.cookie, second.cookie]) assert.equal((await me(cookie)).status, 401);
    assert.equal((await request('/api/me', { headers: bearer(jwt.accessToken) })).status, 401);
    assert.equal((await me(bob.cookie)).status, 200);
  });

  test('a sign-in in one mode ends what the browser held in the other', async () => {
    const jwt = await login('alice');
    const session = await sessionLogin('alice');
    const asBrowser = await postJson(request, '/auth/login', { username: 'alice', password: 'alice-password', mode: 'session' }, { cookie: jwt.cookie });
    assert.match(refreshCookie(asBrowser), /^refresh_token=$/);
    assert.equal((await request('/api/me', { headers: bearer(jwt.accessToken) })).status, 401);
    const back = await postJson(request, '/auth/login', { username: 'alice', password: 'alice-password' }, { cookie: session.cookie });
    assert.match(sessionCookie(back), /^session_id=; Max-Age=0;/);
    assert.equal((await me(session.cookie)).status, 401);
    assert.equal(decodePart((await back.json()).access_token, 1).sub, 'alice');
  });

  test('GET /auth/session names the mode of the live session', async () => {
    const { cookie } = await sessionLogin('bob');
    const body = await (await request('/auth/session', { headers: { cookie } })).json();
    assert.deepEqual([body.active, body.mode, body.sub], [true, 'session', 'bob']);
  });
});
