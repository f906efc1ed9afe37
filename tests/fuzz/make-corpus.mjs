// Writes the seed corpus in tests/fuzz/corpus/<target>/: real tokens signed
// with node:crypto under the RFC 8037 A.2 key (the key fuzz_verify holds), the
// RFC 8037 example JWS, malformed variants, JSON edge cases, and keys as JWK
// x, raw bytes and SPKI PEM. Ed25519 is deterministic, so running it again
// rewrites the same bytes. Usage: node tests/fuzz/make-corpus.mjs
import { createPrivateKey, createPublicKey, sign } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';

const root = new URL('./corpus/', import.meta.url);
const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const rfcJwk = { kty: 'OKP', crv: 'Ed25519', d: 'nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A', x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo' };
const privateKey = createPrivateKey({ key: rfcJwk, format: 'jwk' });
const publicKey = createPublicKey(privateKey);
const rfcExample =
  'eyJhbGciOiJFZERTQSJ9.RXhhbXBsZSBvZiBFZDI1NTE5IHNpZ25pbmc.hgyY0il_MGCjP0JzlnLWG1PPOt7-09PGcvMg3AIbQR6dWbhijcNR4ki4iylGjg5BhVsPt9g7sVvpAr_MuM0KAg';

function signSegments(header, payload) {
  const input = `${header}.${payload}`;
  return `${input}.${b64u(sign(null, Buffer.from(input), privateKey))}`;
}
const signJson = (header, payload) => signSegments(b64u(header), b64u(payload));

const NOW = 1700000000;
const claims = JSON.stringify({
  iss: 'https://issuer.example', sub: 'user-1', aud: ['api', 'https://api.example.com'],
  iat: NOW - 600, nbf: NOW - 600, exp: NOW + 3000, jti: 'c0ffee', scope: 'read write', org: { id: 'org-42', roles: ['a', 'b'] },
});
const eddsa = '{"alg":"EdDSA","typ":"JWT"}';
const valid = signJson(eddsa, claims);
const [h, p, s] = valid.split('.');
const tokens = {
  'valid-jwt': valid,
  'valid-ed25519-alg': signJson('{"alg":"Ed25519","typ":"JWT","kid":"k1"}', claims),
  'expired-jwt': signJson(eddsa, JSON.stringify({ sub: 'user-1', iat: NOW - 7200, exp: NOW - 3600 })),
  'claims-wrong-types': signJson(eddsa, '{"exp":"soon","nbf":true,"aud":[1,"api"],"iss":null}'),
  'claims-not-object': signJson(eddsa, '[1,2,3]'),
  'crit-b64-false': signSegments(b64u('{"alg":"EdDSA","crit":["b64"],"b64":false}'), 'raw payload'),
  'crit-unknown': signJson('{"alg":"EdDSA","crit":["http://example.com/ext"],"http://example.com/ext":1}', claims),
  'alg-none': `${b64u('{"alg":"none"}')}.${p}.`,
  'alg-hs256': `${b64u('{"alg":"HS256"}')}.${p}.${s}`,
  'bad-signature': `${h}.${p}.${s.slice(0, -2)}AA`,
  'rfc8037-example': rfcExample,
};

// fuzz_verify's option bytes (see fuzz_verify.cpp): flags, algorithms mask,
// key_ops/alg, depth, length limit, now, clock tolerance, maxTokenAge.
function options({ flags0 = 0b10, flags1 = 0, algs = 0b11, b3 = 0, depth = 31, maxLength = 0, now = NOW, tolerance = 30, ageMinutes = 0 } = {}) {
  const bytes = Buffer.alloc(12);
  bytes.writeUInt8(flags0, 0);
  bytes.writeUInt8(flags1, 1);
  bytes.writeUInt8(algs, 2);
  bytes.writeUInt8(b3, 3);
  bytes.writeUInt8(depth, 4);
  bytes.writeUInt8(maxLength, 5);
  bytes.writeUInt32LE(now, 6);
  bytes.writeUInt8(tolerance, 10);
  bytes.writeUInt8(ageMinutes, 11);
  return bytes;
}

const allClaimChecks = { flags0: 0b1100011, flags1: 0b1111111, ageMinutes: 30 };
const verify = {
  'valid-defaults': [options(), tokens['valid-jwt']],
  'valid-all-checks': [options(allClaimChecks), tokens['valid-jwt']],
  'valid-jwk-form-sig-use': [options({ flags0: 0b10010, flags1: 0b100000, b3: 1 }), tokens['valid-ed25519-alg']],
  'valid-header-stage': [options({ flags0: 0b1010 }), tokens['valid-jwt']],
  'expired': [options(), tokens['expired-jwt']],
  'expired-cached': [options({ flags0: 0b110 }), tokens['expired-jwt']],
  'claims-wrong-types-cached': [options({ flags0: 0b110, flags1: 0b1000 }), tokens['claims-wrong-types']],
  'claims-not-object-cached': [options({ flags0: 0b110 }), tokens['claims-not-object']],
  'crit-b64-false-jws': [options({ flags0: 0 }), tokens['crit-b64-false']],
  'crit-unknown-recognised': [options({ flags0: 0b10000010 }), tokens['crit-unknown']],
  'alg-none': [options({ algs: 0xff }), tokens['alg-none']],
  'alg-hs256-jwk': [options({ flags0: 0b10010, algs: 0xff }), tokens['alg-hs256']],
  'bad-signature': [options(), tokens['bad-signature']],
  'rfc8037-example-jws': [options({ flags0: 0 }), tokens['rfc8037-example']],
  'length-limit': [options({ maxLength: 4 }), tokens['valid-jwt']],
  'depth-limit': [options({ depth: 1, flags0: 0b110 }), tokens['valid-jwt']],
};

const deep = (n) => '{"a":'.repeat(n) + '1' + '}'.repeat(n);
const json = {
  'claims': claims,
  'header': '{"alg":"EdDSA","crit":["b64"],"b64":false,"kid":"k"}',
  'duplicate-members': '{"exp":1,"exp":"x","aud":"a","aud":["b","c"]}',
  'escapes': '{"s":"\\u00e9\\ud83d\\ude00\\n\\"\\\\","t":"é😀"}',
  'lone-surrogate': '{"s":"\\ud800"}',
  'number-overflow': '{"exp":1e400}',
  'numbers': '{"a":-0,"b":1.5e-300,"c":18446744073709551616,"d":-9223372036854775809}',
  'bom': '\uFEFF{"a":1}',
  'depth-32': deep(32),
  'depth-33': deep(33),
  'not-object': '[{"a":1}]',
  'trailing': '{"a":1} x',
};
const invalidUtf8 = Buffer.concat([Buffer.from('{"s":"'), Buffer.from([0xc3, 0x28, 0xed, 0xa0, 0x80]), Buffer.from('"}')]);

const decode = {
  ...tokens,
  'jwe-five-segments': `${b64u('{"alg":"RSA-OAEP","enc":"A256GCM"}')}.a.b.c.d`,
  'two-segments': `${h}.${p}`,
  'padded-payload': `${h}.${p}==.${s}`,
  'whitespace-payload': `${h}.${p.slice(0, 8)} ${p.slice(8)}.${s}`,
  'leading-space': ` ${valid}`,
  'trailing-newline': `${valid}\n`,
  'non-canonical-bits': `${h}.${b64u('{"a":1}').slice(0, -1)}z.${s}`,
  'bom-payload': `${h}.${b64u(json.bom)}.${s}`,
  'number-overflow-payload': `${h}.${b64u(json['number-overflow'])}.${s}`,
  'deep-payload': `${h}.${b64u(json['depth-33'])}.${s}`,
  'invalid-utf8-payload': `${h}.${b64u(invalidUtf8)}.${s}`,
};

const spki = (key) => key.export({ type: 'spki', format: 'pem' });
// RFC 7748 §6.1's X25519 public key: the wrong OID for an Ed25519 import.
const x25519 = createPublicKey({
  key: Buffer.from('302a300506032b656e0321008520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a', 'hex'),
  format: 'der', type: 'spki',
});
const identity = Buffer.alloc(32);
identity[0] = 1;
const nonCanonical = Buffer.alloc(32, 0xff);
nonCanonical[0] = 0xee;
nonCanonical[31] = 0x7f;
const rfcRaw = Buffer.from(rfcJwk.x, 'base64url');
const pem = spki(publicKey);
const keyInputs = {
  'rfc8037-x': rfcJwk.x,
  'rfc8037-raw': rfcRaw,
  'rfc8037-pem': pem,
  'rfc8037-pem-crlf': pem.replaceAll('\n', '\r\n'),
  'x-padded': `${rfcJwk.x}=`,
  'identity-x': b64u(identity),
  'identity-raw': identity,
  'non-canonical-raw': nonCanonical,
  'x25519-pem': spki(x25519),
  'pem-extra-byte': `-----BEGIN PUBLIC KEY-----\n${Buffer.concat([publicKey.export({ type: 'spki', format: 'der' }), Buffer.from([0])]).toString('base64')}\n-----END PUBLIC KEY-----\n`,
};

const base64url = {
  'empty': '',
  'one-byte': 'QQ',
  'two-bytes': 'QUI',
  'three-bytes': 'QUJD',
  'non-canonical': 'QR',
  'padded': 'QQ==',
  'standard-alphabet': 'a+b/',
  'header-segment': h,
  'signature-segment': s,
  'pem-body': pem.split('\n').slice(1, -2).join('\n'),
};

const targets = { verify, decode, json_object: { ...json, 'invalid-utf8': invalidUtf8 }, keys: keyInputs, base64url };
// Only the folders written here are replaced: other targets keep their seeds
// (ed25519_tables' and any crash inputs are added by hand).
for (const [target, files] of Object.entries(targets)) {
  const dir = new URL(`${target}/`, root);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    const bytes = Array.isArray(content) ? Buffer.concat(content.map((part) => Buffer.from(part))) : Buffer.from(content);
    writeFileSync(new URL(name, dir), bytes);
  }
  console.log(`${target}: ${Object.keys(files).length} files`);
}
