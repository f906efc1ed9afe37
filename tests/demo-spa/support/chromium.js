// The built demo in real Chromium (Debian's, driven by playwright-core)
// against the real backend on a loopback port, for one test file: the
// backend, the browser, pages that record console and page errors, sign-in,
// and screenshots to test-output/demo-spa/.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { createServer } from '../../../demo-spa/server/app.js';

const root = new URL('../../../', import.meta.url).pathname;
const shots = join(root, 'test-output/demo-spa');
const staticDir = join(root, 'demo-spa/dist');

/**
 * Starts the backend and Chromium before the file's tests and stops them
 * after. `expectedErrors` are console messages a test provokes on purpose
 * (e.g. a failed request while offline), left out of `pageErrors`.
 */
export function useDemo({ accessTokenTtl, expectedErrors = [] } = {}) {
  const demo = { pageErrors: [], requests: [] };
  let browser;
  let server;
  before(async () => {
    assert.ok(existsSync(join(staticDir, 'index.html')), 'build the SPA first: bash scripts/build-demo.sh');
    mkdirSync(shots, { recursive: true });
    server = createServer({ accessTokenTtl, staticDir, onError: (error) => demo.pageErrors.push(`backend: ${error.message}`) });
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
  });

  demo.countRequests = (method, url) => demo.requests.filter((r) => r.method === method && r.url === url).length;

  demo.openPage = async (context, name) => {
    const page = await context.newPage();
    page.on('console', (message) => {
      if (message.type() === 'error' && !expectedErrors.some((pattern) => pattern.test(message.text()))) {
        demo.pageErrors.push(`${name}: ${message.text()}`);
      }
    });
    page.on('pageerror', (error) => demo.pageErrors.push(`${name}: ${error.message}`));
    await page.goto(demo.base);
    return page;
  };

  demo.signIn = async (page) => {
    await page.waitForSelector('body[data-view="login"]');
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-password');
    await page.click('#login');
    await page.waitForSelector('body[data-view="dashboard"]');
    await page.waitForFunction(() => document.querySelector('#kid')?.textContent.length > 10);
  };

  demo.shot = (page, name) => page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  return demo;
}
