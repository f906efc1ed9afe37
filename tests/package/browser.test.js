// The packed package in headless Chromium, imported by name from a consumer
// app: built by Vite, bundled by esbuild, and served unbundled to a plain
// <script type="module">; each page verifies tokens itself and in a module
// worker. Under a CSP without 'wasm-unsafe-eval' the import still succeeds and
// the first call fails with edjwt's own explanation.
import assert from 'node:assert/strict';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { build as esbuild } from 'esbuild';
import { chromium } from 'playwright-core';
import { build as viteBuild } from 'vite';
import { installPackedPackage } from './support/consumer.js';
import { makeFixtureTokens } from './support/fixture-tokens.js';
import { serveStatic } from './support/static-server.js';

const appSources = new URL('./fixtures/app/', import.meta.url).pathname;
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const verified = {
  valid: { valid: true, sub: 'alice' },
  expired: { valid: false, code: 'ERR_JWT_EXPIRED', wasmUnavailable: false, message: '"exp" claim timestamp check failed' },
  tampered: { valid: false, code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED', wasmUnavailable: false, message: 'signature verification failed' },
};

let consumer;
let browser;
const servers = [];
const sites = {};

function writeApp(dir) {
  cpSync(appSources, dir, { recursive: true });
  const { jwks, tokens } = makeFixtureTokens();
  writeFileSync(join(dir, 'fixture.js'), `export const jwks = ${JSON.stringify(jwks)};\nexport const tokens = ${JSON.stringify(tokens)};\n`);
}

async function buildWithVite(dir) {
  await viteBuild({
    root: dir,
    configFile: false,
    logLevel: 'warn',
    build: { outDir: 'site-vite', emptyOutDir: true },
    // Vite bundles workers as classic scripts unless told otherwise; edjwt's browser entry uses top-level await.
    worker: { format: 'es' },
  });
  return join(dir, 'site-vite');
}

// esbuild keeps `new URL('../dist/edjwt-core.wasm', import.meta.url)` as written, so the
// .wasm goes to dist/ beside the bundle's folder, as the README says.
async function buildWithEsbuild(dir) {
  const site = join(dir, 'site-esbuild');
  await esbuild({
    absWorkingDir: dir,
    entryPoints: ['main.js', 'worker.js'],
    outdir: join(site, 'assets'),
    bundle: true,
    format: 'esm',
    platform: 'browser',
    logLevel: 'warning',
  });
  mkdirSync(join(site, 'dist'));
  cpSync(join(dir, 'node_modules/edjwt/dist/edjwt-core.wasm'), join(site, 'dist/edjwt-core.wasm'));
  writeFileSync(join(site, 'index.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('./main.js', './assets/main.js'));
  return site;
}

// No bundler: the consumer folder served as it is, an import map naming edjwt's browser entry.
function writePlainPage(dir) {
  const importMap = '<script type="importmap">{"imports": {"edjwt": "./node_modules/edjwt/js/index.js"}}</script>';
  writeFileSync(join(dir, 'plain.html'), readFileSync(join(dir, 'index.html'), 'utf8').replace('<title>', `${importMap}\n    <title>`));
  return dir;
}

async function serve(name, root, headers) {
  const server = await serveStatic(root, headers);
  servers.push(server);
  sites[name] = server.url;
}

before(async () => {
  consumer = installPackedPackage();
  writeApp(consumer.dir);
  const [viteSite, esbuildSite] = await Promise.all([buildWithVite(consumer.dir), buildWithEsbuild(consumer.dir)]);
  await serve('vite', viteSite);
  await serve('viteStrictCsp', viteSite, { 'content-security-policy': "script-src 'self'" });
  await serve('viteWasmCsp', viteSite, { 'content-security-policy': "script-src 'self' 'wasm-unsafe-eval'" });
  await serve('esbuild', esbuildSite);
  await serve('plain', writePlainPage(consumer.dir));
  // launch() starts Chromium on a fresh, empty profile of its own every time.
  browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
  await Promise.all(servers.map((server) => server.close()));
  consumer?.remove();
});

/** What the page published, and the errors it logged (CSP reports are console errors too). */
async function visit(url) {
  const page = await browser.newPage();
  const problems = [];
  page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
  page.on('pageerror', (error) => problems.push(error.message));
  try {
    await page.goto(url);
    await page.waitForFunction(() => window.edjwtResults, null, { timeout: 15_000 });
    return { results: await page.evaluate(() => window.edjwtResults), problems };
  } finally {
    await page.close();
  }
}

describe('the packed package in Chromium', () => {
  test('a Vite-built app verifies tokens on the page and in a module worker, with the .wasm emitted as an asset', async () => {
    const assets = readdirSync(join(consumer.dir, 'site-vite/assets'));
    assert.equal(assets.filter((file) => file.endsWith('.wasm')).length, 1, `assets: ${assets.join(', ')}`);
    const { results, problems } = await visit(sites.vite);
    assert.deepEqual(results, { page: verified, worker: verified });
    assert.deepEqual(problems, []);
  });

  test('an esbuild bundle verifies tokens on the page and in a module worker', async () => {
    const { results, problems } = await visit(sites.esbuild);
    assert.deepEqual(results, { page: verified, worker: verified });
    assert.deepEqual(problems, []);
  });

  test('a plain <script type="module"> verifies with the installed files served as they are, the .wasm beside its glue', async () => {
    const { results } = await visit(`${sites.plain}plain.html`);
    // Only the page: an import map does not reach workers, so the worker cannot name "edjwt".
    assert.deepEqual(results.page, verified);
  });

  test("under a CSP without 'wasm-unsafe-eval' the import succeeds and the first call throws WasmUnavailable naming it", async () => {
    const { results } = await visit(sites.viteStrictCsp);
    for (const outcome of Object.values(results.page)) {
      assert.equal(outcome.code, 'ERR_EDJWT_WASM_UNAVAILABLE');
      assert.equal(outcome.wasmUnavailable, true);
      assert.match(outcome.message, /^edjwt: .*'wasm-unsafe-eval'/);
      assert.doesNotMatch(outcome.message, /Aborted|abort\(/i, "not Emscripten's abort text");
    }
  });

  test("the same build under a CSP that allows 'wasm-unsafe-eval' verifies", async () => {
    const { results, problems } = await visit(sites.viteWasmCsp);
    assert.deepEqual(results, { page: verified, worker: verified });
    assert.deepEqual(problems, []);
  });
});
