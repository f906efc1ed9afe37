// The token-life picture in Chromium, with 3 s tokens: a bar per token, the
// newest current with its refresh window, older ones kept (the last five);
// two tabs show a token adopted from the other tab; the issuer-time line
// follows the skew estimate, away from the tab's own clock line.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 3 });

const bars = (page) => page.$$eval('#token-life .bar', (rows) => rows.map((row) => ({
  state: row.classList[1],
  jti: row.dataset.jti,
  label: row.querySelector('.label').textContent,
  windowShown: row.querySelector('.refresh-window') !== null,
  life: ['x', 'width'].map((name) => Number(row.querySelector('.life').getAttribute(name))),
})));

describe('the token-life picture', () => {
  test('one bar per token on a shared axis, the newest current with its refresh window, at most five kept', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'token-life');
    await demo.signIn(page);
    await page.waitForFunction(() => document.querySelectorAll('#token-life .bar').length >= 3, null, { timeout: 15_000 });
    let shown = await bars(page);
    assert.equal(shown.at(-1).state, 'current');
    assert.ok(shown.slice(0, -1).every((bar) => bar.state === 'past'));
    assert.equal(new Set(shown.map((bar) => bar.jti)).size, shown.length, 'one bar per token');
    assert.match(shown[0].label, /sign-in$/);
    assert.match(shown[1].label, /refresh$/);
    assert.ok(shown.at(-1).windowShown, 'the current token shows its refresh window');
    assert.ok(shown[1].life[0] > shown[0].life[0], 'later tokens start further right on the shared axis');
    assert.equal(await page.$$eval('#token-life line.issuer-now', (lines) => lines.length), shown.length);
    await demo.shot(page, '26-token-life');
    await page.waitForFunction(() => document.querySelectorAll('.entry.refreshed').length >= 7, null, { timeout: 25_000 });
    shown = await bars(page);
    assert.equal(shown.length, 5, 'the last five are kept');
    await context.close();
  });

  test('with two tabs, a token adopted from the other tab is labelled so', async () => {
    const { context, first, second } = await demo.twoTabs('life');
    const adopted = async () => (await Promise.all([bars(first), bars(second)])).flat().some((bar) => /other tab$/.test(bar.label));
    for (let i = 0; i < 100 && !(await adopted()); i++) await first.waitForTimeout(100);
    assert.ok(await adopted(), 'one tab adopted the token the other refreshed');
    await context.close();
  });

  test('a clock 10 minutes fast: the issuer-time line stays on the bars, the tab clock line goes to the edge', async () => {
    const context = await demo.browser.newContext();
    const page = await demo.openPage(context, 'life skew');
    await demo.signIn(page);
    await page.selectOption('#skew', '600000');
    await page.waitForFunction(() => /about 10 minutes behind/.test(document.querySelector('#clock-offset').textContent), null, { timeout: 5000 });
    await page.waitForTimeout(500);
    const [issuer, local] = await page.$$eval('#token-life .bar:last-child line', (lines) => lines.map((line) => Number(line.getAttribute('x1'))));
    // Ten minutes off a few seconds' axis: the tab clock line is pinned to the right edge.
    assert.equal(local, 1000, `tab clock line at ${local} (of 1000)`);
    assert.ok(issuer < 900, `issuer line at ${issuer} (of 1000)`);
    await context.close();
  });

  test('no console errors or page errors anywhere in the run', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
