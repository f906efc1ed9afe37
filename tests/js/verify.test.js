// jwtVerify, jwtVerifySync and compactVerify agree with jose: the same
// acceptance, error class, code, claim and reason, and the same payload and
// header, across generated cases of every kind the issue lists.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import * as edjwt from 'edjwt';
import { rng, randomClaims } from './support/random.js';
import { makeSigner } from './support/signing.js';

const NOW = 1_800_000_000;
const currentDate = new Date(NOW * 1000);

async function settle(promise) {
  try {
    return { value: await promise };
  } catch (error) {
    return { error };
  }
}

function assertSame(ours, theirs, label) {
  if (theirs.error) {
    assert.ok(ours.error, `${label}: jose threw ${theirs.error.constructor.name} (${theirs.error.message}), edjwt accepted`);
    assert.equal(ours.error.constructor.name, theirs.error.constructor.name, `${label}: ${ours.error.message} vs ${theirs.error.message}`);
    assert.equal(ours.error.code, theirs.error.code, label);
    assert.equal(ours.error.claim, theirs.error.claim, label);
    assert.equal(ours.error.reason, theirs.error.reason, label);
    assert.deepStrictEqual(ours.error.payload, theirs.error.payload, label);
  } else {
    assert.ifError(ours.error);
    assert.deepStrictEqual(ours.value.payload, theirs.value.payload, label);
    assert.deepStrictEqual(ours.value.protectedHeader, theirs.value.protectedHeader, label);
  }
}

// Key holders, one per form jose accepts: an imported key, a plain JWK, a local JWK Set.
async function keyForms(signer, other) {
  const kid = 'k1';
  const joseKey = await jose.importJWK(signer.jwk, 'EdDSA');
  const set = { keys: [{ ...signer.jwk, kid, alg: 'EdDSA', use: 'sig' }, { ...other.jwk, kid: 'k2' }] };
  const twins = { keys: [{ ...signer.jwk }, { ...other.jwk }] };
  return {
    'imported key': [joseKey, await edjwt.importJWK(signer.jwk, 'EdDSA')],
    'public JWK': [signer.jwk, signer.jwk],
    'JWK with alg and use': [{ ...signer.jwk, alg: 'EdDSA', use: 'sig' }, { ...signer.jwk, alg: 'EdDSA', use: 'sig' }],
    'local JWK Set': [jose.createLocalJWKSet(set), edjwt.createLocalJWKSet(set)],
    'JWK Set with two matching keys': [jose.createLocalJWKSet(twins), edjwt.createLocalJWKSet(twins)],
  };
}

