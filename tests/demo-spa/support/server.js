// Starts the demo backend on a loopback port for one test file, with a clock
// the test moves by hand, and talks to it the way a browser tab would.
import { createPublicKey, verify } from 'node:crypto';
import http from 'node:http';
import { after } from 'node:test';
import { createServer } from '../../../demo-spa/server/app.js';

/** A started server: `{ url, origin, clock, request, login, close }`; closed after the file's tests. */
export async function startServer(options = {}) {
  const clock = { now: Date.now() };
  const server = createServer({ now: () => clock.now, ...options });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  const close = () => new Promise((resolve) => server.close(resolve));
  after(close);

  const request = (path, init = {}) => fetch(origin + path, init);

  async function login(username = 'alice', password = `${username}-password`) {
    const response = await postJson(request, '/auth/login', { username, password });
    const body = await response.json();
    return { response, body, accessToken: body.access_token, cookie: refreshCookie(response) };
  }

  /** GET with the request target sent exactly as given, which fetch would normalize. */
  function rawGet(target) {
    return new Promise((resolve, reject) => {
      http.get({ host: '127.0.0.1', port: server.address().port, path: target }, (response) => {
        let body = '';
        response.setEncoding('utf8').on('data', (chunk) => (body += chunk));
        response.on('end', () => resolve({ status: response.statusCode, headers: response.headers, body }));
      }).on('error', reject);
    });
  }

  return { server, origin, clock, request, rawGet, login, close };
}

export function postJson(request, path, body, headers = {}) {
  return request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
}

/** The `refresh_token=…` pair of the response's Set-Cookie, ready for a Cookie header. */
export function refreshCookie(response) {
  return response.headers.getSetCookie().find((line) => line.startsWith('refresh_token='))?.split(';')[0];
}

export const bearer = (token) => ({ authorization: `Bearer ${token}` });

export function decodePart(token, index) {
  return JSON.parse(Buffer.from(token.split('.')[index], 'base64url').toString('utf8'));
}

/** Checks the signature with node:crypto alone, using the JWKS key the header names. */
export function signatureVerifies(token, jwks) {
  const [header, payload, signature] = token.split('.');
  const jwk = jwks.keys.find((key) => key.kid === decodePart(token, 0).kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'));
}

/**
 * Reads a server-sent event stream: `next()` resolves with the next event as
 * `{ event, data }` (comments skipped), or null once the server ends it.
 */
export function eventReader(response) {
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  return {
    async next() {
      for (;;) {
        const end = buffer.indexOf('\n\n');
        if (end !== -1) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const fields = Object.fromEntries(block.split('\n').filter((line) => !line.startsWith(':')).map((line) => {
            const colon = line.indexOf(':');
            return [line.slice(0, colon), line.slice(colon + 1).trimStart()];
          }));
          if (fields.event !== undefined || fields.data !== undefined) return fields;
          continue;
        }
        const { value, done } = await reader.read();
        if (done) return null;
        buffer += value;
      }
    },
    cancel: () => reader.cancel(),
  };
}
