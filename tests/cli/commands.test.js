// The edjwt command run in-process (main() with stand-in streams and a fixed
// clock): each key source and claim option of verify, the outcomes of decode
// and exp, and which mistakes are usage errors (2) and which are invalid tokens (1).
import assert from 'node:assert/strict';
import { createHmac, generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { main } from '../../js/cli/main.js';
import { makeSigner } from '../js/support/signing.js';

const NOW_MS = Date.UTC(2030, 0, 1, 12, 0, 0);
const now = NOW_MS / 1000;
const signer = makeSigner();
const header = { alg: 'EdDSA', typ: 'JWT', kid: 'k1' };
const claims = { sub: 'alice', iss: 'https://issuer.example', aud: 'api', iat: now - 60, exp: now + 252 };
const valid = signer.sign(header, claims);
const expiredTenSecondsAgo = signer.sign(header, { ...claims, exp: now - 10 });
const expiredTwentySecondsAgo = signer.sign(header, { ...claims, exp: now - 20 });

let dir;
let jwksServer;
let jwksUrl;
let badJwksServer;
let badJwksUrl;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'edjwt-cli-'));
  writeFileSync(join(dir, 'key.jwk'), JSON.stringify(signer.jwk));
  writeFileSync(join(dir, 'not-json.jwk'), 'kty=OKP');
  writeFileSync(join(dir, 'short.jwk'), JSON.stringify({ ...signer.jwk, x: 'AAAA' }));
  jwksServer = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: [{ ...signer.jwk, kid: 'k1' }] }));
  });
  await new Promise((resolve) => jwksServer.listen(0, '127.0.0.1', resolve));
  jwksUrl = `http://127.0.0.1:${jwksServer.address().port}/jwks.json`;
  badJwksServer = createServer((request, response) => {
    if (request.url === '/500') response.writeHead(500).end('down');
    else if (request.url === '/not-json') response.writeHead(200, { 'content-type': 'application/json' }).end('<html>');
    else response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ keys: 'none' }));
  });
  await new Promise((resolve) => badJwksServer.listen(0, '127.0.0.1', resolve));
  badJwksUrl = `http://127.0.0.1:${badJwksServer.address().port}`;
});

after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await new Promise((resolve) => jwksServer.close(resolve));
  await new Promise((resolve) => badJwksServer.close(resolve));
});

function sink(isTTY = false) {
  return { isTTY, text: '', write(chunk) { this.text += chunk; } };
}

/** `{ status, stdout, stderr }` of `edjwt ...args` at NOW_MS. */
async function edjwt(args, { stdin = '', tty = false, env = {} } = {}) {
  const stdout = sink(tty);
  const stderr = sink(tty);
  const status = await main(args, { stdin: Readable.from([stdin]), stdout, stderr, env, now: () => NOW_MS });
  return { status, stdout: stdout.text, stderr: stderr.text };
}

const jwkFile = () => join(dir, 'key.jwk');