function generateCases(r, signer, other) {
  const cases = [];
  const add = (label, token, options = {}) => cases.push({ label, token, options: { currentDate, ...options } });
  const header = (extra = {}) => ({ alg: r.pick(['EdDSA', 'EdDSA', 'Ed25519']), kid: r.pick(['k1', 'k1', 'k2', 'nope', undefined]), ...extra });
  const claims = () => ({ ...randomClaims(r), exp: NOW + 600, iat: NOW - 10 });
  const tamper = (token, segment) => {
    const parts = token.split('.');
    const chars = [...parts[segment]];
    const at = 2 + r.int(Math.max(1, chars.length - 6));
    chars[at] = chars[at] === 'A' ? 'B' : 'A';
    parts[segment] = chars.join('');
    return parts.join('.');
  };
  for (let i = 0; i < 70; i++) {
    const c = claims();
    add('valid', signer.sign(header(), c));
    add('expired', signer.sign(header(), { ...c, exp: NOW - r.int(100) }));
    add('exp exactly now', signer.sign(header(), { ...c, exp: NOW }));
    add('expired inside clockTolerance', signer.sign(header(), { ...c, exp: NOW - 5 }), { clockTolerance: r.pick([10, '10s', '1 minute']) });
    add('expired outside clockTolerance', signer.sign(header(), { ...c, exp: NOW - 50 }), { clockTolerance: 10 });
    add('not yet valid', signer.sign(header(), { ...c, nbf: NOW + 1 + r.int(100) }));
    add('nbf inside clockTolerance', signer.sign(header(), { ...c, nbf: NOW + 5 }), { clockTolerance: '30s' });
    add('fractional times', signer.sign(header(), { ...c, exp: NOW + 0.5, nbf: NOW - 0.25 }));
    add('issuer', signer.sign(header(), { ...c, iss: 'https://a' }), { issuer: r.pick(['https://a', 'https://b', ['https://b', 'https://a']]) });
    add('audience', signer.sign(header(), { ...c, aud: r.pick(['api', ['x', 'api'], ['x'], 'other', 7]) }), { audience: r.pick(['api', ['api', 'y']]) });
    add('subject', signer.sign(header(), { ...c, sub: r.pick(['u1', 'u2']) }), { subject: 'u1' });
    add('typ', signer.sign(header({ typ: r.pick(['JWT', 'application/jwt', 'at+jwt', 'application/at+JWT', undefined]) }), c), { typ: r.pick(['JWT', 'at+jwt', 'application/at+jwt']) });
    add('required claims', signer.sign(header(), r.pick([{ exp: NOW + 60 }, { exp: NOW + 60, jti: 'x', foo: null }])), { requiredClaims: ['jti', 'foo'] });
    add('missing iss for issuer option', signer.sign(header(), { exp: NOW + 60 }), { issuer: 'https://a' });
    add('maxTokenAge', signer.sign(header(), { ...c, iat: NOW - r.int(200) }), { maxTokenAge: r.pick([100, '2m']) });
    add('iat in the future with maxTokenAge', signer.sign(header(), { ...c, iat: NOW + 100 }), { maxTokenAge: 100 });
    add('wrong claim types', signer.sign(header(), { ...c, [r.pick(['exp', 'nbf', 'iat'])]: r.pick(['1800000000', null, [1], {}, true]) }));
    add('wrong iss type', signer.sign(header(), { ...c, iss: 5 }), { issuer: 'https://a' });
    add('tampered payload', tamper(signer.sign(header(), c), 1));
    add('tampered header', tamper(signer.sign(header(), c), 0));
    add('tampered signature', tamper(signer.sign(header(), c), 2));
    add('wrong key', other.sign(header({ kid: 'k1' }), c));
    add('signed by the second set member', other.sign(header({ kid: 'k2' }), c));
    add(`alg ${'x'}`, signer.sign(header({ alg: r.pick(['none', 'HS256', 'ES256', 'RS256', 'Ed448', 'eddsa', 'EDDSA', '', 5]) }), c));
    add('algorithms allow-list', signer.sign(header(), c), { algorithms: r.pick([['EdDSA'], ['Ed25519'], ['ES256'], []]) });
    add('crit known', signer.sign(header({ crit: ['exp'], exp: 1 }), c), { crit: { exp: true } });
    add('crit unknown', signer.sign(header({ crit: [r.pick(['foo', 'exp'])] }), c));
    add('crit malformed', signer.sign(header({ crit: r.pick([[], [''], 'b64', [1]]) }), c));
    add('b64 false', signer.signSegments(Buffer.from(JSON.stringify(header({ b64: false, crit: ['b64'] }))).toString('base64url'), 'eyJ'));
    add('b64 not boolean', signer.sign(header({ b64: 'no', crit: ['b64'] }), c));
    add('b64 without crit', signer.sign(header({ b64: false }), c));
    add('claims not an object', signer.sign(header(), r.pick(['[1]', '"x"', 'null', '{"a":', ''])));
    add('not a JWS', r.pick(['a.b', 'a.b.c.d', 'a.b.c.d.e', '', '...', `${signer.sign(header(), c)}.`]));
  }
  return cases;
}

describe('differential against jose', () => {
  test('1,000+ generated cases across every key form: same outcome as jose', async () => {
    const signer = makeSigner();
    const other = makeSigner();
    const forms = await keyForms(signer, other);
    const r = rng(42);
    const cases = generateCases(r, signer, other);
    let compared = 0;
    for (const [index, { label, token, options }] of cases.entries()) {
      const [formName, [joseKey, ourKey]] = r.pick(Object.entries(forms));
      const name = `#${index} ${label} / ${formName}`;
      const theirs = await settle(jose.jwtVerify(token, joseKey, options));
      assertSame(await settle(edjwt.jwtVerify(token, ourKey, options)), theirs, name);
      if (formName !== 'JWK Set with two matching keys') {
        assertSame(await settle(Promise.resolve().then(() => edjwt.jwtVerifySync(token, ourKey, options))), theirs, `${name} (sync)`);
      }
      compared++;
    }
    assert.ok(compared >= 1000, `${compared} cases`);
  });

  test('compactVerify agrees with jose on the same kinds of tokens', async () => {
    const signer = makeSigner();
    const other = makeSigner();
    const forms = await keyForms(signer, other);
    const r = rng(9);
    for (const { label, token } of generateCases(r, signer, other).slice(0, 300)) {
      const [formName, [joseKey, ourKey]] = r.pick(Object.entries(forms));
      const theirs = await settle(jose.compactVerify(token, joseKey));
      const ours = await settle(edjwt.compactVerify(token, ourKey));
      if (!theirs.error && !ours.error) {
        assert.deepStrictEqual(Buffer.from(ours.value.payload), Buffer.from(theirs.value.payload), label);
        assert.deepStrictEqual(ours.value.protectedHeader, theirs.value.protectedHeader, label);
      } else {
        assertSame(ours, theirs, `${label} / ${formName}`);
      }
    }
  });
});

