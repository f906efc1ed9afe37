// The demo's layout in Chromium at 320 px, the narrowest common phone width:
// no view scrolls sideways, long values (kid, tokens, JSON) wrap inside their
// boxes, and JSON wraps between words, not inside them. Screenshots at 320 px
// and at a desktop width go to test-output/demo-spa/.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { useDemo } from './support/chromium.js';

const demo = useDemo({ accessTokenTtl: 60 });

/** Elements wider than the page, or whose content overflows them sideways; [] when none. */
const overflowing = (page) => page.evaluate(() => {
  const width = document.documentElement.clientWidth;
  const found = [];
  if (document.documentElement.scrollWidth > width) found.push(`page ${document.documentElement.scrollWidth} px wide`);
  for (const element of document.querySelectorAll('main *')) {
    if (element.checkVisibility() && (element.getBoundingClientRect().right > width + 0.5 || element.scrollWidth > element.clientWidth + 1)) {
      if (!['OPTION', 'SELECT', 'TEXTAREA'].includes(element.tagName)) found.push(`${element.tagName}#${element.id}.${element.className}`);
    }
  }
  return found;
});

async function eachView(page, check) {
  await check('login');
  await demo.signIn(page);
  await page.click('#call-me');
  await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('200'));
  await check('dashboard');
  await page.click('a[href="#/inspector"]');
  await page.waitForSelector('#inspect-token');
  await page.click('#inspect');
  await page.waitForSelector('#verify-result');
  assert.match(await page.textContent('#verify-result'), /kid .{20,}/, 'the long kid is shown');
  await check('inspector');
  await page.click('a[href="#/"]');
  await page.waitForSelector('body[data-view="dashboard"]');
  await page.click('#logout');
  await page.waitForSelector('#past-timeline');
  await check('signed-out');
}

describe('the demo at 320 px, in Chromium', () => {
  test('no view scrolls sideways and long values wrap inside their boxes', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await demo.openPage(context, '320px');
    await eachView(page, async (view) => {
      assert.deepEqual(await overflowing(page), [], view);
      await demo.shot(page, `13-320px-${view}`);
    });
    await context.close();
  });

  test('JSON wraps at word boundaries: every word in the code boxes stays whole', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 320, height: 700 } });
    const page = await demo.openPage(context, 'json-wrap');
    await demo.signIn(page);
    await page.click('#call-me');
    await page.waitForFunction(() => document.querySelector('#api-result').textContent.startsWith('200'));
    const split = await page.$$eval('.code', (boxes) => boxes.flatMap((box) => {
      // Each word ("iss", "alice", "test" in an e-mail address) must sit on one line: its first and last characters share a top.
      // A break after a hyphen (inside a jti or "edjwt-demo-spa") is a boundary, so hyphenated runs are not words here.
      const range = document.createRange();
      const text = box.firstChild;
      const words = [...text.data.matchAll(/(?<![\w-])[A-Za-z]{3,}(?![\w-])/g)];
      return words.filter((match) => {
        range.setStart(text, match.index);
        range.setEnd(text, match.index + 1);
        const first = range.getBoundingClientRect().top;
        range.setStart(text, match.index + match[0].length - 1);
        range.setEnd(text, match.index + match[0].length);
        return range.getBoundingClientRect().top !== first;
      }).map((match) => match[0]);
    }));
    assert.deepEqual(split, []);
    await context.close();
  });

  test('desktop width: a screenshot for the README, and no sideways scroll', async () => {
    const context = await demo.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await demo.openPage(context, 'desktop');
    await eachView(page, async (view) => {
      assert.deepEqual(await overflowing(page), [], view);
      await demo.shot(page, `14-desktop-${view}`);
    });
    await context.close();
  });

  test('no console errors or page errors', () => {
    assert.deepEqual(demo.pageErrors, []);
  });
});
