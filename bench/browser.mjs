// The Chromium half of `npm run bench`: builds bench/browser with Vite, serves
// it on loopback, runs it in Debian's Chromium (playwright-core) and prints a
// table with ratios to jose, appending it to bench/results/.
import { readFileSync, mkdirSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'build/bench-browser');
await build({ configFile: join(root, 'bench/browser/vite.config.js') });

const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const file = join(outDir, req.url === '/' ? 'index.html' : decodeURIComponent(req.url.split('?')[0]));
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
  res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' }).end(readFileSync(file));
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  await page.goto(`http://127.0.0.1:${server.address().port}/`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 180_000 });
  const { userAgent, tokenBytes, results } = await page.evaluate(() => window.benchResults);
  const ratio = (name, reference) => results.find((r) => r.name === name).median / results.find((r) => r.name === reference).median;
  const lines = [`### In Chromium (${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, same ${tokenBytes}-byte token)`, '',
    '| library | ops/s median | min | max | vs jose |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const reference = r.name.includes('decode') ? 'jose decodeJwt' : 'jose jwtVerify (WebCrypto Ed25519)';
    lines.push(`| ${r.name} | ${Math.round(r.median)} | ${Math.round(r.min)} | ${Math.round(r.max)} | ${ratio(r.name, reference).toFixed(2)}× |`);
  }
  const markdown = lines.join('\n');
  console.log(`${markdown}\n`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  appendFileSync(join(root, 'bench/results/results.md'), `\n${markdown}\n`);
  writeFileSync(join(root, 'bench/results/browser.json'), JSON.stringify({ userAgent, tokenBytes, results }, null, 2));
} finally {
  await browser.close();
  server.close();
}
