// Bad input gets a clear 4xx JSON answer and the server keeps serving; every
// response carries the security headers; cross-origin POSTs are refused.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { MAX_BODY_BYTES } from '../../demo-spa/server/http.js';
import { bearer, postJson, startServer } from './support/server.js';

let clockFails = false;
const unexpected = [];
const { request, rawGet, origin, login } = await startServer({
  now: () => {
    if (clockFails) throw new Error('clock failure');
    return Date.now();
  },
  onError: (error) => unexpected.push(error),
});

async function assertError(response, status, error) {
  assert.equal(response.status, status);
  assert.match(response.headers.get('content-type'), /^application\/json/);
  const body = await response.json();
  assert.equal(body.error, error);
  assert.equal(typeof body.message, 'string');
}

const loginWith = (body, headers) => request('/auth/login', { method: 'POST', headers, body });

describe('request bodies', () => {
  test('malformed JSON is 400 invalid_json', async () => {
    await assertError(await loginWith('{"username": "alice",', { 'content-type': 'application/json' }), 400, 'invalid_json');
  });

  test('a JSON body that is not an object is 400', async () => {
    await assertError(await loginWith('["alice", "alice-password"]', { 'content-type': 'application/json' }), 400, 'invalid_json');
  });

  test('invalid UTF-8 is 400', async () => {
    const body = Buffer.concat([Buffer.from('{"username": "'), Buffer.from([0xff]), Buffer.from('"}')]);
    await assertError(await loginWith(body, { 'content-type': 'application/json' }), 400, 'invalid_json');
  });

  test('a missing body is 400 on login', async () => {
    await assertError(await request('/auth/login', { method: 'POST' }), 400, 'invalid_request');
  });

  test('a body that is not application/json is 415', async () => {
    await assertError(await loginWith('username=alice&password=alice-password', { 'content-type': 'application/x-www-form-urlencoded' }), 415, 'unsupported_media_type');
    await assertError(await loginWith('{}', { 'content-type': 'text/plain' }), 415, 'unsupported_media_type');
  });

  test('application/json with a charset is accepted', async () => {
    const response = await loginWith(JSON.stringify({ username: 'alice', password: 'alice-password' }), {
      'content-type': 'application/json; charset=utf-8',
    });
    assert.equal(response.status, 200);
  });

  test('oversize body is 413', async () => {
    const padding = 'x'.repeat(MAX_BODY_BYTES);
    await assertError(await postJson(request, '/auth/login', { username: 'alice', password: padding }), 413, 'payload_too_large');
  });

  test('an oversize chunked body (no Content-Length) is 413', async () => {
    const chunks = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode('{"password": "'));
        controller.enqueue(new TextEncoder().encode('x'.repeat(MAX_BODY_BYTES)));
        controller.close();
      },
    });
    const response = await request('/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: chunks,
      duplex: 'half',
    });
    await assertError(response, 413, 'payload_too_large');
  });

  test('a body of exactly the limit is read', async () => {
    const skeleton = JSON.stringify({ username: 'alice', password: 'alice-password', pad: '' });
    const body = JSON.stringify({ username: 'alice', password: 'alice-password', pad: 'x'.repeat(MAX_BODY_BYTES - skeleton.length) });
    assert.equal(Buffer.byteLength(body), MAX_BODY_BYTES);
    assert.equal((await loginWith(body, { 'content-type': 'application/json' })).status, 200);
  });
});

describe('same-origin rule', () => {
  test('cross-origin POST is 403', async () => {
    const { cookie } = await login();
    for (const foreign of ['https://evil.example', 'null', origin.replace('http:', 'https:')]) {
      const response = await request('/auth/refresh', { method: 'POST', headers: { cookie, origin: foreign } });
      await assertError(response, 403, 'cross_origin_request');
    }
    // The cookie was not spent by the refused requests.
    assert.equal((await request('/auth/refresh', { method: 'POST', headers: { cookie, origin } })).status, 200);
  });

  test('behind an https proxy the own origin is https', async () => {
    const body = JSON.stringify({ username: 'bob', password: 'bob-password' });
    const headers = { 'content-type': 'application/json', 'x-forwarded-proto': 'https' };
    assert.equal((await loginWith(body, { ...headers, origin: origin.replace('http:', 'https:') })).status, 200);
    assert.equal((await loginWith(body, { ...headers, origin })).status, 403);
  });
});

describe('routing', () => {
  test('unknown route is 404', async () => {
    await assertError(await request('/api/nothing-here'), 404, 'not_found');
    await assertError(await request('/index.html'), 404, 'not_found');
  });

  test('wrong method is 405 with Allow', async () => {
    const response = await request('/auth/login');
    await assertError(response, 405, 'method_not_allowed');
    assert.equal(response.headers.get('allow'), 'POST');
    assert.equal((await request('/api/me', { method: 'DELETE' })).headers.get('allow'), 'GET');
  });

  test('every response carries the CSP and the other security headers', async () => {
    const { accessToken } = await login();
    for (const response of [
      await request('/.well-known/jwks.json'),
      await request('/api/me', { headers: bearer(accessToken) }),
      await request('/nowhere'),
      await loginWith('{', { 'content-type': 'application/json' }),
    ]) {
      assert.equal(
        response.headers.get('content-security-policy'),
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
          "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
      );
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      assert.equal(response.headers.get('referrer-policy'), 'no-referrer');
    }
  });

  test('a request target that is not a path is 400', async () => {
    const response = await rawGet('*');
    assert.equal(response.status, 400);
    assert.equal(JSON.parse(response.body).error, 'invalid_request');
  });
});

describe('unexpected failures', () => {
  test('an exception in a handler is a 500 JSON answer and the server keeps serving', async () => {
    const { accessToken } = await login();
    clockFails = true;
    try {
      await assertError(await request('/api/me', { headers: bearer(accessToken) }), 500, 'internal_error');
    } finally {
      clockFails = false;
    }
    assert.equal(unexpected.length, 1);
    assert.equal(unexpected[0].message, 'clock failure');
    assert.equal((await request('/api/me', { headers: bearer(accessToken) })).status, 200);
  });
});
