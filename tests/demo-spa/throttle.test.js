// Login throttling over HTTP: failures per user name and per client address
// lead to 429 with Retry-After, before the password is checked; a success
// clears the name's count; the window ends the block.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { postJson, startServer } from './support/server.js';

const WINDOW = 60;
const { request, clock } = await startServer({ loginThrottle: { maxPerUser: 3, maxPerAddress: 8, windowSeconds: WINDOW } });
const attempt = (username, password) => postJson(request, '/auth/login', { username, password });

async function assertThrottled(response, scope) {
  assert.equal(response.status, 429);
  const body = await response.json();
  assert.equal(body.error, 'too_many_attempts');
  assert.equal(body.scope, scope);
  const retryAfter = Number(response.headers.get('retry-after'));
  assert.ok(retryAfter >= 1 && retryAfter <= WINDOW, `Retry-After: ${retryAfter}`);
  assert.equal(body.retry_after, retryAfter);
  return retryAfter;
}

describe('login throttling', () => {
  test('after 3 failures for a name, even the right password gets 429 with Retry-After until the window ends', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await attempt('alice', 'wrong')).status, 401);
    clock.now += 20_000;
    const retryAfter = await assertThrottled(await attempt('alice', 'alice-password'), 'user');
    assert.equal(retryAfter, WINDOW - 20);
    clock.now += retryAfter * 1000;
    assert.equal((await attempt('alice', 'alice-password')).status, 200);
  });

  test('a success clears the name count', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await attempt('bob', 'wrong')).status, 401);
    assert.equal((await attempt('bob', 'bob-password')).status, 200);
    for (let i = 0; i < 2; i++) assert.equal((await attempt('bob', 'wrong')).status, 401);
    assert.equal((await attempt('bob', 'bob-password')).status, 200, 'two fresh failures, under the limit of 3');
    clock.now += WINDOW * 1000;
  });

  test('unknown names are counted like real ones', async () => {
    for (let i = 0; i < 3; i++) assert.equal((await attempt('mallory', 'guess')).status, 401);
    await assertThrottled(await attempt('mallory', 'guess'), 'user');
    clock.now += WINDOW * 1000;
  });

  test('failures spread over many names throttle the client address', async () => {
    for (let i = 0; i < 8; i++) assert.equal((await attempt(`user${i}`, 'guess')).status, 401);
    await assertThrottled(await attempt('bob', 'bob-password'), 'address');
    clock.now += WINDOW * 1000;
    assert.equal((await attempt('bob', 'bob-password')).status, 200);
  });
});
