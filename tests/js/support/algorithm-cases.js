// The differential cases for every JWS algorithm jose verifies: tokens signed
// by node:crypto (neither jose nor edjwt), with keys as public JWKs (and HMAC
// secrets as base64url), so that the same cases run in Node and, as JSON, in
// Chromium. Each case names its token, its key, its verify options and, for
// the few places where edjwt is documented as stricter than jose, `stricter`.
// How a case is run and its outcome read: ./outcome.js (browser-safe).
import { createHmac, createPrivateKey, generateKeyPairSync, generateKeySync, sign } from 'node:crypto';
import { readVectorText } from './vectors.js';

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const NOW = Math.floor(Date.now() / 1000);
const CLAIMS = { sub: 'alice', iss: 'https://issuer.example', iat: NOW, exp: NOW + 600 };

function keyPair(alg) {
  if (alg.startsWith('RS') || alg.startsWith('PS')) return generateKeyPairSync('rsa', { modulusLength: 2048 });
  if (alg.startsWith('ES')) return generateKeyPairSync('ec', { namedCurve: { ES256: 'P-256', ES384: 'P-384', ES512: 'P-521' }[alg] });
  return generateKeyPairSync('ed25519');
}

// node:crypto signing for each alg, JWS's encodings (raw r‖s, PSS salt = hash length).
function signer(alg, privateKey) {
  const hash = `sha${alg.slice(2)}`;
  if (alg.startsWith('HS')) return (data) => createHmac(hash, privateKey).update(data).digest();
  if (alg.startsWith('RS')) return (data) => sign(hash, data, privateKey);
  if (alg.startsWith('PS')) return (data) => sign(hash, data, { key: privateKey, padding: 6, saltLength: Number(alg.slice(2)) / 8 });
  if (alg.startsWith('ES')) return (data) => sign(hash, data, { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return (data) => sign(null, data, privateKey);
}

function tokenOf(header, claims, signBytes) {
  const input = `${b64u(JSON.stringify(header))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${b64u(signBytes(Buffer.from(input)))}`;
}

// The signature with one byte flipped in its middle, still canonical base64url.
function flipSignature(token) {
  const [header, payload, signature] = token.split('.');
  const bytes = Buffer.from(signature, 'base64url');
  bytes[bytes.length >> 1] ^= 1;
  return `${header}.${payload}.${b64u(bytes)}`;
}

const withSegment = (token, index, value) => token.split('.').map((segment, i) => (i === index ? value : segment)).join('.');

const secretKey = (alg) => generateKeySync('hmac', { length: Number(alg.slice(2)) });
const publicJwk = (keyObject) => keyObject.export({ format: 'jwk' });
const secretOf = (keyObject) => ({ secret: b64u(keyObject.export()) });

export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'PS256', 'PS384', 'PS512', 'ES256', 'ES384', 'ES512', 'HS256', 'HS384', 'HS512', 'EdDSA', 'Ed25519'];

/** [{ name, alg, token, key (a public JWK or { secret }), options, stricter? }] */
export function makeAlgorithmCases() {
  const cases = [];
  const add = (name, alg, token, key, extra = {}) => cases.push({ name: `${alg}: ${name}`, alg, token, key, options: {}, ...extra });
  for (const alg of ALGORITHMS) {
    const secret = alg.startsWith('HS');
    const pair = secret ? { privateKey: secretKey(alg) } : keyPair(alg);
    const other = secret ? { privateKey: secretKey(alg) } : keyPair(alg);
    const key = secret ? secretOf(pair.privateKey) : publicJwk(pair.publicKey);
    const otherKey = secret ? secretOf(other.privateKey) : publicJwk(other.publicKey);
    const signBytes = signer(alg, pair.privateKey);
    const header = { alg, typ: 'JWT' };
    const valid = tokenOf(header, CLAIMS, signBytes);
    add('a valid token verifies', alg, valid, key);
    add('another key of the same type fails', alg, valid, otherKey);
    add('a tampered header fails', alg, withSegment(valid, 0, b64u(JSON.stringify({ ...header, kid: 'x' }))), key);
    add('a tampered payload fails', alg, withSegment(valid, 1, b64u(JSON.stringify({ ...CLAIMS, sub: 'mallory' }))), key);
    add('a tampered signature fails', alg, flipSignature(valid), key);
    add('"none" with the signature removed fails', alg, `${b64u(JSON.stringify({ alg: 'none' }))}.${valid.split('.')[1]}.`, key);
    const expired = tokenOf(header, { ...CLAIMS, exp: NOW - 60 }, signBytes);
    add('an expired token fails after its signature verified', alg, expired, key);
    add('an expired token with a tampered signature fails on the signature, not the claim', alg, flipSignature(expired), key);
    add('an expired token under another key fails on the signature, not the claim', alg, expired, otherKey);
    add('a wrong issuer fails after the signature verified', alg, valid, key, { options: { issuer: 'https://other.example' } });
    add('a header alg outside "algorithms" fails', alg, valid, key, { options: { algorithms: ['EdDSA', 'RS256'].filter((a) => a !== alg) } });
  }

  // Algorithm confusion: HS256 "signed" with an RSA public key's PEM as the secret.
  const rsa = keyPair('RS256');
  const pem = rsa.publicKey.export({ type: 'spki', format: 'pem' });
  const confused = tokenOf({ alg: 'HS256' }, CLAIMS, (data) => createHmac('sha256', pem).update(data).digest());
  add('HMAC signed with the RSA public key PEM as secret, verified with the RSA key, fails', 'HS256', confused, publicJwk(rsa.publicKey));
  const ec = keyPair('ES256');
  add('an RS256 header verified with an EC key fails', 'RS256', tokenOf({ alg: 'RS256' }, CLAIMS, signer('RS256', rsa.privateKey)), publicJwk(ec.publicKey));
  add('an ES256 header verified with an RSA key fails', 'ES256', tokenOf({ alg: 'ES256' }, CLAIMS, signer('ES256', ec.privateKey)), publicJwk(rsa.publicKey));
  // ECDSA in DER (what OpenSSL emits by default) instead of JWS's raw r‖s.
  const der = tokenOf({ alg: 'ES256' }, CLAIMS, (data) => sign('sha256', data, ec.privateKey));
  add('an ECDSA signature in DER instead of raw r‖s fails', 'ES256', der, publicJwk(ec.publicKey));
  // RSA keys under 2048 bits are refused, whatever the signature.
  const small = generateKeyPairSync('rsa', { modulusLength: 1024 });
  add('an RSA key under 2048 bits is refused', 'RS256', tokenOf({ alg: 'RS256' }, CLAIMS, signer('RS256', small.privateKey)), publicJwk(small.publicKey));
  add('an RSA-PSS token with an RSA key under 2048 bits is refused', 'PS256', tokenOf({ alg: 'PS256' }, CLAIMS, signer('PS256', small.privateKey)), publicJwk(small.publicKey));
  // Documented strictness: an HMAC secret shorter than the hash (RFC 7518 §3.2).
  const short = generateKeySync('hmac', { length: 128 });
  add('an HMAC secret shorter than the hash is refused', 'HS256', tokenOf({ alg: 'HS256' }, CLAIMS, signer('HS256', short)), secretOf(short), { stricter: 'TypeError' });
  // Documented strictness: an EC key of another curve is a TypeError (jose: WebCrypto's DataError).
  const p384 = keyPair('ES384');
  add('an ES256 header verified with a P-384 key fails', 'ES256', tokenOf({ alg: 'ES256' }, CLAIMS, signer('ES256', ec.privateKey)), publicJwk(p384.publicKey), { stricter: 'TypeError' });
  return cases;
}

// The openssl-made certificates of tests/vectors/x509 and the algs their keys sign.
const CERTIFICATES = [['RS256', 'rsa.crt', 'rsa.key'], ['ES256', 'ec.crt', 'ec.key'], ['ES256', 'ec-v1.crt', 'ec.key'], ['EdDSA', 'ed25519.crt', 'ed25519.key']];

/** [{ name, alg, token, pem, expected }]: importX509 cases, tokens signed with each certificate's private key; `expected` is part of the outcome. */
export function makeX509Cases() {
  return CERTIFICATES.flatMap(([alg, certificate, privateKey]) => {
    const pem = readVectorText(`x509/${certificate}`);
    const valid = tokenOf({ alg }, CLAIMS, signer(alg, createPrivateKey(readVectorText(`x509/${privateKey}`))));
    const der = Buffer.from(pem.replace(/-----[A-Z ]+-----|\s/g, ''), 'base64');
    const truncated = `-----BEGIN CERTIFICATE-----\n${der.subarray(0, der.length - 1).toString('base64')}\n-----END CERTIFICATE-----\n`;
    const name = (what) => `${alg} certificate ${certificate}: ${what}`;
    return [
      { name: name('a valid token verifies'), alg, token: valid, pem, expected: { ok: true } },
      { name: name('a tampered signature fails'), alg, token: flipSignature(valid), pem, expected: { ok: false, code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' } },
      { name: name('a certificate one byte short is a TypeError'), alg, token: valid, pem: truncated, expected: { ok: false, name: 'TypeError' } },
    ];
  });
}
