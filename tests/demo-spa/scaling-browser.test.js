// A revocation crosses instances in real Chromium: the tab is served by, and
// holds its event stream on, instance A; "revoke all" is sent to instance B.
// Both instances are separate processes on one private Redis.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { after, test } from 'node:test';
import { chromium } from 'playwright-core';
import { bearer, postJson } from './support/server.js';
import { startInstance } from './support/instances.js';
import { startRedis } from './support/redis.js';

const dist = new URL('../../demo-spa/dist/', import.meta.url).pathname;
assert.ok(existsSync(`${dist}index.html`), 'build the SPA first: bash scripts/build-demo.sh');

const redis = await startRedis();
const a = await startInstance(redis, ['--static', dist]);
const b = await startInstance(redis);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
after(() => browser.close());

test('revoke-all on B sends a tab whose event stream is on A to sign-in within 1 s, and A refuses its access token', async (t) => {
  const page = await (await browser.newContext()).newPage();
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  await page.goto(a.origin);
  await page.waitForSelector('body[data-view="login"]');
  await page.fill('#username', 'alice');
  await page.fill('#password', 'alice-password');
  const login = page.waitForResponse((response) => response.url().endsWith('/auth/login'));
  const stream = page.waitForResponse((response) => new URL(response.url()).pathname === '/auth/events' && response.status() === 200);
  await page.click('#login');
  const { access_token: tabToken } = await (await login).json();
  await page.waitForSelector('body[data-view="dashboard"]');
  assert.equal(new URL((await stream).url()).origin, a.origin, 'the event stream is on A');
  assert.equal((await a.request('/api/me', { headers: bearer(tabToken) })).status, 200);

  await page.evaluate(() => {
    new MutationObserver(() => {
      if (document.body.dataset.view === 'login') window.signInShownAt ??= Date.now();
    }).observe(document.body, { attributes: true, attributeFilter: ['data-view'] });
  });
  const elsewhere = await b.login('alice');
  // Timed from just before the request to B, on this machine's clock (the
  // page's Date.now() is the same clock): B's handling, the pub/sub hop to A
  // and A's push to the tab all count against the second.
  const sentAt = Date.now();
  const revoked = await postJson(b.request, '/admin/revoke', {}, bearer(elsewhere.accessToken));
  assert.equal(revoked.status, 200);
  await page.waitForSelector('body[data-view="login"]', { timeout: 5000 });
  const elapsed = (await page.evaluate(() => window.signInShownAt)) - sentAt;
  t.diagnostic(`${elapsed} ms from revoke-all on B to sign-in on A's tab`);
  assert.ok(elapsed < 1000, `${elapsed} ms from revoke-all on B to sign-in on A's tab`);
  assert.equal((await a.request('/api/me', { headers: bearer(tabToken) })).status, 401);
  assert.deepEqual(pageErrors, []);
});