describe('verify', () => {
  test('with --jwks URL, the set is fetched and the key chosen by kid', async () => {
    const { status, stdout } = await edjwt(['verify', valid, '--jwks', jwksUrl]);
    assert.equal(status, 0);
    assert.equal(stdout.split('\n')[0], `valid: EdDSA signature verified with the JWK Set at ${jwksUrl} (kid "k1"); expires in 4m 12s`);
  });

  test('--iss, --aud, --typ and --alg are checked as jwtVerify checks issuer, audience, typ and algorithms', async () => {
    const ok = await edjwt(['verify', valid, '--jwk', jwkFile(), '--iss', 'https://other.example', '--iss', 'https://issuer.example',
      '--aud', 'api', '--typ', 'JWT', '--alg', 'EdDSA']);
    assert.equal(ok.status, 0, ok.stderr);
    const cases = [
      [['--iss', 'https://other.example'], 'invalid: unexpected "iss" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)'],
      [['--aud', 'web'], 'invalid: unexpected "aud" claim value (ERR_JWT_CLAIM_VALIDATION_FAILED)'],
      [['--typ', 'at+jwt'], 'invalid: unexpected "typ" JWT header value (ERR_JWT_CLAIM_VALIDATION_FAILED)'],
      [['--alg', 'Ed25519'], 'invalid: "alg" (Algorithm) Header Parameter value not allowed (ERR_JOSE_ALG_NOT_ALLOWED)'],
    ];
    for (const [options, message] of cases) {
      const { status, stderr } = await edjwt(['verify', valid, '--jwk', jwkFile(), ...options]);
      assert.deepEqual([status, stderr], [1, `${message}\n`], options.join(' '));
    }
  });

  test('--clock-tolerance takes seconds or a span, and lets a token just past exp through', async () => {
    assert.equal((await edjwt(['verify', expiredTenSecondsAgo, '--jwk', jwkFile()])).status, 1);
    assert.equal((await edjwt(['verify', expiredTenSecondsAgo, '--jwk', jwkFile(), '--clock-tolerance', '30'])).status, 0);
    assert.equal((await edjwt(['verify', expiredTenSecondsAgo, '--jwk', jwkFile(), '--clock-tolerance', '1 minute'])).status, 0);
    assert.equal((await edjwt(['verify', expiredTenSecondsAgo, '--jwk', jwkFile(), '--clock-tolerance', '5s'])).status, 1);
  });

  test('a key that cannot be obtained is status 3 (retry later), never 1: unreachable, HTTP error, not JSON, not a set', async () => {
    const closed = createServer();
    await new Promise((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const closedPort = closed.address().port;
    await new Promise((resolve) => closed.close(resolve));
    const cases = [
      [`http://127.0.0.1:${closedPort}/jwks.json`, /fetch failed: .*ECONNREFUSED/],
      [`${badJwksUrl}/500`, /Expected 200 OK .*\(ERR_JOSE_GENERIC\)/],
      [`${badJwksUrl}/not-json`, /Failed to parse the JSON Web Key Set HTTP response as JSON \(ERR_JOSE_GENERIC\)/],
      [`${badJwksUrl}/not-a-set`, /JSON Web Key Set malformed \(ERR_JWKS_INVALID\)/],
    ];
    for (const [url, reason] of cases) {
      const { status, stdout, stderr } = await edjwt(['verify', valid, '--jwks', url]);
      assert.equal(status, 3, url);
      assert.equal(stdout, '');
      assert.ok(stderr.startsWith(`edjwt verify: cannot obtain the JWK Set at ${url}: `), stderr);
      assert.match(stderr, reason);
      assert.ok(!stderr.includes(valid));
    }
  });

  test('a set that was fetched but holds no key for the token is a rejection (1), not status 3', async () => {
    const otherKid = signer.sign({ ...header, kid: 'k2' }, claims);
    const { status, stderr } = await edjwt(['verify', otherKid, '--jwks', jwksUrl]);
    assert.equal(status, 1);
    assert.match(stderr, /\(ERR_JWKS_NO_MATCHING_KEY\)/);
  });

  test('a token accepted only through --clock-tolerance says it expired and was within the tolerance', async () => {
    const { status, stdout } = await edjwt(['verify', expiredTwentySecondsAgo, '--jwk', jwkFile(), '--clock-tolerance', '1m']);
    assert.equal(status, 0);
    assert.equal(stdout.split('\n')[0], `valid (expired 20s ago, within the 1m tolerance): EdDSA signature verified with the JWK in ${jwkFile()} (kid "k1")`);
    const unexpired = (await edjwt(['verify', valid, '--jwk', jwkFile(), '--clock-tolerance', '1m'])).stdout.split('\n')[0];
    assert.equal(unexpired, `valid: EdDSA signature verified with the JWK in ${jwkFile()} (kid "k1"); expires in 4m 12s`);
  });

  test('--jwk refuses a JWK whose use, key_ops or alg forbid verifying, as importJWK does (2)', async () => {
    for (const [extra, member] of [[{ use: 'enc' }, 'use'], [{ key_ops: ['sign'] }, 'key_ops'], [{ alg: 'Ed25519', key_ops: ['verify'] }, 'alg']]) {
      const path = join(dir, `usage-${member}.jwk`);
      writeFileSync(path, JSON.stringify({ ...signer.jwk, ...extra }));
      const file = join(dir, `usage-${member}.jwks`);
      writeFileSync(file, JSON.stringify({ keys: [{ ...signer.jwk, ...extra, kid: 'k1' }] }));
      const single = await edjwt(['verify', valid, '--jwk', path]);
      if (member === 'alg') {
        // A JWK whose own alg is Ed25519 imports for Ed25519, and cannot verify this EdDSA token.
        assert.equal(single.status, 0, single.stderr);
      } else {
        assert.equal(single.status, 2, member);
        assert.match(single.stderr, new RegExp(`cannot be used: the JWK's "${member}" .*\\(ERR_JWK_INVALID\\)`));
      }
      const set = await edjwt(['verify', valid, '--jwk', file]);
      assert.equal(set.status, 1, member);
      assert.match(set.stderr, /\(ERR_JWKS_NO_MATCHING_KEY\)/);
    }
  });

  test('key problems are usage errors (2): none, two, unreadable, not JSON, not a usable key, not a URL', async () => {
    const cases = [
      [[], 'a key is required: --jwk FILE, --jwks URL, --pem FILE or --secret-file FILE'],
      [['--jwk', jwkFile(), '--pem', jwkFile()], 'give one key, not --jwk and --pem'],
      [['--pem', join(dir, 'missing.pem')], `cannot read the --pem file "${join(dir, 'missing.pem')}" (ENOENT)`],
      [['--jwk', join(dir, 'not-json.jwk')], `the --jwk file "${join(dir, 'not-json.jwk')}" is not JSON`],
      [['--jwk', join(dir, 'short.jwk')], `the key in --jwk ${join(dir, 'short.jwk')} cannot be used: `],
      [['--pem', jwkFile()], `the key in --pem ${jwkFile()} cannot be used: "spki" must be SPKI formatted string`],
      [['--jwks', 'jwks.json'], '--jwks takes an http or https URL, not "jwks.json"'],
      [['--jwks', 'file:///etc/jwks.json'], '--jwks takes an http or https URL'],
      [['--jwk', jwkFile(), '--clock-tolerance', 'soon'], '--clock-tolerance takes seconds or a span such as "30s", not "soon"'],
    ];
    for (const [options, message] of cases) {
      const { status, stdout, stderr } = await edjwt(['verify', valid, ...options]);
      assert.equal(status, 2, options.join(' '));
      assert.equal(stdout, '');
      assert.ok(stderr.startsWith(`edjwt verify: ${message}`), stderr);
      assert.ok(stderr.endsWith('Run "edjwt verify --help" for usage.\n'), stderr);
    }
  });
});

describe('verify with RSA, EC and HMAC keys', () => {
  const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
  const rsa = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-384' });
  const secret = Buffer.from('an HMAC secret of at least 32 bytes, no newline');
  const signed = (alg, sign) => {
    const input = `${b64u(JSON.stringify({ alg, kid: 'k2' }))}.${b64u(JSON.stringify(claims))}`;
    return `${input}.${b64u(sign(Buffer.from(input)))}`;
  };
  const rs256 = signed('RS256', (data) => cryptoSign('sha256', data, rsa.privateKey));
  const es384 = signed('ES384', (data) => cryptoSign('sha384', data, { key: ec.privateKey, dsaEncoding: 'ieee-p1363' }));
  const hs256 = signed('HS256', (data) => createHmac('sha256', secret).update(data).digest());
  const file = (name, content) => {
    writeFileSync(join(dir, name), content);
    return join(dir, name);
  };

  test('--jwk, --pem and a JWK Set verify RS256 and ES384; the key decides the family', async () => {
    const rsaJwk = file('rsa.jwk', JSON.stringify(rsa.publicKey.export({ format: 'jwk' })));
    const ecPem = file('ec.pem', ec.publicKey.export({ type: 'spki', format: 'pem' }));
    const set = file('mixed.jwks', JSON.stringify({ keys: [{ ...signer.jwk, kid: 'k1' }, { ...rsa.publicKey.export({ format: 'jwk' }), kid: 'k2' }] }));
    for (const [token, options, alg] of [[rs256, ['--jwk', rsaJwk], 'RS256'], [es384, ['--pem', ecPem], 'ES384'], [rs256, ['--jwk', set], 'RS256'], [valid, ['--jwk', set], 'EdDSA']]) {
      const { status, stdout } = await edjwt(['verify', token, ...options]);
      assert.equal(status, 0, `${alg} with ${options.join(' ')}`);
      assert.match(stdout.split('\n')[0], new RegExp(`^valid: ${alg} signature verified with `));
    }
    const confused = signed('HS256', (data) => createHmac('sha256', rsa.publicKey.export({ type: 'spki', format: 'pem' })).update(data).digest());
    const { status, stdout } = await edjwt(['verify', confused, '--jwk', rsaJwk, '--json']);
    assert.equal(status, 1);
    assert.equal(JSON.parse(stdout).valid, false);
  });

  test('--secret-file verifies HS256 with the file\'s exact bytes', async () => {
    assert.equal((await edjwt(['verify', hs256, '--secret-file', file('secret', secret)])).status, 0);
    const withNewline = await edjwt(['verify', hs256, '--secret-file', file('secret-nl', Buffer.concat([secret, Buffer.from('\n')])), '--json']);
    assert.equal(withNewline.status, 1);
    assert.equal(JSON.parse(withNewline.stdout).error.code, 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    const empty = await edjwt(['verify', hs256, '--secret-file', file('empty', '')]);
    assert.equal(empty.status, 2);
    assert.match(empty.stderr, /is empty/);
  });
});

describe('decode', () => {
  test('prints the header, the claims and their times relative to now', async () => {
    const { status, stdout } = await edjwt(['decode', valid]);
    assert.equal(status, 0);
    assert.equal(stdout, [
      'Header (not verified)', JSON.stringify(header, null, 2),
      'Claims (not verified)', JSON.stringify(claims, null, 2),
      'Times',
      '  exp  2030-01-01T12:04:12.000Z  expires in 4m 12s',
      '  iat  2030-01-01T11:59:00.000Z  issued 1m ago',
      '',
    ].join('\n'));
  });

  test('colours the headings and times on a terminal only, and not with NO_COLOR', async () => {
    assert.match((await edjwt(['decode', valid], { tty: true })).stdout, /\x1b\[1mHeader\x1b\[22m[\s\S]*\x1b\[32mexpires in 4m 12s\x1b\[39m/);
    assert.doesNotMatch((await edjwt(['decode', valid], { tty: true, env: { NO_COLOR: '1' } })).stdout, /\x1b\[/);
  });

  test('--json prints {protectedHeader, payload}', async () => {
    assert.deepEqual(JSON.parse((await edjwt(['decode', '--json', valid])).stdout), { protectedHeader: header, payload: claims });
  });

  test('a malformed token is invalid (1) with ERR_JWT_INVALID, and is not printed back', async () => {
    const garbage = 'not-a-jwt.at-all';
    const { status, stderr } = await edjwt(['decode', garbage]);
    assert.equal(status, 1);
    assert.match(stderr, /^invalid: .*\(ERR_JWT_INVALID\)\n$/);
    assert.ok(!stderr.includes(garbage));
  });
});

describe('exp', () => {
  test('states the time left, and accepts a token just past exp within --clock-tolerance', async () => {
    assert.deepEqual(await edjwt(['exp', valid]), { status: 0, stdout: 'expires in 4m 12s (2030-01-01T12:04:12.000Z)\n', stderr: '' });
    assert.deepEqual(await edjwt(['exp', expiredTenSecondsAgo, '--clock-tolerance', '30s']), {
      status: 0, stdout: 'expired 10s ago (2030-01-01T11:59:50.000Z), accepted within the clock tolerance\n', stderr: '',
    });
  });

  test('a token without exp never expires; one whose nbf is ahead says so', async () => {
    const noExp = signer.sign(header, { sub: 'alice', nbf: now + 30 });
    assert.deepEqual(await edjwt(['exp', noExp]), { status: 0, stdout: 'never expires (no exp claim)\nnot valid for another 30s\n', stderr: '' });
  });

  test('reads the token from stdin with "-", trimming the newline', async () => {
    const { status, stdout } = await edjwt(['exp', '-', '--json'], { stdin: `${expiredTenSecondsAgo}\n` });
    assert.equal(status, 1);
    assert.deepEqual(JSON.parse(stdout), { expiresAt: '2030-01-01T11:59:50.000Z', expiresInMs: -10_000, expired: true, notYetValid: false, state: 'expired' });
  });
});

describe('token input', () => {
  test('a "Bearer " prefix (any case) and surrounding whitespace are dropped, from arguments and stdin', async () => {
    const expected = await edjwt(['decode', valid, '--json']);
    assert.equal(expected.status, 0);
    for (const input of [`Bearer ${valid}`, `bearer  ${valid}`, `BEARER\t${valid}`, `  ${valid}\n`, `\n Bearer ${valid} \r\n`]) {
      assert.deepEqual(await edjwt(['decode', input, '--json']), expected, JSON.stringify(input.slice(0, 10)));
      assert.deepEqual(await edjwt(['decode', '-', '--json'], { stdin: input }), expected);
    }
    assert.equal((await edjwt(['verify', `Bearer ${valid}`, '--jwk', jwkFile()])).status, 0);
    assert.equal((await edjwt(['exp', `Bearer ${valid}`])).status, 0);
  });

  test('only a leading "Bearer" word is dropped: "Bearer" alone is an empty token, other schemes stay and fail', async () => {
    assert.equal((await edjwt(['decode', 'Bearer '])).status, 1);  // "Bearer" after trimming is not a JWT
    const basic = await edjwt(['decode', `Basic ${valid}`]);
    assert.equal(basic.status, 1);
    assert.match(basic.stderr, /whitespace is not allowed in base64url/);
  });

  test('every --help says how the token is cleaned and lists exit status 3', async () => {
    for (const args of [['--help'], ['decode', '--help'], ['verify', '--help'], ['exp', '--help']]) {
      assert.match((await edjwt(args)).stdout, /Surrounding whitespace and a leading "Bearer "/, args.join(' '));
    }
    assert.match((await edjwt(['--help'])).stdout, /3 key unavailable/);
    assert.match((await edjwt(['verify', '--help'])).stdout, /3 the key could not be obtained/);
  });
});

describe('the command line', () => {
  test('"edjwt", an unknown command, a missing or extra token, an empty stdin and unknown options are usage errors (2)', async () => {
    for (const args of [[], ['inspect', valid], ['decode'], ['decode', valid, valid], ['exp', '-'], ['exp', valid, '--verbose']]) {
      assert.equal((await edjwt(args)).status, 2, args.join(' '));
    }
  });

  test('--help, -h and "help <command>" print usage on stdout with status 0', async () => {
    assert.match((await edjwt(['--help'])).stdout, /^Usage: edjwt <command>[\s\S]*decode[\s\S]*verify[\s\S]*exp/);
    assert.match((await edjwt(['help', 'verify'])).stdout, /^Usage: edjwt verify <token\|-> \(--jwk FILE \| --jwks URL \| --pem FILE \| --secret-file FILE\)/);
    assert.match((await edjwt(['exp', '-h'])).stdout, /^Usage: edjwt exp/);
  });
});
