// The "keys" tables of `npm run bench` (Node): what one verification costs
// with a warm key (its table built), with a key used for the first time, when
// a key's second use builds its table, and one-shot (import + one jwtVerify),
// each beside jose and node:crypto; and the wasm memory one key table takes.
import { spawnSync } from 'node:child_process';
import { createPublicKey, generateKeyPairSync, sign, verify as nodeVerify } from 'node:crypto';
import * as jose from 'jose';
import * as edjwt from 'edjwt';
import { cycle, keyRows } from './key-rows.js';
import { compare, syncBatch } from './measure.js';

// More keys than the core remembers as candidates (64), so cycling through
// them never gives one a table: each use is a first use.
const KEY_COUNT = 300;

const b64u = (value) => Buffer.from(value).toString('base64url');

function signedBy(privateKey, claims) {
  const input = `${b64u(JSON.stringify({ alg: 'EdDSA', typ: 'JWT', kid: 'bench' }))}.${b64u(JSON.stringify(claims))}`;
  return `${input}.${b64u(sign(null, Buffer.from(input), privateKey))}`;
}

function nodeVerifyJwt(token, keyObject) {
  const [h, p, s] = token.split('.');
  if (!nodeVerify(null, Buffer.from(`${h}.${p}`), keyObject, Buffer.from(s, 'base64url'))) throw new Error('bad signature');
  JSON.parse(Buffer.from(h, 'base64url').toString());
  return JSON.parse(Buffer.from(p, 'base64url').toString());
}

/** The keys table's results and markdown; `claims` and `options` are the main bench's. */
export async function keyTable(claims, options) {
  const keys = [];
  for (let i = 0; i < KEY_COUNT; i++) {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const jwk = publicKey.export({ format: 'jwk' });
    keys.push({
      jwk, token: signedBy(privateKey, claims), keyObject: publicKey,
      edjwt: await edjwt.importJWK(jwk, 'EdDSA'), jose: await jose.importJWK(jwk, 'EdDSA'),
    });
  }
  const warm = keys[0];
  const others = keys.slice(1);
  const [firstNode, pairEd, oneShotNode] = Array.from({ length: 3 }, () => cycle(others));
  const rows = [
    ['edjwt jwtVerifySync, warm key (table built)', syncBatch(() => edjwt.jwtVerifySync(warm.token, warm.edjwt, options))],
    ['edjwt jwtVerifySync, a key\'s first two uses (the second builds its table), per pair', syncBatch(() => {
      const k = pairEd();
      edjwt.jwtVerifySync(k.token, k.edjwt, options);
      edjwt.jwtVerifySync(k.token, k.edjwt, options);
    })],
    ['node:crypto verify + parse, KeyObject', syncBatch(() => { const k = firstNode(); nodeVerifyJwt(k.token, k.keyObject); })],
    ...keyRows({ edjwt, jose, keys: others, options }),
    ['node:crypto one-shot: createPublicKey + verify + parse', syncBatch(() => {
      const k = oneShotNode();
      nodeVerifyJwt(k.token, createPublicKey({ key: k.jwk, format: 'jwk' }));
    })],
  ];
  const results = await compare(rows);
  const median = (name) => results.find((r) => r.name === name).median;
  const lines = ['### Keys: warm, first use, one-shot (Node)', '',
    '| what | ops/s median | min | max | vs jose (same kind) | vs node:crypto (same kind) |', '| --- | ---: | ---: | ---: | ---: | ---: |'];
  for (const r of results) {
    const oneShot = r.name.includes('one-shot');
    const jose = median(oneShot ? 'jose one-shot: importJWK + jwtVerify' : 'jose jwtVerify, first use of a key');
    const node = median(oneShot ? 'node:crypto one-shot: createPublicKey + verify + parse' : 'node:crypto verify + parse, KeyObject');
    lines.push(`| ${r.name} | ${Math.round(r.median)} | ${Math.round(r.min)} | ${Math.round(r.max)} | ${(r.median / jose).toFixed(2)}× | ${(r.median / node).toFixed(2)}× |`);
  }
  const bytes = tableMemory();
  lines.push('', `Wasm memory per key table: ${(bytes / 1024).toFixed(1)} KiB (growth over 64 tables; the layout is 97,920 bytes).`);
  return { results: { rows: results, tableMemoryBytes: bytes }, markdown: lines.join('\n') };
}

// Run in a fresh process: the wasm memory's growth while 64 keys get tables,
// read from the module's own WebAssembly.Memory (captured as it is created).
const MEMORY_PROBE = `
  const { generateKeyPairSync, sign } = await import('node:crypto');
  let memory;
  const Instance = WebAssembly.Instance;
  WebAssembly.Instance = function (module, imports) {
    const instance = new Instance(module, imports);
    memory = Object.values(instance.exports).find((e) => e instanceof WebAssembly.Memory);
    return instance;
  };
  const edjwt = await import('edjwt');
  edjwt.setLimits({ maxKeyTables: 256 });
  const use = () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519');
    const key = new Uint8Array(Buffer.from(publicKey.export({ format: 'jwk' }).x, 'base64url'));
    const message = new Uint8Array(64);
    const signature = new Uint8Array(sign(null, message, privateKey));
    edjwt.ed25519Verify(key, message, signature);
    edjwt.ed25519Verify(key, message, signature);
  };
  use();  // B's table and the first key's
  const before = memory.buffer.byteLength;
  for (let i = 0; i < 64; i++) use();
  console.log((memory.buffer.byteLength - before) / 64);
`;

function tableMemory() {
  const child = spawnSync(process.execPath, ['--input-type=module', '-e', MEMORY_PROBE], { encoding: 'utf8' });
  if (child.status !== 0) throw new Error(`table memory probe: ${child.stderr}`);
  return Number(child.stdout);
}
