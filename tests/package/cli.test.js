// The `edjwt` command as npm installs it from the tarball (node_modules/.bin),
// run as a shell would on a valid, an expired and a tampered token: output,
// exit statuses (0 valid, 1 invalid, 2 usage), --json, stdin and redaction.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { installPackedPackage } from './support/consumer.js';
import { makeFixtureTokens } from './support/fixture-tokens.js';

let consumer;
let tokens;

before(() => {
  consumer = installPackedPackage();
  const fixture = makeFixtureTokens();
  tokens = fixture.tokens;
  writeFileSync(join(consumer.dir, 'issuer.jwks.json'), JSON.stringify(fixture.jwks));
  writeFileSync(join(consumer.dir, 'issuer.jwk.json'), JSON.stringify(fixture.jwk));
  writeFileSync(join(consumer.dir, 'issuer.pem'), fixture.pem);
});

after(() => consumer?.remove());

/** `{ status, stdout, stderr }` of the installed command, with `input` on its stdin. */
function edjwt(args, input = '') {
  const { status, stdout, stderr } = spawnSync(join(consumer.dir, 'node_modules/.bin/edjwt'), args, {
    cwd: consumer.dir,
    input,
    encoding: 'utf8',
  });
  return { status, stdout, stderr };
}

const claimOptions = ['--iss', 'https://issuer.example', '--aud', 'consumer'];

describe('edjwt verify', () => {
  test('a valid token: exit 0, the verdict, the claims and the time left', () => {
    const { status, stdout, stderr } = edjwt(['verify', tokens.valid, '--jwk', 'issuer.jwks.json', ...claimOptions]);
    assert.equal(status, 0, stderr);
    assert.match(stdout, /^valid: EdDSA signature verified with the JWK Set in issuer\.jwks\.json \(kid "consumer-key"\); expires in (?:10m|9m \d\d?s)\n/);
    assert.match(stdout, /"sub": "alice"/);
    assert.match(stdout, /exp {2}\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z {2}expires in (?:10m|9m \d\d?s)\n/);
  });

  test("an expired token: exit 1, the reason and jose's code on stderr, nothing on stdout", () => {
    const { status, stdout, stderr } = edjwt(['verify', tokens.expired, '--pem', 'issuer.pem', ...claimOptions]);
    assert.equal(status, 1);
    assert.equal(stdout, '');
    assert.equal(stderr, 'invalid: "exp" claim timestamp check failed (ERR_JWT_EXPIRED)\n');
  });

  test('a tampered token: exit 1 with ERR_JWS_SIGNATURE_VERIFICATION_FAILED', () => {
    const { status, stderr } = edjwt(['verify', tokens.tampered, '--jwk', 'issuer.jwk.json']);
    assert.equal(status, 1);
    assert.equal(stderr, 'invalid: signature verification failed (ERR_JWS_SIGNATURE_VERIFICATION_FAILED)\n');
  });

  test('--json prints a verdict for scripts on stdout, valid or not', () => {
    const valid = edjwt(['verify', '--json', tokens.valid, '--jwk', 'issuer.jwks.json']);
    assert.equal(valid.status, 0);
    const { valid: isValid, protectedHeader, payload } = JSON.parse(valid.stdout);
    assert.deepEqual([isValid, protectedHeader.kid, payload.sub], [true, 'consumer-key', 'alice']);

    const expired = edjwt(['verify', '--json', tokens.expired, '--jwk', 'issuer.jwks.json']);
    assert.equal(expired.status, 1);
    assert.deepEqual(JSON.parse(expired.stdout), {
      valid: false,
      error: { code: 'ERR_JWT_EXPIRED', name: 'JWTExpired', message: '"exp" claim timestamp check failed', claim: 'exp', reason: 'check_failed' },
    });
  });

  test('"-" reads the token from stdin', () => {
    const { status, stdout } = edjwt(['verify', '-', '--jwk', 'issuer.jwks.json', '--json'], `${tokens.valid}\n`);
    assert.equal(status, 0);
    assert.equal(JSON.parse(stdout).payload.sub, 'alice');
  });

  test('usage errors exit 2 with the reason and a pointer to --help, and never print the token', () => {
    const noKey = edjwt(['verify', tokens.valid]);
    assert.equal(noKey.status, 2);
    assert.match(noKey.stderr, /a key is required: --jwk FILE, --jwks URL, --pem FILE or --secret-file FILE\nRun "edjwt verify --help" for usage\./);

    const tokenAsKeyFile = edjwt(['verify', '--jwk', tokens.valid, tokens.valid]);
    assert.equal(tokenAsKeyFile.status, 2);
    assert.ok(!tokenAsKeyFile.stderr.includes(tokens.valid.split('.')[1]), tokenAsKeyFile.stderr);
    assert.match(tokenAsKeyFile.stderr, /<token, \d+ characters>/);

    assert.equal(edjwt(['verify', tokens.valid, '--jwk', 'issuer.jwk.json', '--frobnicate']).status, 2);
    assert.equal(edjwt(['bogus']).status, 2);
    assert.equal(edjwt([]).status, 2);
  });
});

describe('edjwt decode and exp', () => {
  test('decode pretty-prints header and claims, marked not verified, even for a tampered token', () => {
    const { status, stdout } = edjwt(['decode', tokens.tampered]);
    assert.equal(status, 0);
    assert.match(stdout, /^Header \(not verified\)\n\{\n {2}"alg": "EdDSA",/);
    assert.match(stdout, /Claims \(not verified\)\n\{\n {2}"sub": "mallory",/);
  });

  test('decode shows exp and iat as ISO dates and relative times', () => {
    const { stdout } = edjwt(['decode', tokens.expired]);
    assert.match(stdout, /\n {2}exp {2}\S+Z {2}expired 3h ago\n {2}iat {2}\S+Z {2}issued 4h ago\n$/);
  });

  test('exp: time left with exit 0, or how long ago with exit 1; --json for scripts', () => {
    const left = edjwt(['exp', '-'], tokens.valid);
    assert.equal(left.status, 0);
    assert.match(left.stdout, /^expires in (?:10m|9m \d\d?s) \(\S+Z\)\n$/);

    const gone = edjwt(['exp', tokens.expired]);
    assert.equal(gone.status, 1);
    assert.match(gone.stdout, /^expired 3h ago/);

    const json = JSON.parse(edjwt(['exp', '--json', tokens.expired]).stdout);
    assert.deepEqual([json.expired, json.state, typeof json.expiresAt], [true, 'expired', 'string']);
  });

  test('--help for each command exits 0 and shows its usage', () => {
    for (const command of ['decode', 'verify', 'exp']) {
      const { status, stdout } = edjwt([command, '--help']);
      assert.equal(status, 0);
      assert.match(stdout, new RegExp(`^Usage: edjwt ${command} <token\\|->`));
    }
  });
});
