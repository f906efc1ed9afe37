// The demo in real Chromium (Debian's, driven by playwright-core) against the
// real backend, serving the Vite-built SPA under its strict CSP: sign-in,
// refresh before expiry with rotation, one refresh for two tabs, revocation
// pushed to an open tab, refresh-token replay, and the inspector. Screenshots
// of each step go to test-output/demo-spa/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { decodeJwt } from 'edjwt';
import { createServer } from '../../demo-spa/server/app.js';

const root = new URL('../../', import.meta.url).pathname;
const shots = join(root, 'test-output/demo-spa');
const staticDir = join(root, 'demo-spa/dist');
const ACCESS_TTL = 3;

let server;
let base;
let browser;
const refreshRequests = [];
const revokeRequests = [];  // when the backend received each POST /admin/revoke
const pageErrors = [];

before(async () => {
  assert.ok(existsSync(join(staticDir, 'index.html')), 'build the SPA first: bash scripts/build-demo.sh');
  mkdirSync(shots, { recursive: true });
  server = createServer({ accessTokenTtl: ACCESS_TTL, staticDir, onError: (error) => pageErrors.push(`backend: ${error.message}`) });
  server.on('request', (req) => {
    if (req.method === 'POST' && req.url === '/auth/refresh') refreshRequests.push(Date.now());
    if (req.method === 'POST' && req.url === '/admin/revoke') revokeRequests.push(Date.now());
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],  // launch() gives each run a fresh, empty profile
  });
});

after(async () => {
  await browser?.close();
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve) ?? resolve());
});

async function openPage(context, name) {
  const page = await context.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(`${name}: ${message.text()}`);
  });
  page.on('pageerror', (error) => pageErrors.push(`${name}: ${error.message}`));
  await page.goto(base);
  return page;
}

async function signIn(page) {
  await page.waitForSelector('body[data-view="login"]');
  await page.fill('#username', 'alice');
  await page.fill('#password', 'alice-password');
  await page.click('#login');
  await page.waitForSelector('body[data-view="dashboard"]');
  await page.waitForFunction(() => document.querySelector('#kid')?.textContent.length > 10);
}

const claimsOf = async (page) => JSON.parse(await page.textContent('#claims'));
const shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });

describe('the demo in Chromium', () => {
  test('sign-in shows a verified token, decoded, with live countdowns', async () => {
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    const context = await browser.newContext();
    const first = await openPage(context, 'tab 1');
    await signIn(first);
    const second = await openPage(context, 'tab 2');
    await second.waitForSelector('body[data-view="dashboard"]');
    const sameToken = () => Promise.all([claimsOf(first), claimsOf(second)]).then(([a, b]) => a.jti === b.jti && a.jti);
    await first.waitForFunction(() => true);
    for (let i = 0; i < 40 && !(await sameToken()); i++) await first.waitForTimeout(100);
    const shared = await sameToken();
    assert.ok(shared, 'both tabs on one token');
    const before = refreshRequests.length;
    let next;
    for (let i = 0; i < 60; i++) {
      await first.waitForTimeout(100);
      next = await sameToken();
      if (next && next !== shared) break;
    }
    assert.ok(next && next !== shared, 'both tabs moved to the new token');
    assert.equal(refreshRequests.length - before, 1, 'exactly one refresh call for two tabs');
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
    await second.waitForSelector('body[data-view="login"]', { timeout: 5000 });
    const elapsed = (await second.evaluate(() => window.signInShownAt)) - revokeRequests.at(-1);
    assert.ok(elapsed < 1000, `${elapsed} ms from revocation to sign-in`);
    assert.match(await second.textContent('.login-card'), /session ended/i);
    await shot(second, '06-revoked');
    await context.close();
  });

  test('replaying a used refresh token revokes the whole family, and the open tab is signed out', async () => {
    const context = await browser.newContext();
    const page = await openPage(context, 'replay');
    await signIn(page);
    const used = (await context.cookies()).find((c) => c.name === 'refresh_token').value;
    await page.waitForFunction((old) => document.cookie !== undefined && old, used);
    for (let i = 0; i < 50; i++) {
      if ((await context.cookies()).find((c) => c.name === 'refresh_token').value !== used) break;
      await page.waitForTimeout(100);
    }
    assert.notEqual((await context.cookies()).find((c) => c.name === 'refresh_token').value, used, 'rotated');
    const replay = await fetch(`${base}/auth/refresh`, { method: 'POST', headers: { cookie: `refresh_token=${used}`, origin: base } });
    assert.equal(replay.status, 401);
    assert.equal((await replay.json()).error, 'refresh_token_reused');
    await page.waitForSelector('body[data-view="login"]', { timeout: 3000 });
    await shot(page, '07-replay-revoked');
    await context.close();
  });

  test('the inspector reports a tampered token as a signature failure', async () => {
    const context = await browser.newContext();
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
    const context = await browser.newContext();
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
    // The session restarts with the current token, up to a lifetime old, so the estimate is within seconds.
    await page.waitForFunction(() => /10m( [0-4]s)? behind/.test(document.querySelector('#clock-offset').textContent), null, { timeout: 5000 });
    await page.waitForTimeout(ACCESS_TTL * 1000 + 500);
    assert.match(await page.textContent('#state'), /active|refreshing/, 'a clock 10 minutes fast neither loops nor logs out');
    assert.equal(await page.locator('.entry.error').count(), errorsBefore);
    await shot(page, '09-skewed-clock');

    await page.click('#logout');
    await page.waitForSelector('body[data-view="login"]');
    assert.match(await page.textContent('.login-card'), /Signed out/);
    await context.close();
  });

  test('no console errors or page errors anywhere in the run', () => {
    assert.deepEqual(pageErrors, []);
  });
});
