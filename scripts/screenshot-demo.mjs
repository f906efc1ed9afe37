// Makes docs/demo.png, the README's screenshot of the demo: the built SPA
// and its backend (4 s tokens) on free loopback ports, driven in Debian's
// Chromium through both models, so the comparison panel holds measured
// figures for each, a revocation latency, attack results and a few
// token-life bars. Run by `npm run screenshot` (which builds first).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { createServer } from '../demo-spa/server/app.js';
import { createAttackerServer } from '../demo-spa/server/attacker-page.js';

const root = new URL('..', import.meta.url).pathname;
const listen = (server) => new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));

const attacker = createAttackerServer();
await listen(attacker);
const server = createServer({ accessTokenTtl: 4, staticDir: join(root, 'demo-spa/dist'), attackerPort: attacker.address().port });
await listen(server);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });

try {
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  const signIn = async (mode) => {
    await page.waitForSelector('body[data-view="login"]');
    await page.fill('#username', 'alice');
    await page.fill('#password', 'alice-password');
    await page.check(`#mode-${mode}`);
    await page.click('#login');
    await page.waitForSelector('body[data-view="dashboard"]');
  };
  // Done when the timeline lists the call (the answer box keeps the last answer across sign-ins).
  const callMe = async () => {
    const entries = await page.locator('.entry.api').count();
    await page.click('#call-me');
    await page.waitForFunction((count) => document.querySelectorAll('.entry.api').length > count, entries);
  };
  const revokeAll = async (kind) => {
    await page.click('#revoke-all');
    await page.click('#revoke-all-yes');
    await page.waitForSelector(`#revocation-${kind}[data-state="done"]`, { timeout: 30_000 });
  };
  const attack = async (id) => {
    await page.click(`#attack-${id}`);
    await page.waitForFunction((sel) => !['running', undefined].includes(document.querySelector(sel).dataset.outcome), `#attack-${id}-result`, { timeout: 20_000 });
  };

  await signIn('session');
  await callMe();
  await revokeAll('session');
  await signIn('jwt');
  await revokeAll('jwt-deny-list');
  await signIn('jwt');
  await callMe();
  await attack('tamper');
  await attack('read-cookie');
  await attack('cross-site');
  await page.waitForFunction(() => document.querySelectorAll('#token-life .bar').length >= 3, null, { timeout: 20_000 });
  mkdirSync(join(root, 'docs'), { recursive: true });
  await page.screenshot({ path: join(root, 'docs/demo.png'), fullPage: true });
  console.log('wrote docs/demo.png');
} finally {
  await browser.close();
  server.closeAllConnections();
  server.close();
  attacker.closeAllConnections();
  attacker.close();
}