describe('security rules', () => {
  test('a payload is never returned or attached before its signature verified', async () => {
    const signer = makeSigner();
    const other = makeSigner();
    const token = other.sign({ alg: 'EdDSA' }, { exp: NOW - 100, secret: 'x' });
    const error = await edjwt.jwtVerify(token, signer.jwk, { currentDate }).catch((e) => e);
    assert.ok(error instanceof edjwt.errors.JWSSignatureVerificationFailed);
    assert.equal(error.payload, undefined);
  });

  test('the key decides: an Ed25519 key never verifies an HS256 token signed with its public bytes', async () => {
    const signer = makeSigner();
    const { createHmac } = await import('node:crypto');
    const input = `${Buffer.from('{"alg":"HS256"}').toString('base64url')}.${Buffer.from('{}').toString('base64url')}`;
    const mac = createHmac('sha256', Buffer.from(signer.jwk.x, 'base64url')).update(input).digest('base64url');
    await assert.rejects(edjwt.jwtVerify(`${input}.${mac}`, signer.jwk), TypeError);
    await assert.rejects(edjwt.jwtVerify(`${input}.${mac}`, edjwt.createLocalJWKSet({ keys: [signer.jwk] })), edjwt.errors.JOSENotSupported);
  });

  test('a signature that differs only in unused trailing bits is refused (jose accepts it)', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, { exp: NOW + 60 });
    const last = token.at(-1);
    const twin = token.slice(0, -1) + 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'.indexOf(last) + 1];
    assert.ok((await jose.jwtVerify(twin, signer.jwk, { currentDate })).payload, 'jose accepts the twin');
    await assert.rejects(edjwt.jwtVerify(twin, signer.jwk, { currentDate }), (e) => e instanceof edjwt.errors.JWSInvalid && /non-canonical/.test(e.message));
  });

  test('an exp of 1e400 is refused (jose reads Infinity and never expires it)', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, '{"exp":1e400}');
    assert.ok(await jose.jwtVerify(token, signer.jwk, { currentDate }));
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk, { currentDate }), (e) => e instanceof edjwt.errors.JWTInvalid && /overflows/.test(e.message));
  });

  test('the identity public key is refused at import, so a forgery under it cannot verify', async () => {
    const identity = { kty: 'OKP', crv: 'Ed25519', x: 'AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA' };
    await assert.rejects(edjwt.importJWK(identity, 'EdDSA'), (e) => e instanceof edjwt.errors.JWKInvalid && /small-order/.test(e.message));
    await assert.rejects(edjwt.jwtVerify('eyJhbGciOiJFZERTQSJ9.e30.' + 'A'.repeat(86), identity), edjwt.errors.JWKInvalid);
  });
});

describe('argument checks', () => {
  test('bad options and keys are TypeErrors before the token is read', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, {});
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk, { algorithms: 'EdDSA' }), TypeError);
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk, { clockTolerance: 'soon' }), TypeError);
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk, { issuer: 5 }), TypeError);
    await assert.rejects(edjwt.jwtVerify(token, undefined), TypeError);
    await assert.rejects(edjwt.jwtVerify(token, new Uint8Array(32)), TypeError);
    assert.throws(() => edjwt.jwtVerifySync(token, async () => signer.jwk), TypeError);
    await assert.rejects(edjwt.jwtVerify(42, signer.jwk), edjwt.errors.JWSInvalid);
  });

  test('a token over the length limit is JWSInvalid naming the limit, with a key or a key function', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, { pad: 'x'.repeat(70_000) });
    const overLimit = (e) => e instanceof edjwt.errors.JWSInvalid && /over the limit/.test(e.message);
    await assert.rejects(edjwt.jwtVerify(token, signer.jwk), overLimit);
    await assert.rejects(edjwt.jwtVerify(token, edjwt.createLocalJWKSet({ keys: [signer.jwk] })), overLimit);
    assert.throws(() => edjwt.jwtVerifySync(token, signer.jwk), overLimit);
  });

  test('Uint8Array tokens are accepted as jose accepts them', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, { a: 1 });
    assert.deepEqual((await edjwt.jwtVerify(new TextEncoder().encode(token), signer.jwk)).payload, { a: 1 });
  });

  test('a Node KeyObject and a WebCrypto CryptoKey work as keys', async () => {
    const signer = makeSigner();
    const token = signer.sign({ alg: 'EdDSA' }, { a: 1 });
    assert.deepEqual(edjwt.jwtVerifySync(token, signer.publicKey).payload, { a: 1 });
    const cryptoKey = await crypto.subtle.importKey('jwk', signer.jwk, { name: 'Ed25519' }, true, ['verify']);
    assert.deepEqual((await edjwt.jwtVerify(token, cryptoKey)).payload, { a: 1 });
  });
});
