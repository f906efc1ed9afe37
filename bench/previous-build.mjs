// `node bench/previous-build.mjs OTHER_CHECKOUT`: this checkout's build against
// another's (built: `bash scripts/build.sh wasm` there), in one process, rows
// interleaved and the order alternated every round, so a change's cost or gain
// is a ratio measured in one run. Prints a markdown table: before (the other
// checkout), after (this one), after's speed relative to before.
import { createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';
import { resolve } from 'node:path';

const other = process.argv[2];
if (!other) {
  console.error('usage: node bench/previous-build.mjs OTHER_CHECKOUT');
  process.exit(2);
}
const here = new URL('..', import.meta.url).pathname;
const builds = {
  before: await import(resolve(other, 'js/index.node.js')),
  after: await import(resolve(here, 'js/index.node.js')),
};
const b64u = (v) => Buffer.from(v).toString('base64url');
const now = Math.floor(Date.now() / 1000);
const claims = { iss: 'https://auth.example.com/', sub: 'user-8c1d2e3f-4a5b-6c7d-8e9f-0a1b2c3d4e5f', aud: ['https://api.example.com', 'https://app.example.com'], iat: now, nbf: now, exp: now + 3600, jti: '6f1b1c2e-3d4a-5b6c-7d8e-9f0a1b2c3d4e', scope: 'openid profile email read:messages write:messages', azp: 'spa-client-1234567890', sid: 'session-0f1e2d3c4b5a69788796a5b4c3d2e1f0', email: 'someone@example.com', email_verified: true, roles: ['reader', 'writer'], org: { id: 'org-42', name: 'Example Org' } };
// Keys from random seeds (PKCS#8 DER), not generateKeyPairSync: on Node 20 a
// JWK export can deadlock when a garbage collection inside it finalises a
// key-generation job (gdb: ExportJWKEdKey holds the key's mutex while it
// allocates; ~KeyGenJob, run by the collection, waits on that mutex). This
// script hung that way, with no CPU, about one run in four.
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');
const mk = () => {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, randomBytes(32)]), format: 'der', type: 'pkcs8' });
  const si = `${b64u(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'bench' }))}.${b64u(JSON.stringify(claims))}`;
  return { jwk: createPublicKey(privateKey).export({ format: 'jwk' }), token: `${si}.${b64u(sign(null, Buffer.from(si), privateKey))}` };
};
const main = mk();
const freshSets = Array.from({ length: 14 }, () => Array.from({ length: 1000 }, mk));
let freshUsed = 0;
const options = { issuer: claims.iss, audience: 'https://api.example.com' };
const ctx = {};
for (const [name, lib] of Object.entries(builds)) {
  ctx[name] = { key: await lib.importJWK(main.jwk, 'EdDSA'), cached: await lib.importJWK(main.jwk, 'EdDSA', { cache: { size: 100 } }) };
  for (let i = 0; i < 3000; i++) lib.jwtVerifySync(main.token, ctx[name].key, options);
}
const rows = {
  'jwtVerifySync, warm key': (lib, c) => { const t = performance.now(); for (let i = 0; i < 3000; i++) lib.jwtVerifySync(main.token, c.key, options); return (performance.now() - t) / 3000; },
  'jwtVerifySync, warm signature cache': (lib, c) => { const t = performance.now(); for (let i = 0; i < 20000; i++) lib.jwtVerifySync(main.token, c.cached, options); return (performance.now() - t) / 20000; },
  decodeJwt: (lib) => { const t = performance.now(); for (let i = 0; i < 30000; i++) lib.decodeJwt(main.token); return (performance.now() - t) / 30000; },
  'one-shot (importJWK + jwtVerify, new key)': async (lib) => { const fresh = freshSets[freshUsed++]; const t = performance.now(); for (const f of fresh) await lib.jwtVerify(f.token, await lib.importJWK(f.jwk, 'EdDSA'), options); return (performance.now() - t) / fresh.length; },
};
const res = {};
for (let round = 0; round < 7; round++) {
  for (const [row, fn] of Object.entries(rows)) {
    for (const name of round % 2 ? ['after', 'before'] : ['before', 'after']) {
      ((res[row] ??= { before: [], after: [] })[name]).push(await fn(builds[name], ctx[name]));
    }
  }
}
const med = (a) => [...a].sort((x, y) => x - y)[a.length >> 1];
console.log('| row | before | after | after vs before |\n| --- | ---: | ---: | ---: |');
for (const [row, r] of Object.entries(res)) {
  const b = med(r.before) * 1000, a = med(r.after) * 1000;
  console.log(`| ${row} | ${b.toFixed(1)} µs | ${a.toFixed(1)} µs | ${(b / a).toFixed(2)}× |`);
}
