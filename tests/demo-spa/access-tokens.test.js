// Access tokens, the JWKS that verifies them, key rotation, and the
// protected API routes that accept them.
import assert from 'node:assert/strict';
import { createPrivateKey, generateKeyPairSync, sign } from 'node:crypto';
import { describe, test } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { CLOCK_TOLERANCE_SECONDS } from '../../demo-spa/server/tokens.js';
import { bearer, decodePart, postJson, signatureVerifies, startServer } from './support/server.js';

const TTL = 30;
const { request, login, clock } = await startServer({ accessTokenTtl: TTL });

const getJwks = async () => (await request('/.well-known/jwks.json')).json();
const me = (token) => request('/api/me', { headers: bearer(token) });

/** Re-signs `claims` (and header fields) with a key the server never published. */
function forge(token, changes = {}) {
  const { privateKey } = generateKeyPairSync('ed25519');
  const header = { ...decodePart(token, 0), ...changes.header };
  const claims = { ...decodePart(token, 1), ...changes.claims };
  const input = [header, claims].map((part) => Buffer.from(JSON.stringify(part)).toString('base64url')).join('.');
  return `${input}.${sign(null, Buffer.from(input), privateKey).toString('base64url')}`;
}

async function assertInvalidToken(response, reason) {
  assert.equal(response.status, 401);
  assert.match(response.headers.get('www-authenticate'), /^Bearer error="invalid_token"/);
  const body = await response.json();
  assert.equal(body.error, 'invalid_token');
  assert.equal(body.reason, reason);
  assert.equal(typeof body.message, 'string');
}

describe('access tokens', () => {
  test('carry alg EdDSA, typ JWT, a kid and the session claims', async () => {
    const { accessToken } = await login('alice');
    const jwks = await getJwks();
    assert.deepEqual(decodePart(accessToken, 0), { alg: 'EdDSA', typ: 'JWT', kid: jwks.keys[0].kid });
    const claims = decodePart(accessToken, 1);
    assert.deepEqual(Object.keys(claims).sort(), ['aud', 'exp', 'iat', 'iss', 'jti', 'sid', 'sub']);
    assert.equal(claims.sub, 'alice');
    assert.equal(claims.exp - claims.iat, TTL);
    assert.equal(claims.iat, Math.floor(clock.now / 1000));
  });

  test('the access token verifies with node:crypto against the JWKS', async () => {
    const { accessToken } = await login();
    const jwks = await getJwks();
    assert.ok(signatureVerifies(accessToken, jwks));
    const [header, payload, signature] = accessToken.split('.');
    const flipped = Buffer.from(signature, 'base64url');
    flipped[0] ^= 1;
    assert.equal(signatureVerifies(`${header}.${payload}.${flipped.toString('base64url')}`, jwks), false);
  });

  test("jose's jwtVerify accepts the access token against the published JWKS", async () => {
    const { accessToken } = await login('bob');
    const claims = decodePart(accessToken, 1);
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(await getJwks()), {
      algorithms: ['EdDSA'],
      issuer: claims.iss,
      audience: claims.aud,
      currentDate: new Date(clock.now),
    });
    assert.equal(payload.sub, 'bob');
    assert.equal(protectedHeader.alg, 'EdDSA');
  });

  test('the JWKS publishes Ed25519 public keys only, briefly cacheable', async () => {
    const response = await request('/.well-known/jwks.json');
    assert.match(response.headers.get('cache-control'), /^public, max-age=\d{1,2}$/);
    const { keys } = await response.json();
    assert.equal(keys.length, 1);
    assert.deepEqual(Object.keys(keys[0]).sort(), ['alg', 'crv', 'kid', 'kty', 'use', 'x']);
    assert.deepEqual({ ...keys[0], x: undefined, kid: undefined }, { kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', x: undefined, kid: undefined });
    assert.throws(() => createPrivateKey({ key: keys[0], format: 'jwk' }));
  });
});

describe('protected routes', () => {
  test('/api/me returns the verified claims and the user profile', async () => {
    const { accessToken } = await login('bob');
    const response = await me(accessToken);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(body.claims, decodePart(accessToken, 1));
    assert.deepEqual(body.user, { sub: 'bob', username: 'bob', name: 'Bob Example', email: 'bob@example.test' });
  });

  test('/api/notes returns the notes for the token holder', async () => {
    const { accessToken } = await login('alice');
    const response = await request('/api/notes', { headers: bearer(accessToken) });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.owner, 'alice');
    assert.ok(body.notes.length > 0);
  });

  test('without a token: 401 missing_token and a bare Bearer challenge', async () => {
    const response = await request('/api/notes');
    assert.equal(response.status, 401);
    assert.equal(response.headers.get('www-authenticate'), 'Bearer');
    assert.equal((await response.json()).error, 'missing_token');
  });

  test('an expired token is refused once past the clock tolerance', async () => {
    const { accessToken } = await login();
    const exp = decodePart(accessToken, 1).exp;
    const saved = clock.now;
    try {
      clock.now = (exp + CLOCK_TOLERANCE_SECONDS) * 1000 - 1;
      assert.equal((await me(accessToken)).status, 200);
      clock.now += 1;
      await assertInvalidToken(await me(accessToken), 'expired');
    } finally {
      clock.now = saved;
    }
  });

  test('a token signed by an unpublished key is refused', async () => {
    const { accessToken } = await login();
    await assertInvalidToken(await me(forge(accessToken)), 'signature');
    await assertInvalidToken(await me(forge(accessToken, { header: { kid: 'not-a-published-kid' } })), 'unknown_key');
  });

  test('a changed claim breaks the signature', async () => {
    const { accessToken } = await login('bob');
    const [header, , signature] = accessToken.split('.');
    const payload = Buffer.from(JSON.stringify({ ...decodePart(accessToken, 1), sub: 'alice' })).toString('base64url');
    await assertInvalidToken(await me(`${header}.${payload}.${signature}`), 'signature');
  });

  test('alg none and other algorithms are refused', async () => {
    const { accessToken } = await login();
    const [, payload] = accessToken.split('.');
    const none = Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url');
    await assertInvalidToken(await me(`${none}.${payload}.`), 'malformed');
    await assertInvalidToken(await me(forge(accessToken, { header: { alg: 'HS256' } })), 'algorithm');
  });

  for (const [name, token] of [
    ['a non-JWS string', 'abc'],
    ['a JWS with four parts', 'a.b.c.d'],
    ['a JWS whose header is not JSON', 'bm90IGpzb24.e30.c2ln'],
  ]) {
    test(`${name} is refused as malformed`, async () => {
      await assertInvalidToken(await me(token), 'malformed');
    });
  }
});

