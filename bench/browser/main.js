// The browser half of `npm run bench`: the same JWT verified by edjwt (wasm)
// and by jose (WebCrypto's Ed25519 in Chromium), RS256 and ES256 through
// WebCrypto for both, plus decoding, in one page.
// Results go to window.benchResults for the driver (bench/browser.mjs).
import * as jose from 'jose';
import * as edjwt from 'edjwt';
import { algorithmRows } from '../algorithm-rows.js';
import { keyRows } from '../key-rows.js';
import { asyncBatch, compare, syncBatch } from '../measure.js';

const { publicKey, privateKey } = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
const jwk = await jose.exportJWK(publicKey);
const token = await new jose.SignJWT({
  iss: 'https://auth.example.com/', sub: 'user-8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f', aud: ['https://api.example.com', 'https://app.example.com'],
  scope: 'openid profile email read:messages write:messages', azp: 'spa-client-1234567890', roles: ['reader', 'writer'], org: { id: 'org-42', name: 'Example Org' },
}).setProtectedHeader({ alg: 'EdDSA', typ: 'JWT', kid: 'bench' }).setIssuedAt().setNotBefore('0s').setExpirationTime('1h').setJti(crypto.randomUUID()).sign(privateKey);
const options = { issuer: 'https://auth.example.com/', audience: 'https://api.example.com' };
const edKey = await edjwt.importJWK(jwk, 'EdDSA');
const edCached = await edjwt.importJWK(jwk, 'EdDSA', { cache: { size: 100 } });
const joseKey = await jose.importJWK(jwk, 'EdDSA');
const [signingInput, signature] = (() => {
  const [h, p, sig] = token.split('.');
  return [new TextEncoder().encode(`${h}.${p}`), jose.base64url.decode(sig)];
})();
const rawKey = jose.base64url.decode(jwk.x);

// Keys for the first-use and one-shot rows: more than the core remembers as
// candidates (64), so cycling through them never gives one a table.
const keys = [];
for (let i = 0; i < 300; i++) {
  const pair = await jose.generateKeyPair('EdDSA', { crv: 'Ed25519', extractable: true });
  const keyJwk = await jose.exportJWK(pair.publicKey);
  keys.push({
    jwk: keyJwk,
    token: await new jose.SignJWT({ iss: options.issuer, aud: options.audience, sub: 'u' }).setProtectedHeader({ alg: 'EdDSA' })
      .setIssuedAt().setExpirationTime('1h').sign(pair.privateKey),
    edjwt: await edjwt.importJWK(keyJwk, 'EdDSA'),
    jose: await jose.importJWK(keyJwk, 'EdDSA'),
  });
}

const rows = [
  ['edjwt jwtVerifySync', syncBatch(() => edjwt.jwtVerifySync(token, edKey, options))],
  ['edjwt jwtVerify (async)', asyncBatch(() => edjwt.jwtVerify(token, edKey, options))],
  ['edjwt jwtVerifySync, warm signature cache', syncBatch(() => edjwt.jwtVerifySync(token, edCached, options))],
  ['jose jwtVerify (WebCrypto Ed25519)', asyncBatch(() => jose.jwtVerify(token, joseKey, options))],
  ['edjwt ed25519Verify (same signing input)', syncBatch(() => edjwt.ed25519Verify(rawKey, signingInput, signature))],
  ...keyRows({ edjwt, jose, keys, options }),
  ['edjwt decodeJwt', syncBatch(() => edjwt.decodeJwt(token))],
  ['jose decodeJwt', syncBatch(() => jose.decodeJwt(token))],
];
// RS256/ES256 in a table of their own, with three times the rounds: both
// libraries' rows are mostly WebCrypto's own time, which swings by a sixth
// from one 300 ms round to the next (ES256 most), so 7 rounds gave median
// ratios from 0.84× to 1.07× on one build.
const platformRows = await algorithmRows({ edjwt, jose, claims: { iss: options.issuer, aud: options.audience, sub: 'u', exp: Math.floor(Date.now() / 1000) + 3600 }, options });

// For lab runs: ?only=RS256,ES256, just the rows whose names contain one of
// these (with their references); ?rounds=N, that many rounds in both tables.
const lab = new URLSearchParams(location.search);
const only = lab.get('only')?.split(',');
const chosen = (list) => (only ? list.filter(([name]) => only.some((part) => name.includes(part))) : list);
const results = [
  ...await compare(chosen(rows), { rounds: Number(lab.get('rounds') ?? 7) }),
  ...await compare(chosen(platformRows), { rounds: Number(lab.get('rounds') ?? 21) }),
];
window.benchResults = { userAgent: navigator.userAgent, tokenBytes: token.length, results };
document.querySelector('#out').textContent = JSON.stringify(window.benchResults, null, 2);
