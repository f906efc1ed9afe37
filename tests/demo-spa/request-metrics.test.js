// The figures the comparison panel shows, as the backend reports them on each
// response (credential bytes, store lookups, server time), the demo's
// deny-list switch, and the record of refused cross-site requests.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, postJson, startServer } from './support/server.js';

const { request, login } = await startServer({ attackerPort: 9 });

function figures(response) {
  const serverTiming = /^app;dur=(\d+\.\d+)$/.exec(response.headers.get('server-timing'));
  assert.ok(serverTiming, `Server-Timing: ${response.headers.get('server-timing')}`);
  return {
    lookups: Number(response.headers.get('x-store-lookups')),
    credentialBytes: response.headers.get('x-credential-bytes') === null ? undefined : Number(response.headers.get('x-credential-bytes')),
    serverMs: Number(serverTiming[1]),
  };
}

describe('per-request figures', () => {
  test('JWT mode: the Authorization header bytes, two lookups (deny-list, session state), the server time', async () => {
    const { accessToken } = await login('alice');
    const { lookups, credentialBytes, serverMs } = figures(await request('/api/me', { headers: bearer(accessToken) }));
    assert.equal(credentialBytes, Buffer.byteLength(`Authorization: Bearer ${accessToken}`));
    assert.equal(lookups, 2);
    assert.ok(serverMs >= 0 && serverMs < 5000);
  });

  test('session mode: the Cookie header bytes and one lookup', async () => {
    const response = await postJson(request, '/auth/login', { username: 'bob', password: 'bob-password', mode: 'session' });
    const cookie = response.headers.getSetCookie()[0].split(';')[0];
    const { lookups, credentialBytes } = figures(await request('/api/me', { headers: { cookie } }));
    assert.equal(credentialBytes, Buffer.byteLength(`Cookie: ${cookie}`));
    assert.equal(lookups, 1);
  });

  test('a request without credentials reports no credential bytes', async () => {
    const { credentialBytes, lookups } = figures(await request('/.well-known/jwks.json'));
    assert.equal(credentialBytes, undefined);
    assert.equal(lookups, 0);
  });
});

describe('the deny-list switch', () => {
  test('off: no lookups, and a revoked user keeps using the token until it expires; on again: refused', async () => {
    const { accessToken } = await login('alice');
    const off = await postJson(request, '/admin/deny-list', { enabled: false }, bearer(accessToken));
    assert.deepEqual(await off.json(), { enabled: false });
    try {
      const revoked = await postJson(request, '/admin/revoke', {}, bearer(accessToken));
      assert.equal((await revoked.json()).deny_list, false);
      const still = await request('/api/me', { headers: bearer(accessToken) });
      assert.equal(still.status, 200, 'nothing checks the revocation');
      assert.equal(figures(still).lookups, 0);
    } finally {
      const { accessToken: other } = await login('bob');
      await postJson(request, '/admin/deny-list', { enabled: true }, bearer(other));
    }
    assert.equal((await request('/api/me', { headers: bearer(accessToken) })).status, 401);
  });

  test('needs a signed-in user and a boolean', async () => {
    assert.equal((await postJson(request, '/admin/deny-list', { enabled: false })).status, 401);
    const { accessToken } = await login('bob');
    assert.equal((await postJson(request, '/admin/deny-list', { enabled: 'no' }, bearer(accessToken))).status, 400);
    assert.deepEqual(await (await request('/admin/deny-list', { headers: bearer(accessToken) })).json(), { enabled: true });
  });
});

describe('refused cross-site requests', () => {
  test('are recorded with their path and origin and whether a credential cookie came, never its value', async () => {
    const { accessToken, cookie } = await login('alice');
    const refused = await request('/auth/refresh', { method: 'POST', headers: { origin: 'http://localhost:1', cookie } });
    assert.equal(refused.status, 403);
    await request('/admin/revoke', { method: 'POST', headers: { origin: 'http://localhost:1' } });
    const { attacker_port: port, attempts } = await (await request('/admin/cross-site-attempts', { headers: bearer(accessToken) })).json();
    assert.equal(port, 9);
    assert.deepEqual(attempts.slice(-2).map(({ at, ...rest }) => rest), [
      { method: 'POST', path: '/auth/refresh', origin: 'http://localhost:1', status: 403, error: 'cross_origin_request', cookie_sent: true },
      { method: 'POST', path: '/admin/revoke', origin: 'http://localhost:1', status: 403, error: 'cross_origin_request', cookie_sent: false },
    ]);
    assert.ok(!JSON.stringify(attempts).includes(cookie.split('=')[1]));
  });
});
