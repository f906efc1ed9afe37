// Two demo backend instances (separate processes) sharing one real Redis:
// a session started on one goes on at the other, a refresh token rotates once
// across both, and a revocation on either holds on both.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { bearer, eventReader, postJson, refreshCookie, signatureVerifies } from './support/server.js';
import { startInstance } from './support/instances.js';
import { startRedis } from './support/redis.js';

// Started at the top level, so their clean-up belongs to the file, not to a hook.
const redis = await startRedis();
const a = await startInstance(redis);
const b = await startInstance(redis);

const status = async (instance, path, token) => (await instance.request(path, { headers: bearer(token) })).status;

describe('two instances on one Redis', () => {
  test('login on A, refresh on B, the API of both accepts both access tokens', async () => {
    const session = await a.login();
    assert.equal(session.response.status, 200);
    const refreshed = await b.refresh(session.cookie);
    assert.equal(refreshed.status, 200);
    const { access_token: next } = await refreshed.json();
    for (const instance of [a, b]) {
      for (const token of [session.accessToken, next]) assert.equal(await status(instance, '/api/me', token), 200);
    }
    const me = await (await a.request('/api/me', { headers: bearer(next) })).json();
    assert.equal(me.claims.sub, 'alice');
    assert.equal(me.claims.sid, JSON.parse(Buffer.from(session.accessToken.split('.')[1], 'base64url')).sid);
  });

  test('both publish one JWKS, and a key rotated on A signs on B and verifies on both', async () => {
    const jwksOf = async (instance) => (await instance.request('/.well-known/jwks.json')).json();
    assert.deepEqual(await jwksOf(a), await jwksOf(b));
    const { accessToken } = await a.login();
    const rotated = await (await postJson(a.request, '/admin/rotate-key', {}, bearer(accessToken))).json();
    const jwks = await jwksOf(b);
    assert.deepEqual(jwks.keys.map((key) => key.kid), [rotated.kid, rotated.previous_kid]);
    const onB = await b.login();
    assert.equal(JSON.parse(Buffer.from(onB.accessToken.split('.')[0], 'base64url')).kid, rotated.kid);
    assert.ok(signatureVerifies(onB.accessToken, jwks), 'signed with the key the JWKS publishes');
    for (const token of [accessToken, onB.accessToken]) assert.equal(await status(a, '/api/notes', token), 200);
  });

  test('200 concurrent refreshes with one token over both instances: exactly one new pair, then the family is revoked as a replay', async () => {
    const session = await a.login();
    const responses = await Promise.all(Array.from({ length: 200 }, (_, i) => (i % 2 ? a : b).refresh(session.cookie)));
    const bodies = await Promise.all(responses.map((response) => response.json()));
    const winners = bodies.filter((body, i) => responses[i].status === 200);
    assert.equal(winners.length, 1, 'exactly one rotation');
    const refused = bodies.filter((body, i) => responses[i].status === 401).map((body) => body.error);
    assert.equal(refused.length, 199);
    // The first loser finds the token spent and revokes the family; the later ones find it revoked.
    assert.equal(refused.filter((code) => code === 'refresh_token_reused').length, 1);
    assert.ok(refused.every((code) => code === 'refresh_token_reused' || code === 'refresh_token_revoked'), refused.join());
    // A concurrent copy is a replay: the one new pair dies with its family.
    const winnerCookie = refreshCookie(responses[bodies.indexOf(winners[0])]);
    assert.equal((await b.refresh(winnerCookie)).status, 401);
    for (const instance of [a, b]) assert.equal(await status(instance, '/api/me', winners[0].access_token), 401);
  });

  test('a refresh token rotated on A and replayed on B revokes the family on both, and A pushes it to its tab', async () => {
    const session = await a.login();
    const stream = await a.request('/auth/events', { headers: { cookie: session.cookie } });
    assert.equal(stream.status, 200);
    const events = eventReader(stream);
    const rotated = await a.refresh(session.cookie);
    assert.equal(rotated.status, 200);
    const { access_token: current } = await rotated.json();
    const replay = await b.refresh(session.cookie);
    assert.equal(replay.status, 401);
    assert.equal((await replay.json()).error, 'refresh_token_reused');
    const pushed = await events.next();
    assert.equal(pushed.event, 'revoked');
    assert.equal(JSON.parse(pushed.data).reason, 'refresh_token_reused');
    assert.equal(await events.next(), null, 'the stream ends');
    for (const instance of [a, b]) assert.equal(await status(instance, '/api/me', current), 401);
    assert.equal((await a.refresh(refreshCookie(rotated))).status, 401, 'the rotated token died with its family');
  });

  test('logout on B ends the session on A and its event stream there', async () => {
    const session = await a.login();
    const events = eventReader(await a.request('/auth/events', { headers: { cookie: session.cookie } }));
    const out = await b.request('/auth/logout', { method: 'POST', headers: { cookie: session.cookie } });
    assert.equal(out.status, 204);
    const pushed = await events.next();
    assert.equal(JSON.parse(pushed.data).reason, 'logout');
    assert.equal(await status(a, '/api/me', session.accessToken), 401);
    assert.equal((await a.refresh(session.cookie)).status, 401);
  });

  test('revoke-all on B: every session of the user ends on A, its access tokens are refused by both, another user is untouched', async () => {
    const first = await a.login();
    const second = await b.login();
    const bob = await a.login('bob');
    const revoked = await postJson(b.request, '/admin/revoke', {}, bearer(second.accessToken));
    assert.equal(revoked.status, 200);
    const summary = await revoked.json();
    assert.ok(summary.revoked_sessions >= 2 && summary.revoked_access_tokens >= 2, JSON.stringify(summary));
    for (const instance of [a, b]) {
      for (const token of [first.accessToken, second.accessToken]) assert.equal(await status(instance, '/api/me', token), 401);
      assert.equal(await status(instance, '/api/me', bob.accessToken), 200);
    }
    assert.equal((await a.refresh(first.cookie)).status, 401);
  });

  test('deny-list entries expire with the token they deny: TTL is its remaining lifetime', async () => {
    const { accessToken } = await b.login('bob');
    const { jti, exp } = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url'));
    assert.equal((await postJson(a.request, '/admin/revoke', {}, bearer(accessToken))).status, 200);
    const ttl = Number(await redis.cli('TTL', `edjwt:denied:${jti}`));
    const remaining = exp + 5 - Math.floor(Date.now() / 1000); // exp plus the 5 s clock tolerance
    assert.ok(ttl > 0 && Math.abs(ttl - remaining) <= 2, `TTL ${ttl} s, remaining ${remaining} s`);
    const keys = (await redis.cli('--scan', '--pattern', 'edjwt:denied:*')).split('\n').filter(Boolean);
    assert.ok(keys.length > 0);
    for (const key of keys) assert.ok(Number(await redis.cli('TTL', key)) > 0, `${key} has no TTL`);
  });

  test('every key the store writes expires', async () => {
    const keys = (await redis.cli('--scan', '--pattern', 'edjwt:*')).split('\n').filter(Boolean);
    const lasting = [];
    for (const key of keys) if (Number(await redis.cli('TTL', key)) < 0) lasting.push(key);
    assert.deepEqual(lasting, ['edjwt:signing-keys']);
  });
});
