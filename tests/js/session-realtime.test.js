// Real time, real HTTP: 2-second tokens from a local refresh endpoint for 20
// seconds. Every getToken() result verifies and is unexpired, and every
// refresh happens before the token it replaces expires.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { TokenSession, jwtVerify } from 'edjwt';
import { makeSigner } from './support/signing.js';

test('2 s tokens over 20 s: always verified and unexpired, refreshed before expiry', async () => {
  const signer = makeSigner();
  const issued = [];
  const server = createServer((req, res) => {
    const nowMs = Date.now();
    const iat = Math.floor(nowMs / 1000);
    issued.push({ atMs: nowMs });
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: signer.sign({ alg: 'EdDSA' }, { iat, exp: iat + 2, nbf: iat, n: issued.length }) }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/refresh`;

  const session = new TokenSession({
    key: signer.jwk,
    refresh: async ({ signal }) => ({ accessToken: (await (await fetch(url, { method: 'POST', signal })).json()).access_token }),
  });
  const adopted = [];
  session.addEventListener('refreshed', (e) => adopted.push({ atMs: Date.now(), expiresAt: e.detail.expiresAt.getTime() }));
  const errors = [];
  session.addEventListener('error', (e) => errors.push(e.detail.code));

  let checks = 0;
  try {
    await session.start();
    const end = Date.now() + 20_000;
    while (Date.now() < end) {
      const token = await session.getToken();
      await jwtVerify(token, signer.jwk);  // verified and unexpired, by jose's rules, right now
      checks++;
      await new Promise((resolve) => setTimeout(resolve, 97));
    }
  } finally {
    session.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }

  assert.deepEqual(errors, []);
  assert.ok(checks > 150, `${checks} checks`);
  assert.ok(adopted.length >= 10, `${adopted.length} refreshes in 20 s`);
  for (let i = 1; i < adopted.length; i++) {
    assert.ok(adopted[i].atMs < adopted[i - 1].expiresAt, `refresh ${i} came ${adopted[i].atMs - adopted[i - 1].expiresAt} ms after expiry`);
  }
});
