// The built demo in real Chromium (Debian's, driven by playwright-core)
// against the real backend on a loopback port, for one test file: the
// backend with its attacker page (on another free port), the browser, pages
// that record console and page errors, sign-in in either mode, and
// screenshots to test-output/demo-spa/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from '../../../demo-spa/server/app.js';
import { createAttackerServer } from '../../../demo-spa/server/attacker-page.js';

/**
 * The refused API call that ends the demo's revocation-latency probe after
 * "revoke all" (the browser logs every 401 as an error): expected wherever a test revokes.
 */
export const REVOCATION_PROBE_REFUSED = /the server responded with a status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/api\/me\)$/;

const root = new URL('../../../', import.meta.url).pathname;
const shots = join(root, 'test-output/demo-spa');
const staticDir = join(root, 'demo-spa/dist');

/**
 * Starts the backend and Chromium before the file's tests and stops them
 * after. `expectedErrors` are console messages a test provokes on purpose
 * (e.g. a failed request while offline), left out of `pageErrors`; each is
 * matched against "<message> (<url of the resource or script>)";
 * `serverOptions` go to the backend's createServer.
 */
export function useDemo({ accessTokenTtl, expectedErrors = [], serverOptions = {} } = {}) {
  const demo = { pageErrors: [], requests: [] };
  let browser;
  let server;
  let attacker;
  before(async () => {
    assert.ok(existsSync(join(staticDir, 'index.html')), 'build the SPA first: bash scripts/build-demo.sh');
    mkdirSync(shots, { recursive: true });
    attacker = createAttackerServer();
    await new Promise((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    const onError = (error) => demo.pageErrors.push(`backend: ${error.message}`);
    server = createServer({ accessTokenTtl, staticDir, onError, attackerPort: attacker.address().port, ...serverOptions });
    demo.server = server;
    server.on('request', (req) => demo.requests.push({ method: req.method, url: req.url, at: Date.now() }));
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    demo.base = `http://127.0.0.1:${server.address().port}`;
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync'],  // launch() gives each run a fresh, empty profile
    });
    demo.browser = browser;
  });
  after(async () => {
    await browser?.close();
    server?.closeAllConnections();
    await new Promise((resolve) => server?.close(resolve) ?? resolve());
    attacker?.closeAllConnections();
    await new Promise((resolve) => attacker?.close(resolve) ?? resolve());
  });

  demo.countRequests = (method, url) => demo.requests.filter((r) => r.method === method && r.url === url).length;

  demo.openPage = async (context, name) => {
    const page = await context.newPage();
    page.on('console', (message) => {
      const described = `${message.text()} (${message.location()?.url ?? ''})`;
      if (message.type() === 'error' && !expectedErrors.some((pattern) => pattern.test(described))) {
        demo.pageErrors.push(`${name}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => demo.pageErrors.push(`${name}: ${error.message}`));
    await page.goto(demo.base);
    return page;
  };

  /** Signs in as alice, in JWT mode (waits for the verified token) or in session mode. */
  demo.signIn = async (page, { mode = 'jwt', username = 'alice' } = {}) => {
    await page.waitForSelector('body[data-view="login"]');
    await page.fill('#username', username);
    await page.fill('#password', `${username}-password`);
    await page.check(`#mode-${mode}`);
    await page.click('#login');
    await page.waitForSelector('body[data-view="dashboard"]');
    if (mode === 'jwt') await page.waitForFunction(() => document.querySelector('#kid')?.textContent.length > 10);
    else await page.waitForSelector('#session-status');
  };

  /** A new browser context with two tabs on one session: signed in (options as signIn) in the first, restored in the second. */
  demo.twoTabs = async (name, options) => {
    const context = await demo.browser.newContext();
    const first = await demo.openPage(context, `${name} tab 1`);
    await demo.signIn(first, options);
    const second = await demo.openPage(context, `${name} tab 2`);
    await second.waitForSelector('body[data-view="dashboard"]');
    return { context, first, second };
  };

  demo.shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  return demo;
}
