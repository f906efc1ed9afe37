// The workload of tests/js/leaks.test.js, run in a child process started with
// --expose-gc: decodes, verifications (valid and failing, with and without the
// verified-signature cache) and key imports through the public API. Each phase
// is warmed up, then measured from a collected baseline to a collected end;
// the result is printed as one line of JSON.
import { decodeJwt, importJWK, importSPKI, jwtVerifySync } from 'edjwt';
import { wasmHeapTop, wasmMemoryBytes } from '../../../js/internal/wasm-memory.js';
import { ed25519KeyPair, makeSigner } from './signing.js';

const now = Math.floor(Date.now() / 1000);
const signer = makeSigner();
const options = { issuer: 'https://issuer.example', audience: 'api' };
const claims = (i) => ({ iss: options.issuer, aud: ['api', 'web'], sub: `user-${i}`, iat: now, exp: now + 3600, scope: 'read write' });
const tokens = (count, make) => Array.from({ length: count }, (_, i) => make(i));

const validTokens = tokens(1250, (i) => signer.sign({ alg: 'EdDSA', typ: 'JWT' }, claims(i)));
const expiredTokens = tokens(1250, (i) => signer.sign({ alg: 'EdDSA' }, { ...claims(i), iat: now - 7200, exp: now - 3600 }));
const badSignatures = validTokens.slice(0, 64).map((token) => token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA'));
const malformed = ['a.b', 'x.eyJhIjox.y', `${validTokens[0].split('.')[0]}.e30=.sig`, '...'];

// A small deterministic generator, so every run does the same work.
let seed = 7;
const pick = (list) => list[(seed = (seed * 1103515245 + 12345) >>> 0) % list.length];

function expectThrow(fn) {
  try {
    fn();
  } catch {
    return;
  }
  throw new Error('expected a failure');
}

function snapshot() {
  for (let i = 0; i < 3; i++) globalThis.gc();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  return { wasmMemory: wasmMemoryBytes(), wasmHeapTop: wasmHeapTop(), heapUsed, external, arrayBuffers };
}

async function phase(name, count, step) {
  const warmup = Math.ceil(count / 10);
  for (let i = 0; i < warmup; i++) await step(i);
  const before = snapshot();
  const start = performance.now();
  for (let i = 0; i < count; i++) await step(i);
  const seconds = (performance.now() - start) / 1000;
  const after = snapshot();
  const growth = Object.fromEntries(Object.keys(before).map((key) => [key, after[key] - before[key]]));
  return { name, count, seconds, before, growth };
}

const plainKey = await importJWK(signer.jwk, 'EdDSA');
const cachedKey = await importJWK(signer.jwk, 'EdDSA', { cache: { size: 1000 } });
const publicKeys = tokens(500, () => ed25519KeyPair().publicKey);
const jwks = publicKeys.map((key) => key.export({ format: 'jwk' }));
const pems = publicKeys.map((key) => key.export({ type: 'spki', format: 'pem' }));
const badJwks = [{ ...jwks[0], x: `${jwks[0].x}=` }, { ...jwks[0], x: 'AQ' + 'A'.repeat(41) }];

const verifyCount = 25_000;
const results = [
  await phase('decode', 1_000_000, (i) => {
    if (i % 10 === 9) expectThrow(() => decodeJwt(pick(malformed)));
    else decodeJwt(pick(validTokens));
  }),
  await phase('verify, valid, no cache', verifyCount, () => jwtVerifySync(pick(validTokens), plainKey, options)),
  await phase('verify, failing, no cache', verifyCount, (i) =>
    expectThrow(() => jwtVerifySync(pick(i % 2 ? badSignatures : expiredTokens), plainKey, options))),
  await phase('verify, valid, cache of 1000', verifyCount, () => jwtVerifySync(pick(validTokens), cachedKey, options)),
  await phase('verify, failing, cache of 1000', verifyCount, (i) =>
    expectThrow(() => jwtVerifySync(pick(i % 2 ? badSignatures : expiredTokens), cachedKey, options))),
  await phase('key imports', 10_000, async (i) => {
    if (i % 10 === 9) {
      await importJWK(pick(badJwks), 'EdDSA').then(() => { throw new Error('expected JWKInvalid'); }, () => {});
    } else if (i % 3 === 0) {
      await importSPKI(pick(pems), 'EdDSA');
    } else {
      await importJWK(pick(jwks), 'EdDSA', i % 2 ? { cache: { size: 10 } } : undefined);
    }
  }),
];
process.stdout.write(`${JSON.stringify(results)}\n`);
