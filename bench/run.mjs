// `npm run bench`: one run, the same token for every library. JWT verification
// (edjwt sync, async, with a warm verified-signature cache; jose; raw Ed25519 in
// @noble/ed25519, tweetnacl, libsodium-wrappers and node:crypto, each plus
// base64url and JSON.parse), decoding, cold start, bundle sizes, and the native
// core (Google Benchmark, when built) beside the wasm figures. Prints markdown
// tables with ratios and writes bench/results/results.{md,json}.
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign, verify as nodeVerify } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as jose from 'jose';
import * as ed from '@noble/ed25519';
import { sha512 } from '@noble/hashes/sha2.js';
import nacl from 'tweetnacl';
import sodium from 'libsodium-wrappers';
import { jwtDecode } from 'jwt-decode';
import * as edjwt from 'edjwt';
import { asyncBatch, compare, summarize, syncBatch } from './measure.js';
import { NATIVE_BENCH, nativeTable, runNativeBench } from './native.mjs';
import { bundleSize, edjwtBrowserSize } from '../scripts/bundle-size.mjs';
import { keyTable } from './keys.mjs';
import { algorithmRows, PLATFORM_ALGS } from './algorithm-rows.js';

ed.hashes.sha512 = sha512;
await sodium.ready;

// A realistic ~550-byte access token.
const { publicKey, privateKey } = generateKeyPairSync('ed25519');
const jwk = publicKey.export({ format: 'jwk' });
const now = Math.floor(Date.now() / 1000);
const claims = {
  iss: 'https://auth.example.com/', sub: 'user-8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f', aud: ['https://api.example.com', 'https://app.example.com'],
  iat: now, nbf: now, exp: now + 3600, jti: '6f1b1c2e-3d4a-5b6c-7d8e-9f0a1b2c3d4e', scope: 'openid profile email read:messages write:messages',
  azp: 'spa-client-1234567890', sid: 'session-0f1e2d3c4b5a69788796a5b4c3d2e1f0', email: 'someone@example.com', email_verified: true,
  roles: ['reader', 'writer'], org: { id: 'org-42', name: 'Example Org' },
};
const b64u = (value) => Buffer.from(value).toString('base64url');
const input = `${b64u(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'bench' }))}.${b64u(JSON.stringify(claims))}`;
const token = `${input}.${b64u(sign(null, Buffer.from(input), privateKey))}`;
const options = { issuer: claims.iss, audience: 'https://api.example.com' };

const rawKey = Buffer.from(jwk.x, 'base64url');
const keyObject = createPublicKey({ key: jwk, format: 'jwk' });
const edKey = await edjwt.importJWK(jwk, 'EdDSA');
const edCachedKey = await edjwt.importJWK(jwk, 'EdDSA', { cache: { size: 1000 } });
const joseKey = await jose.importJWK(jwk, 'EdDSA');

// The raw-library baselines do the minimum a verifier must: split, decode, verify, parse.
function raw(verifySignature) {
  return () => {
    const [h, p, s] = token.split('.');
    if (!verifySignature(Buffer.from(`${h}.${p}`), Buffer.from(s, 'base64url'))) throw new Error('bad signature');
    JSON.parse(Buffer.from(h, 'base64url').toString());
    return JSON.parse(Buffer.from(p, 'base64url').toString());
  };
}

const signingInput = new Uint8Array(Buffer.from(input));
const signatureBytes = new Uint8Array(Buffer.from(token.split('.')[2], 'base64url'));
const verifiers = [
  ['edjwt jwtVerifySync', syncBatch(() => edjwt.jwtVerifySync(token, edKey, options))],
  ['edjwt ed25519Verify (same signing input)', syncBatch(() => edjwt.ed25519Verify(rawKey, signingInput, signatureBytes))],
  ['edjwt jwtVerify (async)', asyncBatch(() => edjwt.jwtVerify(token, edKey, options))],
  ['edjwt jwtVerifySync, warm signature cache', syncBatch(() => edjwt.jwtVerifySync(token, edCachedKey, options))],
  ['jose jwtVerify', asyncBatch(() => jose.jwtVerify(token, joseKey, options))],
  ['@noble/ed25519 verify + parse', syncBatch(raw((m, s) => ed.verify(s, m, rawKey)))],
  ['tweetnacl verify + parse', syncBatch(raw((m, s) => nacl.sign.detached.verify(m, s, rawKey)))],
  ['libsodium-wrappers verify + parse', syncBatch(raw((m, s) => sodium.crypto_sign_verify_detached(s, m, rawKey)))],
  ['node:crypto verify + parse', syncBatch(raw((m, s) => nodeVerify(null, m, keyObject, s)))],
];

