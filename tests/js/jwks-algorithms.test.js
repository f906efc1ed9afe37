// A JWK Set that mixes Ed25519, RSA and EC keys selects, for each token, the
// key its kid and alg pick -- the same key, or the same error, as jose's
// createLocalJWKSet -- and verifies with it, asynchronously and synchronously.
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign } from 'node:crypto';
import { test } from 'node:test';
import * as jose from 'jose';
import { createLocalJWKSet, jwtVerify, jwtVerifySync } from 'edjwt';
import { outcomeOf } from './support/outcome.js';

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const pairs = {
  ed: generateKeyPairSync('ed25519'),
  rsa: generateKeyPairSync('rsa', { modulusLength: 2048 }),
  p256: generateKeyPairSync('ec', { namedCurve: 'P-256' }),
  p384: generateKeyPairSync('ec', { namedCurve: 'P-384' }),
};
const jwks = {
  keys: [
    { ...pairs.ed.publicKey.export({ format: 'jwk' }), kid: 'ed' },
    { ...pairs.rsa.publicKey.export({ format: 'jwk' }), kid: 'rsa', use: 'sig' },
    { ...pairs.p256.publicKey.export({ format: 'jwk' }), kid: 'p256', alg: 'ES256' },
    { ...pairs.p384.publicKey.export({ format: 'jwk' }), kid: 'p384', key_ops: ['verify'] },
  ],
};

function token(header, pair) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify({ sub: header.kid ?? header.alg }))}`;
  const hash = `sha${header.alg.slice(2)}`;
  const signature = header.alg === 'EdDSA' ? sign(null, Buffer.from(input), pair.privateKey)
    : header.alg.startsWith('HS') ? createHmac('sha256', 'secret').update(input).digest()
    : header.alg.startsWith('PS') ? sign(hash, Buffer.from(input), { key: pair.privateKey, padding: 6, saltLength: 32 })
    : sign(hash, Buffer.from(input), { key: pair.privateKey, dsaEncoding: 'ieee-p1363' });
  return `${input}.${b64u(signature)}`;
}

const tokens = {
  'EdDSA by kid': token({ alg: 'EdDSA', kid: 'ed' }, pairs.ed),
  'RS256 by kid': token({ alg: 'RS256', kid: 'rsa' }, pairs.rsa),
  'PS256 by kid': token({ alg: 'PS256', kid: 'rsa' }, pairs.rsa),
  'ES256 by kid': token({ alg: 'ES256', kid: 'p256' }, pairs.p256),
  'ES384 by kid': token({ alg: 'ES384', kid: 'p384' }, pairs.p384),
  'RS256 without kid (one RSA member)': token({ alg: 'RS256' }, pairs.rsa),
  'ES384 without kid (one P-384 member)': token({ alg: 'ES384' }, pairs.p384),
  'EdDSA without kid (one Ed25519 member)': token({ alg: 'EdDSA' }, pairs.ed),
  'ES512 (no P-521 member)': token({ alg: 'ES512', kid: 'p256' }, generateKeyPairSync('ec', { namedCurve: 'P-521' })),
  'ES256 naming the RSA kid': token({ alg: 'ES256', kid: 'rsa' }, pairs.p256),
  'RS256 naming an unknown kid': token({ alg: 'RS256', kid: 'gone' }, pairs.rsa),
  'RS256 signed by another RSA key': token({ alg: 'RS256', kid: 'rsa' }, generateKeyPairSync('rsa', { modulusLength: 2048 })),
  'HS256 (never from a set)': token({ alg: 'HS256', kid: 'rsa' }),
};

for (const [name, jwt] of Object.entries(tokens)) {
  test(`a mixed set, ${name}: the outcome jose's set gives`, async () => {
    const theirs = await outcomeOf(() => jose.jwtVerify(jwt, jose.createLocalJWKSet(jwks)));
    const set = createLocalJWKSet(jwks);
    assert.deepEqual(await outcomeOf(() => jwtVerify(jwt, set)), theirs);
    assert.deepEqual(await outcomeOf(async () => jwtVerifySync(jwt, set)), theirs);
  });
}

test('the mixed set verifies each valid token with its own key', async () => {
  const set = createLocalJWKSet(jwks);
  for (const name of ['EdDSA by kid', 'RS256 by kid', 'PS256 by kid', 'ES256 by kid', 'ES384 by kid']) {
    const { payload, protectedHeader } = await jwtVerify(tokens[name], set);
    assert.equal(payload.sub, protectedHeader.kid, name);
  }
});
