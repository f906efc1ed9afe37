// Real time, real HTTP: a Node script restores a token it saved an hour ago
// and asks a local refresh endpoint (whose clock may be off, as its iat and
// Date header show) for a fresh one. The session starts expired, makes one
// refresh, and hands out a token valid on the issuer's clock.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { test } from 'node:test';
import { TokenSession, jwtVerify } from 'edjwt';
import { makeSigner } from './support/signing.js';

const signer = makeSigner();

async function refreshEndpoint(skewMs) {
  const calls = { count: 0 };
  const server = createServer((req, res) => {
    calls.count++;
    const issuerNow = Date.now() + skewMs;
    const iat = Math.floor(issuerNow / 1000);
    res.writeHead(200, { 'content-type': 'application/json', date: new Date(issuerNow).toUTCString() });
    res.end(JSON.stringify({ access_token: signer.sign({ alg: 'EdDSA' }, { iat, exp: iat + 60 }) }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/refresh`;
  const refresh = async ({ signal }) => {
    const response = await fetch(url, { method: 'POST', signal });
    return { accessToken: (await response.json()).access_token, serverDate: response.headers.get('date') };
  };
  const close = () => {
    server.closeAllConnections();
    return new Promise((resolve) => server.close(resolve));
  };
  return { calls, refresh, close };
}

for (const skewMs of [0, -600_000, 600_000]) {
  test(`a token saved an hour ago, issuer clock ${skewMs / 60_000} min off: one refresh, a token valid on the issuer's clock`, async () => {
    const endpoint = await refreshEndpoint(skewMs);
    const session = new TokenSession({ key: signer.jwk, refresh: endpoint.refresh });
    try {
      const iat = Math.floor((Date.now() + skewMs) / 1000) - 3600;
      await session.start(signer.sign({ alg: 'EdDSA' }, { iat, exp: iat + 300 }));
      assert.equal(session.state, 'expired');
      const tokens = await Promise.all(Array.from({ length: 10 }, () => session.getToken()));
      assert.equal(endpoint.calls.count, 1);
      assert.equal(new Set(tokens).size, 1);
      // The Date header has one-second resolution and the call takes some milliseconds.
      assert.ok(Math.abs(session.clockOffsetMs - skewMs) <= 1500, `estimate ${session.clockOffsetMs} ms`);
      await jwtVerify(tokens[0], signer.jwk, { currentDate: new Date(Date.now() + skewMs) });
    } finally {
      session.stop();
      await endpoint.close();
    }
  });
}
