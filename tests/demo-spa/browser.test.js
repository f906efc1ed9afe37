// The demo in real Chromium against the real backend, serving the Vite-built
// SPA under its strict CSP: sign-in, refresh before expiry with rotation, one
// refresh for two tabs, revocation pushed to an open tab, refresh-token
// replay, and the inspector. Screenshots of each step go to
// test-output/demo-spa/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { decodeJwt } from 'edjwt';
import { REVOCATION_PROBE_REFUSED, useDemo } from './support/chromium.js';

const ACCESS_TTL = 3;
const demo = useDemo({ accessTokenTtl: ACCESS_TTL, expectedErrors: [REVOCATION_PROBE_REFUSED] });
const { openPage, signIn, shot } = demo;
const refreshCount = () => demo.countRequests('POST', '/auth/refresh');
const lastRevokeAt = () => demo.requests.filter((r) => r.method === 'POST' && r.url === '/admin/revoke').at(-1).at;

const claimsOf = async (page) => JSON.parse(await page.textContent('#claims'));

describe('the demo in Chromium', () => {
  test('sign-in shows a verified token, decoded, with live countdowns', async () => {
    const context = await demo.browser.newContext();
    const page = await openPage(context, 'login');
    await shot(page, '01-login');
    await signIn(page);
    assert.match(await page.textContent('#signature'), /verified against the server JWKS/);
    const claims = await claimsOf(page);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.exp - claims.iat, ACCESS_TTL);
    assert.match(await page.textContent('#state'), /active|refreshing/);
    await page.click('#call-me');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('200'));
    await shot(page, '02-dashboard');
    await context.close();
  });

  test('with 3 s tokens the session refreshes by itself before expiry, and the refresh cookie rotates', async () => {
    const context = await demo.browser.newContext();
    const page = await openPage(context, 'refresh');
    const issued = [];  // { atMs, exp } of each access token handed to the page
    const refreshedAt = [];
    page.on('request', (request) => request.url().endsWith('/auth/refresh') && refreshedAt.push(Date.now()));
    // Body reads finish after the event; each is awaited before the checks so
    // none can outlive the context (a read racing close() is an unhandled rejection).
    let recording = true;
    const bodyReads = [];
    page.on('response', (response) => {
      if (recording && /\/auth\/(login|refresh)$/.test(response.url()) && response.ok()) {
        bodyReads.push(response.json().then(({ access_token: token }) => {
          issued.push({ atMs: Date.now(), exp: decodeJwt(token).exp });
        }));
      }
    });
    await signIn(page);
    await page.waitForTimeout(200);  // the login response has been recorded
    const firstCookie = (await context.cookies()).find((c) => c.name === 'refresh_token');
    assert.equal(firstCookie.httpOnly, true);
    assert.equal(firstCookie.sameSite, 'Strict');
    await page.waitForTimeout(7_000);
    recording = false;
    await Promise.all(bodyReads);
    const lastCookie = (await context.cookies()).find((c) => c.name === 'refresh_token');
    assert.ok(refreshedAt.length >= 2, `${refreshedAt.length} refreshes in 7 s`);
    assert.notEqual(lastCookie.value, firstCookie.value, 'the refresh token rotated');
    for (let i = 0; i < refreshedAt.length; i++) {
      const previous = issued.filter((token) => token.atMs <= refreshedAt[i]).at(-1);
      assert.ok(previous, `refresh ${i} before any token was issued`);
      assert.ok(refreshedAt[i] < previous.exp * 1000, `refresh ${i} was ${refreshedAt[i] - previous.exp * 1000} ms after expiry`);
    }
    assert.equal(await page.locator('.entry.error').count(), 0);
    await shot(page, '03-refreshed');
    await context.close();
  });

  test('two tabs: one refresh call per cycle and both tabs on the new token; revoke-all sends the other tab to sign-in within a second', async () => {
    const context = await demo.browser.newContext();
    const first = await openPage(context, 'tab 1');
    await signIn(first);
    const second = await openPage(context, 'tab 2');
    await second.waitForSelector('body[data-view="dashboard"]');
    const sameToken = () => Promise.all([claimsOf(first), claimsOf(second)]).then(([a, b]) => a.jti === b.jti && a.jti);
    await first.waitForFunction(() => true);
    for (let i = 0; i < 40 && !(await sameToken()); i++) await first.waitForTimeout(100);
    const shared = await sameToken();
    assert.ok(shared, 'both tabs on one token');
    const before = refreshCount();
    let next;
    for (let i = 0; i < 60; i++) {
      await first.waitForTimeout(100);
      next = await sameToken();
      if (next && next !== shared) break;
    }
    assert.ok(next && next !== shared, 'both tabs moved to the new token');
    assert.equal(refreshCount() - before, 1, 'exactly one refresh call for two tabs');
    await shot(first, '04-tab-1');
    await shot(second, '05-tab-2');

    // Timed from the backend's revocation to the moment the other tab shows
    // sign-in, both read off this machine's clock: the click's own latency
    // under a loaded CI machine is not the push's.
    await second.evaluate(() => {
      new MutationObserver(() => {
        if (document.body.dataset.view === 'login') window.signInShownAt ??= Date.now();
      }).observe(document.body, { attributes: true, attributeFilter: ['data-view'] });
    });
    await first.click('#revoke-all');
    await first.click('#revoke-all-yes');
    await second.waitForSelector('body[data-view="login"]', { timeout: 5000 });
    const elapsed = (await second.evaluate(() => window.signInShownAt)) - lastRevokeAt();
    assert.ok(elapsed < 1000, `${elapsed} ms from revocation to sign-in`);
    assert.match(await second.textContent('#session-ended'), /revoked from another tab/);
    await shot(second, '06-revoked');
    await context.close();
  });

  test('replaying a used refresh token revokes the whole family, and the open tab is signed out', async () => {
    const context = await demo.browser.newContext();
    const page = await openPage(context, 'replay');
    await signIn(page);
    const used = (await context.cookies()).find((c) => c.name === 'refresh_token').value;
    await page.waitForFunction((old) => document.cookie !== undefined && old, used);
    for (let i = 0; i < 50; i++) {
      if ((await context.cookies()).find((c) => c.name === 'refresh_token').value !== used) break;
      await page.waitForTimeout(100);
    }
    assert.notEqual((await context.cookies()).find((c) => c.name === 'refresh_token').value, used, 'rotated');
    const replay = await fetch(`${demo.base}/auth/refresh`, { method: 'POST', headers: { cookie: `refresh_token=${used}`, origin: demo.base } });
    assert.equal(replay.status, 401);
    assert.equal((await replay.json()).error, 'refresh_token_reused');
    await page.waitForSelector('body[data-view="login"]', { timeout: 3000 });
    assert.equal(await page.textContent('#session-ended'), 'Your refresh token was used twice, so the session was ended to protect you.');
    assert.equal(await page.getAttribute('#session-ended', 'data-tone'), 'warning');
    await shot(page, '07-replay-revoked');
    await context.close();
  });

  test('the inspector reports a tampered token as a signature failure', async () => {
    const context = await demo.browser.newContext();
    const page = await openPage(context, 'inspector');
    await signIn(page);
    await page.click('a[href="#/inspector"]');
    await page.waitForSelector('#inspect-token');
    const token = await page.inputValue('#inspect-token');
    const [h, p, s] = token.split('.');
    const claims = JSON.parse(Buffer.from(p, 'base64url'));
    const forged = `${h}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url')}.${s}`;
    await page.fill('#inspect-token', token);
    await page.click('#inspect');
    await page.waitForSelector('#verify-result');
    assert.match(await page.textContent('#verify-result'), /Signature verified/);
    await page.fill('#inspect-token', forged);
    await page.click('#inspect');
    await page.waitForSelector('#verify-result[data-code]');
    assert.equal(await page.getAttribute('#verify-result', 'data-code'), 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    assert.match(await page.textContent('#inspect-output'), /mallory/);
    await shot(page, '08-inspector-tampered');
    await context.close();
  });

  test('the other controls: refresh now, key rotation, simulated clock skew, log out', async () => {
    const context = await demo.browser.newContext();
    const page = await openPage(context, 'controls');
    await signIn(page);
    const jtiBefore = (await claimsOf(page)).jti;
    await page.click('#refresh-now');
    await page.waitForFunction((jti) => JSON.parse(document.querySelector('#claims').textContent).jti !== jti, jtiBefore);

    const kidBefore = await page.textContent('#kid');
    await page.click('#rotate-key');
    await page.waitForSelector('.entry.key');
    await page.click('#refresh-now');
    await page.waitForFunction((kid) => document.querySelector('#kid').textContent !== kid, kidBefore, { timeout: 5000 });
    assert.match(await page.textContent('#signature'), /verified against the server JWKS/);

    // A refresh inside the JWK Set's 1 s cooldown may have failed once and been retried; count from here.
    const errorsBefore = await page.locator('.entry.error').count();
    await page.selectOption('#skew', '600000');
    await page.waitForFunction(() => /about 10 minutes behind/.test(document.querySelector('#clock-offset').textContent), null, { timeout: 5000 });
    await page.waitForTimeout(ACCESS_TTL * 1000 + 500);
    assert.match(await page.textContent('#state'), /active|refreshing/, 'a clock 10 minutes fast neither loops nor logs out');
    assert.equal(await page.locator('.entry.error').count(), errorsBefore);
    await shot(page, '09-skewed-clock');

    await page.click('#logout');
    await page.waitForSelector('body[data-view="login"]');
    assert.match(await page.textContent('#session-ended'), /You signed out/);
    await context.close();
  });

  test('no console errors or page errors anywhere in the run', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
