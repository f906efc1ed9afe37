// Every attack button in Chromium, each asserting the outcome (what the
// browser, the library and the backend answered), not only that a panel
// appeared: replay of a rotated refresh token ends the family in every tab;
// a tampered claim fails the signature in edjwt and at the API; an expired
// token gets 401 with its WWW-Authenticate reason; page script cannot read
// the HttpOnly cookies; a cross-site POST from the attacker page (another
// site, another port) is refused by the Origin check without the cookie; the
// token is in memory only and comes back through the cookie after a reload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { REVOCATION_PROBE_REFUSED, useDemo } from './support/chromium.js';

const ACCESS_TTL = 3;
const demo = useDemo({
  accessTokenTtl: ACCESS_TTL,
  expectedErrors: [
    REVOCATION_PROBE_REFUSED,
    // The attacks' own refused requests, which the browser logs as errors.
    /status of 401 \(Unauthorized\) \(http:\/\/[^/]+\/(api\/me|auth\/refresh)\)$/,
  ],
});

/** Clicks the attack's button and returns its result once it has one: `{ outcome, text }`. */
async function attack(page, id) {
  await page.click(`#attack-${id}`);
  await page.waitForFunction((sel) => !['running', undefined].includes(document.querySelector(sel).dataset.outcome), `#attack-${id}-result`, { timeout: 20_000 });
  return { outcome: await page.getAttribute(`#attack-${id}-result`, 'data-outcome'), text: await page.textContent(`#attack-${id}-result`) };
}

async function signedIn(name, mode) {
  const context = await demo.browser.newContext();
  const page = await demo.openPage(context, name);
  await demo.signIn(page, { mode });
  return { context, page };
}

describe('attacks, JWT mode', () => {
  test('replaying a rotated refresh token: the family ends in every tab, the freshly rotated token included', async () => {
    const { context, first: page, second: other } = await demo.twoTabs('replay');
    const { outcome, text } = await attack(page, 'replay');
    assert.equal(outcome, 'stopped', text);
    assert.match(text, /5 refreshes sent at once with this browser's cookie: /);
    assert.match(text, /1 × 401 refresh_token_reused/, 'exactly one replay is seen: it ends the family');
    assert.match(text, /\d × 200 \(a new token pair\)/);
    assert.match(text, /the access token the rotation just issued: the API answered 401/);
    for (const tab of [page, other]) {
      await tab.waitForSelector('body[data-view="login"]', { timeout: 5000 });
      assert.match(await tab.textContent('#session-ended'), /used twice/);
    }
    assert.match(await page.textContent('#attack-replay-result'), /Stopped/, 'the result stays on the sign-in page');
    await demo.shot(page, '22-attack-replay');
    await context.close();
  });

  test('tampering with a claim: edjwt refuses the signature by its jose name, and so does the API', async () => {
    const { context, page } = await signedIn('tamper');
    const { outcome, text } = await attack(page, 'tamper');
    assert.equal(outcome, 'stopped', text);
    assert.match(text, /changed sub from "alice" to "mallory"/);
    assert.match(text, /edjwt refused it: JWSSignatureVerificationFailed \(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\)/);
    assert.match(text, /the API answered 401 with WWW-Authenticate: Bearer error="invalid_token", error_description="signature verification failed"/);
    assert.equal(await page.getAttribute('body', 'data-view'), 'dashboard', 'the session itself is untouched');
    await context.close();
  });

  test('an expired token: 401 with the reason in WWW-Authenticate, once past the clock tolerance', async () => {
    const { context, page } = await signedIn('expired');
    const early = await attack(page, 'expired');
    assert.equal(early.outcome, 'waiting', 'right after sign-in no token has expired');
    // The first token expires after ACCESS_TTL s; the API allows 5 s of clock tolerance past it.
    let result;
    for (let i = 0; i < 20; i++) {
      await page.waitForTimeout(1000);
      result = await attack(page, 'expired');
      if (result.outcome !== 'waiting') break;
    }
    assert.equal(result.outcome, 'stopped', result.text);
    assert.match(result.text, /edjwt refused it: JWTExpired \(ERR_JWT_EXPIRED\)/);
    assert.match(result.text, /401 with WWW-Authenticate: Bearer error="invalid_token", error_description="the token has expired"/);
    await context.close();
  });

  test('the access token is in memory only: nothing in Web Storage, and a reload gets a new one through the cookie', async () => {
    const { context, page } = await signedIn('memory');
    const before = JSON.parse(await page.textContent('#claims')).jti;
    const { outcome, text } = await attack(page, 'memory-only');
    assert.equal(outcome, 'stopped', text);
    assert.match(text, /0 of them token-like/);
    assert.deepEqual(await page.evaluate(() => [localStorage.length, sessionStorage.length]), [0, 0]);
    await page.click('#attack-memory-only-reload');
    await page.waitForSelector('.entry.restored');
    await page.waitForFunction((jti) => {
      const claims = document.querySelector('#claims')?.textContent;
      return claims && JSON.parse(claims).jti !== jti;
    }, before);
    await context.close();
  });
});

for (const mode of ['jwt', 'session']) {
  describe(`attacks, ${mode} mode`, () => {
    test('page script cannot read the credential cookie, which the server still sees', async () => {
      const { context, page } = await signedIn(`read-cookie-${mode}`, mode);
      const { outcome, text } = await attack(page, 'read-cookie');
      assert.equal(outcome, 'stopped', text);
      assert.match(text, /document\.cookie = ""/);
      assert.match(text, new RegExp(`still sees a live ${mode} session`));
      const jar = (await context.cookies()).map((c) => c.name);
      assert.ok(jar.includes(mode === 'jwt' ? 'refresh_token' : 'session_id'), `the cookie is there: ${jar}`);
      await context.close();
    });

    test('a cross-site POST from the attacker page is refused by the Origin check, and the cookie is not sent', async () => {
      const { context, page } = await signedIn(`cross-site-${mode}`, mode);
      const popup = context.waitForEvent('page');
      const result = attack(page, 'cross-site');
      const attacker = await popup;
      await attacker.waitForSelector('body[data-done="true"]');
      assert.match(attacker.url(), /^http:\/\/localhost:\d+\/\?target=/);
      const { outcome, text } = await result;
      assert.equal(outcome, 'stopped', text);
      for (const path of ['/auth/refresh', '/admin/revoke']) {
        assert.match(text, new RegExp(`refused POST ${path} from http://localhost:\\d+: 403 cross_origin_request; the browser sent a credential cookie: no`));
      }
      assert.match(text, /afterwards, with this tab's credential: the API answered 200/);
      assert.match(text, /SameSite=Strict/);
      await demo.shot(page, `23-attack-cross-site-${mode}`);
      await context.close();
    });
  });
}

test('no console errors or page errors anywhere in the run', () => {
  assert.deepEqual(demo.pageErrors, []);
});