describe('key rotation', () => {
  test('requires a Bearer access token', async () => {
    assert.equal((await request('/admin/rotate-key', { method: 'POST' })).status, 401);
  });

  test('rotated key stays in the JWKS until its tokens expire', async () => {
    const saved = clock.now;
    try {
      const { accessToken } = await login();
      const oldKid = decodePart(accessToken, 0).kid;
      const rotation = await postJson(request, '/admin/rotate-key', {}, bearer(accessToken));
      assert.equal(rotation.status, 200);
      const { kid, previous_kid: previousKid } = await rotation.json();
      assert.equal(previousKid, oldKid);
      assert.notEqual(kid, oldKid);

      // New tokens come from the new key; the old key still verifies the old token.
      const fresh = (await login()).accessToken;
      assert.equal(decodePart(fresh, 0).kid, kid);
      assert.deepEqual((await getJwks()).keys.map((key) => key.kid), [kid, oldKid]);
      assert.ok(signatureVerifies(accessToken, await getJwks()));
      assert.equal((await me(accessToken)).status, 200);

      // Still published at the last moment the old token is acceptable, then dropped.
      const lastAcceptable = (decodePart(accessToken, 1).exp + CLOCK_TOLERANCE_SECONDS) * 1000 - 1;
      clock.now = lastAcceptable;
      assert.deepEqual((await getJwks()).keys.map((key) => key.kid), [kid, oldKid]);
      clock.now = saved + (TTL + CLOCK_TOLERANCE_SECONDS) * 1000;
      assert.deepEqual((await getJwks()).keys.map((key) => key.kid), [kid]);
      await assertInvalidToken(await me(accessToken), 'unknown_key');
    } finally {
      clock.now = saved;
    }
  });
});
