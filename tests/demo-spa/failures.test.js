// The demo in Chromium shows every failure where it happened: an API call
// made offline or with an expired token fills the response box (with the
// WWW-Authenticate reason), an expired token gets a banner and no "verified"
// line, countdowns and claim times read in words, and the last answer
// survives a trip to the inspector.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CLOCK_TOLERANCE_SECONDS as TOLERANCE_S } from '../../demo-spa/server/tokens.js';
import { useDemo } from './support/chromium.js';

const ACCESS_TTL = 3;
// Requests these tests make fail on purpose; Chromium logs each one.
const demo = useDemo({ accessTokenTtl: ACCESS_TTL, expectedErrors: [/Failed to load resource: (net::ERR_(INTERNET_DISCONNECTED|FAILED)|the server responded with a status of 401)/] });

describe('failures in the demo, in Chromium', () => {
  test('the empty response box has a placeholder; an answer survives switching views', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'placeholder');
    await demo.signIn(page);
    assert.match(await page.textContent('#api-result'), /No API call yet/);
    await page.click('#call-me');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('200'));
    const answer = await page.textContent('#api-result');
    await page.click('a[href="#/inspector"]');
    await page.waitForSelector('body[data-view="inspector"]');
    await page.click('a[href="#/"]');
    await page.waitForSelector('body[data-view="dashboard"]');
    assert.equal(await page.textContent('#api-result'), answer);
    await context.close();
  });

  test('offline: the call fails into the response box as a network error, not an uncaught exception', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'offline');
    await demo.signIn(page);
    await context.setOffline(true);
    await page.click('#call-notes');
    await page.waitForFunction(() => /^Network error/.test(document.querySelector('#api-result').textContent));
    assert.match(await page.textContent('#api-result'), /the server could not be reached/);
    assert.match(await page.getAttribute('#api-result', 'class'), /\berror\b/);
    assert.match(await page.textContent('.timeline'), /GET \/api\/notes → network error/);
    await context.setOffline(false);
    await context.close();
  });

  test('expired: a banner, no "verified" line, "expired N s ago", and the API answers 401 with its WWW-Authenticate reason', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'expired');
    await demo.signIn(page);
    assert.match(await page.textContent('#expires-in'), /^expires in \d+ s$/);
    assert.equal(await page.isVisible('#token-banner'), false);
    // Refreshes fail from here, so the token runs out.
    await page.route('**/auth/refresh', (route) => route.abort());
    await page.waitForSelector('#token-banner:not([hidden])', { timeout: ACCESS_TTL * 1000 + 5000 });
    assert.match(await page.textContent('#token-banner'), /This access token has expired/);
    assert.doesNotMatch(await page.textContent('.status'), /verified against/);
    // Past the backend's clock tolerance too, so the API refuses it.
    await page.waitForFunction((seconds) => {
      const shown = /^expired (\d+) s ago$/.exec(document.querySelector('#expires-in').textContent);
      return shown && Number(shown[1]) > seconds;
    }, TOLERANCE_S, { timeout: (TOLERANCE_S + 5) * 1000 });
    await page.click('#call-me');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('401'));
    const box = await page.textContent('#api-result');
    assert.match(box, /^WWW-Authenticate: Bearer error="invalid_token", error_description="[^"]*expired[^"]*"$/m);
    await demo.shot(page, '11-expired');
    await context.close();
  });

  test('iat, nbf and exp are shown as local dates beside the numbers', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'dates');
    await demo.signIn(page);
    const claims = JSON.parse(await page.textContent('#claims'));
    const rows = await page.textContent('#claim-times');
    for (const claim of ['iat', 'exp']) {
      const local = await page.evaluate((s) => new Date(s * 1000).toLocaleString([], { hour12: false }), claims[claim]);
      assert.ok(rows.includes(`${claims[claim]} = ${local}`), `${claim}: ${rows}`);
    }
    await context.close();
  });

  test('no console errors or page errors besides the requests failed on purpose', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
