// The timeline in Chromium: one entry per token in each tab, also when the
// server key is rotated with two tabs open and the second tab adopts the
// first tab's new token.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 30 });

const refreshEntries = (page) => page.$$eval('.entry.refreshed', (entries) => entries.map((e) => e.textContent.replace(/^\S+ /, '')));
const jtiOf = async (page) => JSON.parse(await page.textContent('#claims')).jti;

describe('the timeline, in Chromium', () => {
  test('rotating the key with two tabs open adds one entry per new token in each tab', async () => {
    const { context, first, second } = await demo.twoTabs('timeline');
    // The demo's key set fetches its JWKS at most once a second (its cooldown):
    // a rotation within a second of the second tab's own fetch would leave that
    // tab unable to find the new kid until its next scheduled refresh, 24 s away
    // with 30 s tokens. Start after the cooldown.
    await first.waitForTimeout(1100);
    const kidBefore = await first.textContent('#kid');

    await first.click('#rotate-key');
    await first.waitForSelector('.entry.key');
    await first.click('#refresh-now');
    for (const page of [first, second]) {
      await page.waitForFunction((kid) => document.querySelector('#kid').textContent !== kid, kidBefore, { timeout: 5000 });
    }
    const jti = await jtiOf(first);
    assert.equal(await jtiOf(second), jti, 'the second tab adopted the first tab\'s token');
    await first.waitForTimeout(1500);  // time for any late, repeated announcement to arrive

    for (const [name, page] of [['tab 1', first], ['tab 2', second]]) {
      const entries = await refreshEntries(page);
      assert.deepEqual(entries, [...new Set(entries)], `${name}: no repeated entry`);
      assert.equal(entries.filter((text) => text.includes(jti.slice(0, 8))).length, 1, `${name}: one entry for the new token`);
    }
    await context.close();
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
