// The clock-skew simulator in Chromium: each simulated skew restarts the
// session from a fresh refresh, and the estimate it shows, in words and in
// seconds, is the simulated skew within 2 s (the Date header the estimate
// comes from has a resolution of one second). The timeline names its clock.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 10 });

// Simulated local-clock skew → the words the estimate must use (the issuer's clock against this one).
const SKEWS = [
  [-600_000, /about 10 minutes ahead of this one/],
  [-60_000, /about 1 minute ahead of this one/],
  [0, /agrees with this one/],
  [60_000, /about 1 minute behind this one/],
  [600_000, /about 10 minutes behind this one/],
];

describe('the skew simulator, in Chromium', () => {
  test('each simulated skew is estimated within ±2 s, after a fresh refresh, on a named clock', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'skew');
    await demo.signIn(page);
    for (const [skewMs, words] of SKEWS) {
      const before = { refreshes: demo.countRequests('POST', '/auth/refresh'), entries: await page.locator('.entry.skew').count(), jti: JSON.parse(await page.textContent('#claims')).jti };
      await page.selectOption('#skew', String(skewMs));
      await page.waitForFunction((n) => document.querySelectorAll('.entry.skew').length > n, before.entries, { timeout: 5000 });
      assert.equal(demo.countRequests('POST', '/auth/refresh') - before.refreshes, 1, `${skewMs}: one fresh refresh`);
      assert.notEqual(JSON.parse(await page.textContent('#claims')).jti, before.jti, `${skewMs}: a new token, not the old one`);

      const shown = await page.textContent('#clock-offset');
      assert.match(shown, words, `${skewMs}: ${shown}`);
      const estimateS = Number(/; estimate (-?[\d.]+) s$/.exec(shown)[1]);
      // The issuer's clock minus the simulated local clock is minus the simulated skew.
      assert.ok(Math.abs(estimateS * 1000 + skewMs) <= 2000, `${skewMs}: estimate ${estimateS} s`);
      assert.match(await page.textContent('.entry.skew'), words);
      assert.match(await page.textContent('#timeline-clock'), skewMs === 0 ? /this tab's clock\./ : /this tab's simulated clock, set \d+ min (fast|slow)/);
    }
    await demo.shot(page, '12-skew');
    await context.close();
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
