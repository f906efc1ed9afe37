// In wasm, a key's precomputed table (the core's fast path from its second
// use on) gives exactly libsodium's verdict: the same Wycheproof results,
// every node:crypto signature over random keys and messages verifies, and
// every mutation gets the verdict of libsodium's own crypto_sign_verify_detached
// (the path taken with setLimits({ maxKeyTables: 0 })). Signed by node:crypto,
// an independent implementation.
import assert from 'node:assert/strict';
import { randomBytes, sign } from 'node:crypto';
import { test } from 'node:test';
import { ed25519Verify, getLimits, importJWK, jwtVerifySync, setLimits } from 'edjwt';
import { ed25519KeyPair } from './support/signing.js';
import { readVectors } from './support/vectors.js';

const hex = (text) => Uint8Array.from(Buffer.from(text, 'hex'));
const L = 2n ** 252n + 27742317777372353535851937790883648493n;

function signer() {
  const { publicKey, privateKey } = ed25519KeyPair();
  const raw = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url'));
  return { raw, jwk: publicKey.export({ format: 'jwk' }), sign: (message) => new Uint8Array(sign(null, message, privateKey)) };
}

function withoutTables(fn) {
  const limits = getLimits();
  setLimits({ maxKeyTables: 0 });
  try {
    return fn();
  } finally {
    setLimits(limits);
  }
}

// The encodings of small-order points libsodium refuses as R, each also with the sign bit set.
const SMALL_ORDER = [
  '0000000000000000000000000000000000000000000000000000000000000000',
  '0100000000000000000000000000000000000000000000000000000000000000',
  '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05',
  'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a',
  'ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
  'eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f',
].flatMap((h) => [hex(h), Uint8Array.from(hex(h), (b, i) => (i === 31 ? b | 0x80 : b))]);

const randomInt = (n) => randomBytes(4).readUInt32LE() % n;

function plusL(signature) {
  let s = 0n;
  for (let i = 63; i >= 32; i--) s = (s << 8n) | BigInt(signature[i]);
  s += L;
  const out = signature.slice();
  for (let i = 32; i < 64; i++, s >>= 8n) out[i] = Number(s & 0xffn);
  return out;
}

test('every Wycheproof vector gives its result on the first, second (table built) and third use of its key', () => {
  const vectors = readVectors('wycheproof-ed25519_test.json');
  let cases = 0;
  for (const group of vectors.testGroups) {
    const key = hex(group.publicKey.pk);
    for (const vector of group.tests) {
      for (let use = 1; use <= 3; use++) {
        assert.equal(ed25519Verify(key, hex(vector.msg), hex(vector.sig)), vector.result === 'valid', `tcId ${vector.tcId}, use ${use}`);
      }
      cases++;
    }
  }
  assert.equal(cases, 151);
});

test('50,000 node:crypto signatures over 100 random keys and random messages all verify through the tables', () => {
  let verified = 0;
  for (let k = 0; k < 100; k++) {
    const { raw, sign: signWith } = signer();
    for (let m = 0; m < 500; m++) {
      const message = randomBytes(randomInt(800));
      verified += ed25519Verify(raw, message, signWith(message)) ? 1 : 0;
    }
  }
  assert.equal(verified, 50000);
});

test('50,000 mutations of R, S, the message and the key get libsodium verify_detached\'s verdict', () => {
  const kinds = ['R bit', 'S bit', 'message bit', 'S + L', 'small-order R', 'key bit or unchanged'];
  const counts = Object.fromEntries(kinds.map((kind) => [kind, 0]));
  for (let k = 0; k < 100; k++) {
    const { raw, sign: signWith } = signer();
    const cases = [];
    for (let m = 0; m < 500; m++) {
      let message = randomBytes(1 + randomInt(800));
      let signature = signWith(message);
      let key = raw;
      const kind = kinds[m % kinds.length];
      if (kind === 'R bit') signature[randomInt(32)] ^= 1 << randomInt(8);
      else if (kind === 'S bit') signature[32 + randomInt(32)] ^= 1 << randomInt(8);
      else if (kind === 'message bit') (message = Buffer.from(message))[randomInt(message.length)] ^= 1 << randomInt(8);
      else if (kind === 'S + L') signature = plusL(signature);
      else if (kind === 'small-order R') signature.set(SMALL_ORDER[randomInt(SMALL_ORDER.length)], 0);
      else if (m % 60 === 5) (key = raw.slice())[randomInt(32)] ^= 1 << randomInt(8);  // 1 in 10 of these
      cases.push({ kind, key, message, signature, valid: kind === kinds[5] && key === raw });
    }
    // Tables off evicts every table, so the reference verdicts come first, all at once.
    const reference = withoutTables(() => cases.map((c) => ed25519Verify(c.key, c.message, c.signature)));
    cases.forEach((c, m) => {
      ed25519Verify(c.key, c.message, c.signature);  // a new (mutated) key's second use builds its table
      assert.equal(ed25519Verify(c.key, c.message, c.signature), reference[m], `${c.kind}, key ${k}, case ${m}`);
      assert.equal(reference[m], c.valid, `${c.kind}: libsodium ${reference[m] ? 'accepts' : 'refuses'} it`);
      counts[c.kind]++;
    });
  }
  assert.equal(Object.values(counts).reduce((a, b) => a + b), 50000);
  for (const kind of kinds) assert.ok(counts[kind] > 8000, `${kind}: ${counts[kind]}`);
});

test('jwtVerifySync gives the same result before and after a key gets its table, and with tables off', async () => {
  const { jwk, sign: signWith } = signer();
  const key = await importJWK(jwk, 'EdDSA');
  const input = `${Buffer.from('{"alg":"EdDSA"}').toString('base64url')}.${Buffer.from('{"sub":"a"}').toString('base64url')}`;
  const token = `${input}.${Buffer.from(signWith(Buffer.from(input))).toString('base64url')}`;
  const forged = `${token.slice(0, -4)}${token.endsWith('AAAA') ? 'BAAA' : 'AAAA'}`;
  for (let use = 0; use < 3; use++) {
    assert.deepEqual(jwtVerifySync(token, key).payload, { sub: 'a' });
    assert.throws(() => jwtVerifySync(forged, key), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  }
  withoutTables(() => {
    assert.deepEqual(jwtVerifySync(token, key).payload, { sub: 'a' });
    assert.throws(() => jwtVerifySync(forged, key), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
  });
});