const decoders = [
  ['edjwt decodeJwt', syncBatch(() => edjwt.decodeJwt(token))],
  ['jose decodeJwt', syncBatch(() => jose.decodeJwt(token))],
  ['jwt-decode', syncBatch(() => jwtDecode(token))],
];

async function table(title, rows, reference) {
  const results = await compare(rows);
  const base = results.find((r) => r.name === reference).median;
  const lines = [`### ${title}`, '', '| library | ops/s median | min | max | vs ' + reference + ' |', '| --- | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    lines.push(`| ${r.name} | ${Math.round(r.median)} | ${Math.round(r.min)} | ${Math.round(r.max)} | ${(r.median / base).toFixed(2)}× |`);
  }
  return { results, markdown: lines.join('\n') };
}

// Cold start: fresh Node processes that import a library and verify one
// token, round-robin over the rows. Two clocks: the child's performance.now()
// when the token has verified (process start → first verified token), and
// the parent's wall time until the child has exited. They differ by what
// happens after the work: V8 finishes the optimizing compiles that the first
// verification set off (wasm tier-up) before the process may exit.
const VERIFIED_AT = 'console.log(performance.now());';

function coldStarts(runs = 9) {
  const jwkText = JSON.stringify(jwk);
  const rows = [
    ['node (empty script)', VERIFIED_AT],
    ['edjwt', `import { jwtVerifySync } from 'edjwt'; jwtVerifySync(${JSON.stringify(token)}, ${jwkText}); ${VERIFIED_AT}`],
    ['jose', `import { jwtVerify, importJWK } from 'jose'; await jwtVerify(${JSON.stringify(token)}, await importJWK(${jwkText}, 'EdDSA')); ${VERIFIED_AT}`],
  ];
  const verified = rows.map(() => []);
  const exited = rows.map(() => []);
  for (let run = 0; run < runs; run++) {
    for (const [i, [label, code]] of rows.entries()) {
      const start = performance.now();
      const child = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: process.cwd(), encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${label}: ${child.stderr}`);
      exited[i].push(performance.now() - start);
      verified[i].push(Number(child.stdout));
    }
  }
  const results = rows.map(([name], i) => ({ name, verified: summarize(verified[i]), exited: summarize(exited[i]) }));
  const cost = (r, clock) => r[clock].median - results[0][clock].median;
  const versusJose = (r, clock) => (r === results[0] ? '' : `${(cost(r, clock) / cost(results[2], clock)).toFixed(2)}×`);
  const lines = [
    '### Cold start (process start → first verified token; and to process exit)',
    '',
    '| library | verified at, median ms | over empty node | vs jose | exited at, median ms | over empty node | vs jose |',
    '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(`| ${r.name} | ${r.verified.median.toFixed(1)} | ${cost(r, 'verified').toFixed(1)} | ${versusJose(r, 'verified')} ` +
      `| ${r.exited.median.toFixed(1)} | ${cost(r, 'exited').toFixed(1)} | ${versusJose(r, 'exited')} |`);
  }
  return { results, markdown: lines.join('\n') };
}

// What a browser downloads for each library's verify path (scripts/bundle-size.mjs).
function bundleSizes() {
  const entries = {
    jose: `export { jwtVerify, importJWK } from 'jose';`,
    '@noble/ed25519 + @noble/hashes': `export { verify } from '@noble/ed25519'; export { sha512 } from '@noble/hashes/sha2.js';`,
    tweetnacl: `import nacl from 'tweetnacl'; export const verify = nacl.sign.detached.verify;`,
    'libsodium-wrappers': `export { default } from 'libsodium-wrappers';`,
    'jwt-decode': `export { jwtDecode } from 'jwt-decode';`,
  };
  const edjwtSize = edjwtBrowserSize();
  const rows = [
    { name: 'edjwt (JS + glue; .wasm below)', ...edjwtSize.js },
    { name: 'edjwt-core.wasm', ...edjwtSize.wasm },
    ...Object.entries(entries).map(([name, source]) => ({ name, ...bundleSize(source) })),
  ];
  const lines = ['### Bundle size (esbuild --bundle --minify, gzip -9)', '', '| what | raw KB | gzip KB |', '| --- | ---: | ---: |'];
  for (const r of rows) lines.push(`| ${r.name} | ${(r.raw / 1024).toFixed(1)} | ${(r.gzip / 1024).toFixed(1)} |`);
  lines.push(`| **edjwt total (JS + .wasm)** | ${(edjwtSize.total.raw / 1024).toFixed(1)} | **${(edjwtSize.total.gzip / 1024).toFixed(1)}** |`);
  return { results: rows, markdown: lines.join('\n') };
}

const verify = await table(`JWT verification, Node ${process.version} (same ${token.length}-byte token)`, verifiers, 'jose jwtVerify');
console.log(verify.markdown + '\n');
const keys = await keyTable(claims, options);
console.log(keys.markdown + '\n');
const platformRows = await algorithmRows({ edjwt, jose, claims, options, sync: true });
const algorithms = [];
for (const alg of PLATFORM_ALGS) {
  algorithms.push(await table(`${alg} verification (node:crypto checks the signature), Node ${process.version}`,
    platformRows.filter(([name]) => name.endsWith(alg)), `jose jwtVerify ${alg}`));
  console.log(algorithms.at(-1).markdown + '\n');
}
const decode = await table('Decoding (no verification)', decoders, 'jose decodeJwt');
console.log(decode.markdown + '\n');
const cold = coldStarts();
console.log(cold.markdown + '\n');
const sizes = bundleSizes();
console.log(sizes.markdown + '\n');

// The native core on the same token, against the same operations through the JS API.
async function nativeVsWasm() {
  const native = runNativeBench({ token, x: jwk.x });
  if (!native) return { results: null, markdown: `### Native core\n\n${NATIVE_BENCH} is not built (Google Benchmark not found): skipped.` };
  const [h, p, s] = token.split('.');
  const message = Buffer.from(`${h}.${p}`);
  const signature = Buffer.from(s, 'base64url');
  const [ed25519] = await compare([['edjwt ed25519Verify', syncBatch(() => edjwt.ed25519Verify(rawKey, message, signature))]]);
  const find = (results, name) => results.find((r) => r.name === name);
  return nativeTable(native, [
    ['verify_compact (issuer + audience)', 'BM_verify_compact', find(verify.results, 'edjwt jwtVerifySync')],
    ['Ed25519 verify only', 'BM_ed25519_verify', ed25519],
    ['decode_jwt_claims', 'BM_decode_jwt_claims', find(decode.results, 'edjwt decodeJwt')],
  ]);
}
const native = await nativeVsWasm();
console.log(native.markdown + '\n');

const byName = Object.fromEntries(verify.results.map((r) => [r.name, r.median]));
const summary = [
  `edjwt jwtVerifySync / jose: ${(byName['edjwt jwtVerifySync'] / byName['jose jwtVerify']).toFixed(2)}×`,
  `edjwt jwtVerifySync / node:crypto raw: ${(byName['edjwt jwtVerifySync'] / byName['node:crypto verify + parse']).toFixed(2)}×`,
  `edjwt jwtVerifySync / ed25519Verify on the same signing input: ${(byName['edjwt jwtVerifySync'] / byName['edjwt ed25519Verify (same signing input)']).toFixed(2)}×`,
  `edjwt cached / uncached: ${(byName['edjwt jwtVerifySync, warm signature cache'] / byName['edjwt jwtVerifySync']).toFixed(1)}×`,
  ...(native.results ?? []).map((r) => `wasm / native, ${r.name}: ${r.wasmPerNative.toFixed(2)}×`),
].join('\n');
console.log(summary);

mkdirSync('bench/results', { recursive: true });
const markdown = [verify.markdown, keys.markdown, ...algorithms.map((a) => a.markdown), decode.markdown, cold.markdown, sizes.markdown, native.markdown, summary].join('\n\n') + '\n';
writeFileSync('bench/results/results.md', markdown);
writeFileSync('bench/results/results.json', JSON.stringify({ date: new Date().toISOString(), node: process.version, tokenBytes: token.length,
  verify: verify.results, keys: keys.results, algorithms: algorithms.flatMap((a) => a.results), decode: decode.results, coldStart: cold.results, bundleSizes: sizes.results, native: native.results }, null, 2));
console.log('\nwritten: bench/results/results.md, bench/results/results.json');
