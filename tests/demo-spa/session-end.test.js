// The demo in Chromium explains how a session ends, in every tab: the reason
// in words under the sign-in form (neutral for a chosen sign-out, a warning
// for a revocation), the timeline kept in memory, a visible "restoring"
// state on reload, and nothing written to Web Storage.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVOCATION_PROBE_REFUSED, useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 30, expectedErrors: [REVOCATION_PROBE_REFUSED] });

async function twoTabs(name) {
  const context = await demo.browser.newContext();
  const first = await demo.openPage(context, `${name} 1`);
  await demo.signIn(first);
  const second = await demo.openPage(context, `${name} 2`);
  await second.waitForSelector('body[data-view="dashboard"]');
  return { context, first, second };
}

// The stylesheet's --muted and --warn colours, as computed styles report them.
const MUTED = 'rgb(107, 114, 128)';
const WARN = 'rgb(180, 83, 9)';
const borderColor = (page) => page.$eval('#session-ended', (e) => getComputedStyle(e).borderLeftColor);

const notice = async (page) => {
  await page.waitForSelector('body[data-view="login"] #session-ended', { timeout: 5000 });
  return { text: await page.textContent('#session-ended'), tone: await page.getAttribute('#session-ended', 'data-tone') };
};

describe('the end of a session, in Chromium', () => {
  test('revoke all: both tabs say why in words, as a warning, and keep their timeline', async () => {
    const { context, first, second } = await twoTabs('revoke');
    await first.click('#revoke-all');
    assert.equal(await first.isVisible('#revoke-all-confirm'), true, 'revoke all asks first');
    await first.click('#revoke-all-no');
    assert.equal(await first.locator('body[data-view="dashboard"]').count(), 1, 'cancel keeps the session');
    await first.click('#revoke-all');
    await first.click('#revoke-all-yes');

    const here = await notice(first);
    assert.equal(here.tone, 'warning');
    assert.match(here.text, /You revoked all your sessions/);
    const there = await notice(second);
    assert.equal(there.tone, 'warning');
    assert.match(there.text, /^All your sessions were revoked from another tab; the server pushed it \d+ ms later\.$/);
    assert.doesNotMatch(here.text + there.text, /admin_revoke/, 'no raw codes');
    assert.equal(await borderColor(second), WARN);
    for (const page of [first, second]) {
      const kinds = await page.$$eval('#past-timeline .entry', (entries) => entries.map((e) => e.dataset.kind));
      assert.equal(kinds[0], 'revoked', 'the newest entry is the revocation');
      assert.ok(kinds.includes('refreshed') || kinds.includes('login'), `the earlier story is kept: ${kinds}`);
    }
    await demo.shot(second, '10-revoked-other-tab');
    await context.close();
  });

  test('log out: neutral "You signed out" here, "in another tab" there', async () => {
    const { context, first, second } = await twoTabs('logout');
    await first.click('#logout');
    const here = await notice(first);
    assert.deepEqual(here, { tone: 'neutral', text: 'You signed out.' });
    const there = await notice(second);
    assert.deepEqual(there, { tone: 'neutral', text: 'You signed out in another tab.' });
    assert.equal(await borderColor(first), MUTED, 'a chosen sign-out is not styled as a warning');
    await context.close();
  });

  test('a reload shows "restoring your session…", then a new timeline that starts with the restore; nothing in Web Storage', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'reload');
    await demo.signIn(page);
    // Held back so the restoring state stays on screen long enough to be seen.
    await page.route('**/auth/session', async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 800));
      await route.continue();
    });
    await page.reload();
    await page.waitForSelector('body[data-view="restoring"] #restoring');
    assert.match(await page.textContent('#restoring'), /Restoring your session…/);
    await page.waitForSelector('body[data-view="dashboard"]', { timeout: 5000 });
    const entries = await page.$$eval('.timeline .entry', (list) => list.map((e) => ({ kind: e.dataset.kind, text: e.textContent })));
    assert.equal(entries.at(-1).kind, 'restored', 'the oldest entry is the restore');
    assert.match(entries.at(-1).text, /restored from the refresh cookie/);
    assert.ok(!entries.some((e) => e.kind === 'login'), 'the previous page\'s timeline is not carried over');
    const storage = await page.evaluate(() => [localStorage.length, sessionStorage.length]);
    assert.deepEqual(storage, [0, 0]);
    await context.close();
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
