// The Chromium half of `npm run bench`: builds bench/browser with Vite, serves
// it on loopback, runs it in Debian's Chromium (playwright-core) and prints a
// table with ratios to jose, appending it to bench/results/.
import { generateKeyPairSync, sign } from 'node:crypto';
import { readFileSync, mkdirSync, writeFileSync, existsSync, appendFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { gzipSync } from 'node:zlib';
import { extname, join } from 'node:path';
import { build } from 'vite';
import { chromium } from 'playwright-core';
import { algorithmReference } from './algorithm-rows.js';
import { summarize } from './measure.js';

const root = new URL('..', import.meta.url).pathname;
const outDir = join(root, 'build/bench-browser');
await build({ configFile: join(root, 'bench/browser/vite.config.js') });

// Served gzip -9 (as any static host compresses), so the cold-load rows move
// the bytes the size table counts.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.wasm': 'application/wasm' };
const server = createServer((req, res) => {
  const path = decodeURIComponent(req.url.split('?')[0]);
  const file = join(outDir, path === '/' ? 'index.html' : path);
  if (!file.startsWith(outDir) || !existsSync(file)) return res.writeHead(404).end();
  const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
  let body = readFileSync(file);
  if (/\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    body = gzipSync(body, { level: 9 });
    headers['content-encoding'] = 'gzip';
  }
  res.writeHead(200, headers).end(body);
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage();
  // EDJWT_BENCH_ONLY=RS256,ES256 runs only the rows whose names contain one of
  // these (EDJWT_BENCH_ROUNDS rounds, default the tables' own), no cold loads,
  // and keeps no results: for trying a lever.
  const only = process.env.EDJWT_BENCH_ONLY;
  const lab = new URLSearchParams(Object.entries({ only, rounds: process.env.EDJWT_BENCH_ROUNDS }).filter(([, value]) => value));
  await page.goto(`http://127.0.0.1:${server.address().port}/${only ? `?${lab}` : ''}`);
  await page.waitForFunction(() => window.benchResults, null, { timeout: 180_000 });
  const { userAgent, tokenBytes, results } = await page.evaluate(() => window.benchResults);
  const row = (name) => results.find((r) => r.name === name);
  const ratio = (name, reference) => row(name).median / row(reference).median;
  // A row and its reference run back to back in every round, so the median of
  // their per-round ratios cancels what drifts between rounds (a neighbour on
  // the host) better than the ratio of the two medians.
  const pairedRatio = (name, reference) => summarize(row(name).rounds.map((rate, i) => rate / row(reference).rounds[i])).median;
  const lines = [`### In Chromium (${userAgent.match(/Chrome\/[\d.]+/)?.[0] ?? 'Chromium'}, same ${tokenBytes}-byte token)`, '',
    '| library | ops/s median | min | max | vs jose | vs jose, round by round |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const reference = r.name.includes('decode') ? 'jose decodeJwt'
      : algorithmReference(r.name) ?? (r.name.includes('one-shot') ? 'jose one-shot: importJWK + jwtVerify'
        : r.name.includes('first use') ? 'jose jwtVerify, first use of a key' : 'jose jwtVerify (WebCrypto Ed25519)');
    lines.push(`| ${r.name} | ${Math.round(r.median)} | ${Math.round(r.min)} | ${Math.round(r.max)} | ${ratio(r.name, reference).toFixed(2)}× | ${pairedRatio(r.name, reference).toFixed(2)}× |`);
  }
  if (only) console.log(lines.join('\n'));
  else await withColdLoads(lines, { userAgent, tokenBytes, results });
} finally {
  await browser.close();
  server.close();
}

// The whole run's report: the table above and the cold loads, printed and kept in bench/results/.
async function withColdLoads(lines, measured) {
  const cold = await coldLoads(browser, `http://127.0.0.1:${server.address().port}`);
  const markdown = [lines.join('\n'), cold.markdown].join('\n\n');
  console.log(`${markdown}\n`);
  mkdirSync(join(root, 'bench/results'), { recursive: true });
  appendFileSync(join(root, 'bench/results/results.md'), `\n${markdown}\n`);
  writeFileSync(join(root, 'bench/results/browser.json'), JSON.stringify({ ...measured, coldLoad: cold.results }, null, 2));
}

// Cold load: navigation start -> first verified token in a fresh context (an
// empty HTTP cache), the libraries' pages alternating, served locally and
// through Chromium's emulation of a slow mobile link (150 ms RTT, 1.6 Mbit/s
// down, 750 kbit/s up).
async function coldLoads(browser, origin, runs = 9) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const b64u = (value) => Buffer.from(value).toString('base64url');
  const input = `${b64u('{"alg":"EdDSA"}')}.${b64u(JSON.stringify({ sub: 'cold', exp: Math.floor(Date.now() / 1000) + 3600 }))}`;
  const token = `${input}.${b64u(sign(null, Buffer.from(input), privateKey))}`;
  const fragment = encodeURIComponent(JSON.stringify({ token, jwk: publicKey.export({ format: 'jwk' }) }));
  const links = { local: null, 'slow mobile link': { latency: 150, downloadThroughput: 1.6e6 / 8, uploadThroughput: 750e3 / 8 } };
  const results = [];
  for (const [link, conditions] of Object.entries(links)) {
    const times = { edjwt: [], jose: [] };
    for (let run = 0; run < runs; run++) {
      for (const library of Object.keys(times)) {
        const context = await browser.newContext();
        const page = await context.newPage();
        if (conditions) {
          const cdp = await context.newCDPSession(page);
          await cdp.send('Network.enable');
          await cdp.send('Network.emulateNetworkConditions', { offline: false, ...conditions });
        }
        await page.goto(`${origin}/cold-${library}.html#${fragment}`);
        await page.waitForFunction(() => window.coldResult, null, { timeout: 60_000 });
        times[library].push(await page.evaluate(() => window.coldResult));
        await context.close();
      }
    }
    for (const [library, values] of Object.entries(times)) results.push({ link, library, ...summarize(values) });
  }
  const lines = ['### Cold load in Chromium: navigation start -> first verified token (ms)', '',
    '| link | library | median | min | max | edjwt - jose |', '| --- | --- | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const jose = results.find((x) => x.link === r.link && x.library === 'jose').median;
    lines.push(`| ${r.link} | ${r.library} | ${r.median.toFixed(1)} | ${r.min.toFixed(1)} | ${r.max.toFixed(1)} | ${r.library === 'edjwt' ? `${(r.median - jose).toFixed(1)}` : ''} |`);
  }
  return { results, markdown: lines.join('\n') };
}
