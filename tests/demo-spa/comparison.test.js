// The comparison panel in Chromium: the per-request figures match what the
// browser actually sent (the Authorization header it sent, the cookie jar),
// store lookups per mode, and revocation latency in the three cases: under
// 1 s for session mode and for JWTs with the deny-list, and at least the
// held token's remaining lifetime for JWTs without it.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVOCATION_PROBE_REFUSED, useDemo } from './support/chromium.js';

const ACCESS_TTL = 4;
const demo = useDemo({ accessTokenTtl: ACCESS_TTL, expectedErrors: [REVOCATION_PROBE_REFUSED] });

const figure = async (page, mode, key) => Number(await page.getAttribute(`#figure-${mode}-${key}`, 'data-value'));

/** Calls GET /api/me from the dashboard; resolves with the request once the page has recorded its answer. */
async function callMe(page) {
  // The answer box keeps the last answer across sign-ins: the timeline's entry for this call is what says it is done.
  const entries = await page.locator('.entry.api').count();
  const sent = page.waitForRequest((request) => request.url().endsWith('/api/me'));
  await page.click('#call-me');
  const request = await sent;
  await page.waitForFunction((count) => document.querySelectorAll('.entry.api').length > count, entries);
  assert.match(await page.textContent('#api-result'), /^200/);
  return request;
}

/** Revokes all from the dashboard and waits for the panel's measurement of `kind`. */
async function revokeAndMeasure(page, kind, timeout) {
  await page.click('#revoke-all');
  await page.click('#revoke-all-yes');
  await page.waitForSelector(`#revocation-${kind}[data-state="done"]`, { timeout });
  const latency = await page.getAttribute(`#revocation-${kind}`, 'data-latency-ms');
  assert.ok(latency !== null, `the held credential was never refused: ${await page.textContent(`#revocation-${kind}`)}`);
  return { latencyMs: Number(latency), remainingMs: Number(await page.getAttribute(`#revocation-${kind}`, 'data-remaining-ms')) };
}

describe('the comparison panel', () => {
  test('per-request figures in both modes: the bytes the browser sent, and the lookups behind them', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'figures');
    await demo.signIn(page);
    const jwtRequest = await callMe(page);
    const authorization = jwtRequest.headers().authorization;
    assert.match(authorization, /^Bearer ey/);
    assert.equal(await figure(page, 'jwt', 'credentialBytes'), Buffer.byteLength(`Authorization: ${authorization}`));
    assert.equal(await figure(page, 'jwt', 'lookups'), 2, 'the deny-list and the session state');
    assert.ok((await figure(page, 'jwt', 'serverMs')) > 0);

    await page.click('#logout');
    await demo.signIn(page, { mode: 'session' });
    await callMe(page);
    const cookie = (await context.cookies()).find((c) => c.name === 'session_id');
    assert.equal(await figure(page, 'session', 'credentialBytes'), Buffer.byteLength(`Cookie: session_id=${cookie.value}`));
    assert.equal(await figure(page, 'session', 'lookups'), 1);
    assert.ok((await figure(page, 'session', 'credentialBytes')) * 4 < (await figure(page, 'jwt', 'credentialBytes')), 'the JWT column is still shown: the last figures of the other mode');
    await demo.shot(page, '20-comparison-figures');
    await context.close();
  });

  test('revocation latency: session mode under 1 s', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'session-revoke');
    await demo.signIn(page, { mode: 'session' });
    const { latencyMs } = await revokeAndMeasure(page, 'session', 5000);
    assert.ok(latencyMs < 1000, `${latencyMs} ms`);
    await context.close();
  });

  test('revocation latency: JWT with the deny-list under 1 s', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'deny-list-revoke');
    await demo.signIn(page);
    const { latencyMs, remainingMs } = await revokeAndMeasure(page, 'jwt-deny-list', 5000);
    assert.ok(latencyMs < 1000, `${latencyMs} ms`);
    assert.ok(remainingMs > 0, 'the token was still live when revoked');
    await context.close();
  });

  test('revocation latency: JWT without the deny-list is at least the remaining token lifetime, and the API does no lookup', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'no-deny-list-revoke');
    await demo.signIn(page);
    await page.uncheck('#deny-list');
    await page.waitForSelector('.entry.deny-list');
    try {
      await callMe(page);
      assert.equal(await figure(page, 'jwt', 'lookups'), 0);
      // The probe runs until the token is refused as expired: its lifetime plus the server's clock tolerance.
      const { latencyMs, remainingMs } = await revokeAndMeasure(page, 'jwt-no-deny-list', (ACCESS_TTL + 20) * 1000);
      assert.ok(remainingMs > 0);
      assert.ok(latencyMs >= remainingMs, `refused after ${latencyMs} ms, with ${remainingMs} ms of lifetime left`);
      await demo.shot(page, '21-comparison-revocation');
    } finally {
      // The switch is the server's: turned back on for the other tests.
      await demo.signIn(page);
      const switched = page.waitForResponse((response) => response.url().endsWith('/admin/deny-list') && response.request().method() === 'POST');
      await page.check('#deny-list');
      assert.equal((await (await switched).json()).enabled, true);
    }
    await context.close();
  });

  test('no console errors or page errors anywhere in the run', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
