// Login, refresh-token rotation and logout, as the SPA sees them over HTTP.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, decodePart, postJson, refreshCookie, startServer } from './support/server.js';

const REFRESH_TTL = 600;
const { request, login, clock } = await startServer({ accessTokenTtl: 30, refreshTokenTtl: REFRESH_TTL });

const refresh = (cookie) => request('/auth/refresh', { method: 'POST', headers: cookie ? { cookie } : {} });

describe('login', () => {
  test('returns a Bearer access token with its lifetime', async () => {
    const { response, body } = await login('alice');
    assert.equal(response.status, 200);
    assert.equal(body.token_type, 'Bearer');
    assert.equal(body.expires_in, 30);
    assert.equal(decodePart(body.access_token, 1).sub, 'alice');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  test('sets an HttpOnly SameSite=Strict refresh cookie scoped to /auth', async () => {
    const { response } = await login('bob');
    const [cookie] = response.headers.getSetCookie();
    const [pair, ...attributes] = cookie.split('; ');
    assert.match(pair, /^refresh_token=[A-Za-z0-9_-]{43}$/);
    assert.deepEqual(attributes.sort(), ['HttpOnly', `Max-Age=${REFRESH_TTL}`, 'Path=/auth', 'SameSite=Strict']);
  });

  test('marks the cookie Secure when the request came over https', async () => {
    const response = await postJson(request, '/auth/login', { username: 'alice', password: 'alice-password' }, {
      'x-forwarded-proto': 'https',
    });
    assert.ok(response.headers.getSetCookie()[0].split('; ').includes('Secure'));
  });

  for (const [name, credentials] of [
    ['a wrong password', { username: 'alice', password: 'bob-password' }],
    ['an unknown user', { username: 'mallory', password: 'mallory-password' }],
  ]) {
    test(`refuses ${name} with 401 invalid_credentials and no cookie`, async () => {
      const response = await postJson(request, '/auth/login', credentials);
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error, 'invalid_credentials');
      assert.deepEqual(response.headers.getSetCookie(), []);
    });
  }

  test('refuses non-string credentials with 400', async () => {
    const response = await postJson(request, '/auth/login', { username: 'alice', password: ['alice-password'] });
    assert.equal(response.status, 400);
    assert.equal((await response.json()).error, 'invalid_request');
  });
});

describe('refresh', () => {
  test('rotates: a new access token in the same session and a new cookie', async () => {
    const { cookie, accessToken } = await login();
    const response = await refresh(cookie);
    assert.equal(response.status, 200);
    assert.ok(response.headers.get('date'));
    const body = await response.json();
    const next = refreshCookie(response);
    assert.ok(next && next !== cookie);
    assert.equal(decodePart(body.access_token, 1).sid, decodePart(accessToken, 1).sid);
    assert.notEqual(decodePart(body.access_token, 1).jti, decodePart(accessToken, 1).jti);
    assert.equal((await request('/api/me', { headers: bearer(body.access_token) })).status, 200);
  });

  test('a refresh token works once; replaying it revokes the family', async () => {
    const { cookie, accessToken } = await login();
    const second = refreshCookie(await refresh(cookie));

    const replay = await refresh(cookie);
    assert.equal(replay.status, 401);
    assert.equal((await replay.json()).error, 'refresh_token_reused');
    assert.match(replay.headers.getSetCookie()[0], /^refresh_token=; Max-Age=0;/);

    // The legitimate holder's newer token and the family's access tokens die with it.
    const after = await refresh(second);
    assert.equal((await after.json()).error, 'refresh_token_revoked');
    const me = await request('/api/me', { headers: bearer(accessToken) });
    assert.equal(me.status, 401);
    assert.equal((await me.json()).reason, 'revoked');
  });

  test('refuses an expired refresh token with refresh_token_expired', async () => {
    const { cookie } = await login();
    clock.now += REFRESH_TTL * 1000;
    try {
      const response = await refresh(cookie);
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error, 'refresh_token_expired');
    } finally {
      clock.now -= REFRESH_TTL * 1000;
    }
  });

  for (const [name, cookie] of [
    ['a malformed', 'refresh_token=not-a-token'],
    ['a well-formed but forged', `refresh_token=${'A'.repeat(43)}`],
  ]) {
    test(`refuses ${name} cookie with refresh_token_invalid`, async () => {
      const response = await refresh(cookie);
      assert.equal(response.status, 401);
      assert.equal((await response.json()).error, 'refresh_token_invalid');
    });
  }

  test('refuses a request without the cookie with refresh_token_missing', async () => {
    const response = await refresh();
    assert.equal(response.status, 401);
    assert.equal((await response.json()).error, 'refresh_token_missing');
  });
});

describe('logout', () => {
  test('clears the cookie and ends the session and its access tokens', async () => {
    const { cookie, accessToken } = await login();
    const response = await request('/auth/logout', { method: 'POST', headers: { cookie } });
    assert.equal(response.status, 204);
    assert.match(response.headers.getSetCookie()[0], /^refresh_token=; Max-Age=0; Path=\/auth; HttpOnly; SameSite=Strict$/);
    assert.equal((await (await refresh(cookie)).json()).error, 'refresh_token_revoked');
    assert.equal((await request('/api/me', { headers: bearer(accessToken) })).status, 401);
  });

  test('leaves the user\'s other sessions alone', async () => {
    const first = await login();
    const second = await login();
    await request('/auth/logout', { method: 'POST', headers: { cookie: first.cookie } });
    assert.equal((await refresh(second.cookie)).status, 200);
  });

  test('without a session still answers 204', async () => {
    assert.equal((await request('/auth/logout', { method: 'POST' })).status, 204);
  });
});

describe('GET /auth/session', () => {
  test('answers whether the refresh cookie names a live session, without spending it', async () => {
    const anonymous = await request('/auth/session');
    assert.equal(anonymous.status, 200);
    assert.deepEqual(await anonymous.json(), { active: false });
    const { cookie } = await login('alice');
    assert.deepEqual(await (await request('/auth/session', { headers: { cookie } })).json(), { active: true, mode: 'jwt', sub: 'alice' });
    assert.equal((await refresh(cookie)).status, 200, 'the session check did not spend the cookie');
  });
});
