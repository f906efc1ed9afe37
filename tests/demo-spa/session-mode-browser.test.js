// Session mode in Chromium: chosen on the sign-in page; the same views and
// API routes with the cookie alone (no token in the page); the idle timeout
// moved on by each call; restored after a reload; logout and "revoke all"
// reach the other tab; login throttling shown in the form.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVOCATION_PROBE_REFUSED, useDemo } from './support/chromium.js';

const demo = useDemo({
  accessTokenTtl: 30,
  serverOptions: { sessionIdleTtl: 60, loginThrottle: { maxPerUser: 3, windowSeconds: 4 } },
  // The throttling test's refused sign-ins, which the browser logs as errors.
  expectedErrors: [REVOCATION_PROBE_REFUSED, /status of (401 \(Unauthorized\)|429 \(Too Many Requests\)) \(http:\/\/[^/]+\/auth\/login\)$/],
});

describe('session mode in Chromium', () => {
  test('sign-in in session mode: a cookie only, the same API routes, the idle timeout moved on by each call', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'session');
    const apiRequests = [];
    page.on('request', (request) => request.url().includes('/api/') && apiRequests.push(request.headers()));
    await demo.signIn(page, { mode: 'session' });
    assert.equal(await page.getAttribute('body', 'data-mode'), 'session');
    assert.equal(await page.textContent('#user'), 'alice');
    const cookie = (await context.cookies()).find((c) => c.name === 'session_id');
    assert.deepEqual([cookie.httpOnly, cookie.sameSite, cookie.path], [true, 'Strict', '/']);
    assert.equal((await context.cookies()).some((c) => c.name === 'refresh_token'), false);

    assert.match(await page.textContent('#session-idle'), /expires in 1 min/);
    const idleUntil = () => page.getAttribute('#session-idle', 'data-idle-until').then(Number);
    const idleBefore = await idleUntil();
    await page.waitForTimeout(1500);
    await page.click('#call-notes');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('200'));
    assert.match(await page.textContent('#api-result'), /"owner": "alice"/);
    assert.equal(apiRequests.at(-1).authorization, undefined, 'no token: the cookie alone');
    await page.waitForFunction((before) => Number(document.querySelector('#session-idle').dataset.idleUntil) >= before + 1000, idleBefore);
    await page.click('#call-me');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.includes('"mode": "session"'));
    await demo.shot(page, '24-session-mode');

    await page.reload();
    await page.waitForSelector('#session-status');
    assert.match(await page.textContent('.entry.restored'), /restored from the session cookie/);
    await page.click('#logout');
    await page.waitForSelector('body[data-view="login"]');
    assert.match(await page.textContent('#session-ended'), /You signed out/);
    assert.equal((await context.cookies()).some((c) => c.name === 'session_id'), false);
    await context.close();
  });

  test('"revoke all" in one tab sends the other to sign-in', async () => {
    const { context, first, second } = await demo.twoTabs('session', { mode: 'session' });
    await second.waitForSelector('#session-status');
    await first.click('#revoke-all');
    await first.click('#revoke-all-yes');
    await second.waitForSelector('body[data-view="login"]', { timeout: 5000 });
    assert.match(await second.textContent('#session-ended'), /revoked from another tab/);
    await first.waitForSelector('#revocation-session[data-state="done"]');
    await context.close();
  });

  test('throttled sign-in: 429 with Retry-After in the form, the button waits it out, then the right password works', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'throttle');
    await page.waitForSelector('body[data-view="login"]');
    await page.fill('#username', 'bob');
    for (let i = 0; i < 3; i++) {
      await page.fill('#password', 'wrong');
      await page.click('#login');
      await page.waitForFunction(() => /wrong username or password/.test(document.querySelector('#login-error').textContent));
      await page.evaluate(() => { document.querySelector('#login-error').textContent = ''; });
    }
    await page.fill('#password', 'bob-password');
    await page.click('#login');
    await page.waitForSelector('#login-error[data-retry-after]');
    assert.match(await page.textContent('#login-error'), /too many failed sign-ins for this user name; try again in \d s \(429 Too Many Requests, Retry-After: \d s\)/);
    assert.equal(await page.isDisabled('#login'), true);
    assert.match(await page.textContent('#login'), /wait \d s/);
    await demo.shot(page, '25-throttled');
    await page.waitForFunction(() => !document.querySelector('#login').disabled, null, { timeout: 10_000 });
    await page.click('#login');
    await page.waitForSelector('body[data-view="dashboard"]');
    await context.close();
  });

  test('no console errors or page errors anywhere in the run', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
