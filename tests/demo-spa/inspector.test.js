// The token inspector in Chromium: only the inputs the chosen mode uses,
// "Decode only" labelled NOT VERIFIED, one error per submit, which claims it
// checked and which it could not without an expected issuer and audience,
// and error names as jose spells them in the minified production build.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 60 });

async function openInspector() {
  const context = await demo.browser.newContext();
  const page = await demo.openPage(context, 'inspector');
  await demo.signIn(page);
  await page.click('a[href="#/inspector"]');
  await page.waitForSelector('#inspect-token');
  return { context, page, token: await page.inputValue('#inspect-token') };
}

const visibleInputs = (page) => page.$$eval('#inspect-jwks-url, #inspect-jwk, #inspect-issuer, #inspect-audience',
  (inputs) => inputs.filter((input) => input.checkVisibility()).map((input) => input.id));

/** Submits, and waits for this submit's outcome (the previous one is cleared first, so it cannot be read by mistake). */
async function inspect(page) {
  await page.$eval('#inspect-output', (output) => output.replaceChildren());
  await page.click('#inspect');
  await page.waitForSelector('#inspect-output :is(#verify-result, #decode-error)');
}

describe('the token inspector, in Chromium', () => {
  test('each "verify with" mode shows only the inputs it uses', async () => {
    const { context, page } = await openInspector();
    assert.deepEqual(await visibleInputs(page), ['inspect-jwks-url', 'inspect-issuer', 'inspect-audience']);
    await page.selectOption('#inspect-key-mode', 'jwk');
    assert.deepEqual(await visibleInputs(page), ['inspect-jwk', 'inspect-issuer', 'inspect-audience']);
    await page.selectOption('#inspect-key-mode', 'none');
    assert.deepEqual(await visibleInputs(page), []);
    await context.close();
  });

  test('"Decode only" decodes and says NOT VERIFIED, never "verified"', async () => {
    const { context, page } = await openInspector();
    await page.selectOption('#inspect-key-mode', 'none');
    await inspect(page);
    const output = await page.textContent('#inspect-output');
    assert.match(await page.textContent('#verify-result'), /^NOT VERIFIED/);
    assert.match(output, /"sub": "alice"/);
    assert.doesNotMatch(output, /Signature verified|✓/);
    await context.close();
  });

  test('an empty or garbage submit shows exactly one error', async () => {
    const { context, page } = await openInspector();
    for (const input of ['', 'not a token', 'a.b.c']) {
      await page.fill('#inspect-token', input);
      await inspect(page);
      assert.equal(await page.locator('#inspect-output .error').count(), 1, JSON.stringify(input));
    }
    await context.close();
  });

  test('it says which claims it checked, and checks issuer and audience once given', async () => {
    const { context, page } = await openInspector();
    await inspect(page);
    assert.match(await page.textContent('#verify-result'), /Signature verified/);
    const unchecked = await page.textContent('#checked-claims');
    assert.match(unchecked, /Checked: the signature, and exp against this browser's clock/);
    assert.match(unchecked, /Not checked: iss \("edjwt-demo"\); give the expected issuer/);
    assert.match(unchecked, /Not checked: aud \("edjwt-demo-spa"\); give the expected audience/);

    await page.fill('#inspect-issuer', 'edjwt-demo');
    await page.fill('#inspect-audience', 'edjwt-demo-spa');
    await inspect(page);
    const checked = await page.textContent('#checked-claims');
    assert.match(checked, /Checked: iss is "edjwt-demo"/);
    assert.match(checked, /Checked: aud includes "edjwt-demo-spa"/);

    await page.fill('#inspect-issuer', 'someone-else');
    await inspect(page);
    assert.equal(await page.getAttribute('#verify-result', 'data-code'), 'ERR_JWT_CLAIM_VALIDATION_FAILED');
    assert.equal(await page.locator('#inspect-output .error').count(), 1);
    await context.close();
  });

  test('a JWK Set pasted as JSON verifies; a tampered token fails as JWSSignatureVerificationFailed, named as jose names it', async () => {
    const { context, page, token } = await openInspector();
    const jwks = await (await fetch(`${demo.base}/.well-known/jwks.json`)).text();
    await page.selectOption('#inspect-key-mode', 'jwk');
    await page.fill('#inspect-jwk', jwks);
    await inspect(page);
    assert.match(await page.textContent('#verify-result'), /Signature verified/);

    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload, 'base64url'));
    await page.fill('#inspect-token', `${header}.${Buffer.from(JSON.stringify({ ...claims, sub: 'mallory' })).toString('base64url')}.${signature}`);
    await inspect(page);
    assert.match(await page.textContent('#verify-result'), /^✗ JWSSignatureVerificationFailed \(ERR_JWS_SIGNATURE_VERIFICATION_FAILED\)/);
    await context.close();
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
