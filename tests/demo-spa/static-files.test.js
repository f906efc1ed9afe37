// Serving the built SPA: content types, the index.html fallback for
// client-side routes, and nothing from outside the folder.
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { startServer } from './support/server.js';

const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]); // an empty module
const INDEX = '<!doctype html><title>edjwt demo</title><script type="module" src="/app.js"></script>';

const base = await mkdtemp(path.join(tmpdir(), 'edjwt-demo-static-'));
after(() => rm(base, { recursive: true, force: true }));
const root = path.join(base, 'dist');
await mkdir(path.join(root, 'assets'), { recursive: true });
await Promise.all([
  writeFile(path.join(root, 'index.html'), INDEX),
  writeFile(path.join(root, 'app.js'), 'export {};\n'),
  writeFile(path.join(root, 'assets', 'edjwt-core.wasm'), WASM),
  writeFile(path.join(root, 'assets', 'style.css'), 'body { margin: 0 }\n'),
  writeFile(path.join(root, 'assets', 'logo.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>'),
  writeFile(path.join(root, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47])),
  writeFile(path.join(root, 'manifest.json'), '{}'),
  writeFile(path.join(base, 'secret.txt'), 'outside the static folder'),
]);
await symlink(path.join(base, 'secret.txt'), path.join(root, 'assets', 'leak.txt'));

const { request, rawGet } = await startServer({ staticDir: root });

describe('static files', () => {
  test('the .wasm is served as application/wasm, byte for byte', async () => {
    const response = await request('/assets/edjwt-core.wasm');
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/wasm');
    assert.deepEqual(Buffer.from(await response.arrayBuffer()), WASM);
    await WebAssembly.compileStreaming(request('/assets/edjwt-core.wasm'));
  });

  for (const [file, type] of [
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/assets/style.css', 'text/css; charset=utf-8'],
    ['/assets/logo.svg', 'image/svg+xml'],
    ['/assets/logo.png', 'image/png'],
    ['/manifest.json', 'application/json; charset=utf-8'],
    ['/', 'text/html; charset=utf-8'],
  ]) {
    test(`${file} is served as ${type}`, async () => {
      const response = await request(file);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), type);
      assert.match(response.headers.get('content-security-policy'), /script-src 'self' 'wasm-unsafe-eval'/);
    });
  }

  test('unknown non-API paths without an extension get index.html', async () => {
    for (const route of ['/notes', '/settings/keys']) {
      const response = await request(route);
      assert.equal(response.status, 200);
      assert.equal(await response.text(), INDEX);
    }
  });

  test('a missing asset is 404, not index.html', async () => {
    const response = await request('/assets/missing.js');
    assert.equal(response.status, 404);
    assert.equal((await response.json()).error, 'not_found');
  });

  test('API paths never fall back to index.html', async () => {
    assert.equal((await request('/api/unknown')).status, 404);
    assert.equal((await request('/auth')).status, 404);
  });

  test('HEAD answers the headers without the body', async () => {
    const response = await request('/app.js', { method: 'HEAD' });
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-length'), '11');
    assert.equal(await response.text(), '');
  });

  test('writing to a static path is 405', async () => {
    const response = await request('/app.js', { method: 'PUT', body: 'x' });
    assert.equal(response.status, 405);
    assert.equal(response.headers.get('allow'), 'GET, HEAD');
  });

  test('path traversal is refused', async () => {
    for (const target of ['/../secret.txt', '/assets/../../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets%2f..%2f..%2fsecret.txt', '/..%5csecret.txt']) {
      const response = await rawGet(target);
      assert.equal(response.status, 403, target);
      assert.doesNotMatch(response.body, /outside the static folder/, target);
    }
  });

  test('a symlink out of the folder is not followed', async () => {
    const response = await rawGet('/assets/leak.txt');
    assert.equal(response.status, 404);
    assert.doesNotMatch(response.body, /outside the static folder/);
  });

  test('broken percent-encoding is 400', async () => {
    assert.equal((await rawGet('/%E0%A4%A')).status, 400);
  });
});

describe('a client that leaves mid-download', () => {
  test('is no server error: nothing reaches the error log', async () => {
    await writeFile(path.join(root, 'assets', 'big.bin'), Buffer.alloc(16 * 1024 * 1024));
    const errors = [];
    const { server } = await startServer({ staticDir: root, onError: (error) => errors.push(error) });
    await new Promise((resolve, reject) => {
      const get = http.get({ host: '127.0.0.1', port: server.address().port, path: '/assets/big.bin' }, (response) => {
        response.once('data', () => {
          get.destroy();
          setTimeout(resolve, 300);  // time for the server to see the closed socket
        });
      });
      get.on('error', (error) => (error.code === 'ECONNRESET' ? undefined : reject(error)));
    });
    assert.deepEqual(errors, []);
  });
});
