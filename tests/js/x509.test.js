// js/x509.js: a certificate's subjectPublicKeyInfo, checked against
// node:crypto's X509Certificate (OpenSSL's parser) on fixed certificates made
// by the openssl CLI (tests/vectors/README.md); malformed DER along the path to
// the key -- every truncation, wrong tags, bad lengths, trailing bytes -- is a
// TypeError, and no single changed byte gives any other kind of exception.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { certificateSpki } from '../../js/x509.js';

const vector = (name) => readFileSync(new URL(`../vectors/x509/${name}`, import.meta.url), 'utf8');
const CERTIFICATES = { 'RSA 2048': 'rsa.crt', 'EC P-256': 'ec.crt', Ed25519: 'ed25519.crt', 'EC P-256, version 1 (no [0] version, no extensions)': 'ec-v1.crt' };

const derOf = (pem) => new Uint8Array(new X509Certificate(pem).raw);
const pemOf = (der) => `-----BEGIN CERTIFICATE-----\n${Buffer.from(der).toString('base64').replace(/.{64}/g, '$&\n')}\n-----END CERTIFICATE-----\n`;
const oracleSpki = (pem) => new Uint8Array(new X509Certificate(pem).publicKey.export({ type: 'spki', format: 'der' }));

// Offsets of the elements the parser walks, read from a well-formed
// certificate by their headers alone: the Certificate, the tbsCertificate and
// each of its fields, signatureAlgorithm and signatureValue.
function pathOffsets(der) {
  const headerLength = (at) => 2 + (der[at + 1] & 0x80 ? der[at + 1] & 0x7f : 0);
  const contentLength = (at) => {
    const first = der[at + 1];
    if (!(first & 0x80)) return first;
    return [...der.subarray(at + 2, at + 2 + (first & 0x7f))].reduce((sum, byte) => sum * 256 + byte, 0);
  };
  const next = (at) => at + headerLength(at) + contentLength(at);
  const tbs = headerLength(0);
  const offsets = [0, tbs];
  for (let at = tbs + headerLength(tbs); at < next(tbs); at = next(at)) offsets.push(at);
  offsets.push(next(tbs), next(next(tbs)));
  return offsets;
}

const assertMalformed = (pem, message) => assert.throws(() => certificateSpki(pem), TypeError, message);

for (const [name, file] of Object.entries(CERTIFICATES)) {
  const pem = vector(file);
  const der = derOf(pem);

  test(`${name}: the subjectPublicKeyInfo is node:crypto's, byte for byte`, () => {
    assert.deepEqual(certificateSpki(pem), oracleSpki(pem));
  });

  test(`${name}: CRLF line ends and one-line base64 read the same`, () => {
    assert.deepEqual(certificateSpki(pem.replace(/\n/g, '\r\n')), oracleSpki(pem));
    const oneLine = `-----BEGIN CERTIFICATE-----${Buffer.from(der).toString('base64')}-----END CERTIFICATE-----`;
    assert.deepEqual(certificateSpki(oneLine), oracleSpki(pem));
  });

  test(`${name}: a certificate truncated at any length is a TypeError`, () => {
    for (let length = 0; length < der.length; length++) assertMalformed(pemOf(der.subarray(0, length)), `truncated at ${length}`);
  });

  test(`${name}: a wrong tag on any element of the path to the key is a TypeError`, () => {
    const offsets = pathOffsets(der);
    assert.ok(offsets.some((at) => Buffer.from(der.subarray(at)).indexOf(Buffer.from(oracleSpki(pem))) === 0), 'the path reaches the key');
    for (const at of offsets) {
      for (const wrong of [der[at] ^ 0x01, der[at] ^ 0x20, der[at] | 0x1f]) {
        const changed = der.slice();
        changed[at] = wrong;
        assertMalformed(pemOf(changed), `tag 0x${wrong.toString(16)} at ${at}`);
      }
    }
  });

  test(`${name}: lengths past the end, indefinite or not in shortest form, and trailing bytes are TypeErrors`, () => {
    const longForm = der[1] & 0x7f;  // every fixture is over 255 bytes: 0x82 and two length bytes
    assert.equal(longForm, 2);
    const pastEnd = der.slice();
    pastEnd[3] += 1;
    assertMalformed(pemOf(pastEnd), 'length one past the end');
    const indefinite = Uint8Array.from([0x30, 0x80, ...der.subarray(4), 0, 0]);
    assertMalformed(pemOf(indefinite), 'indefinite length');
    const padded = Uint8Array.from([0x30, 0x83, 0, ...der.subarray(2)]);
    assertMalformed(pemOf(padded), 'length with a leading zero byte');
    assertMalformed(pemOf(Uint8Array.from([...der, 0])), 'a byte after the certificate');
    assertMalformed(pem + pem, 'a second certificate');
  });

  test(`${name}: no changed byte gives an exception other than TypeError`, () => {
    for (let at = 0; at < der.length; at++) {
      const changed = der.slice();
      changed[at] ^= 0xff;
      try {
        assert.ok(certificateSpki(pemOf(changed)) instanceof Uint8Array);
      } catch (error) {
        assert.ok(error instanceof TypeError, `byte ${at}: ${error}`);
      }
    }
  });
}

test('a short length in long form (0x81 below 128) is a TypeError', () => {
  const der = derOf(vector('ec.crt'));
  const serial = pathOffsets(der)[3];
  assert.equal(der[serial], 0x02);
  const serialLength = der[serial + 1];
  assert.ok(serialLength < 0x80);
  // The same serialNumber with its length as 0x81 NN: one byte longer, so the
  // enclosing lengths grow by one (both two-byte long forms here).
  const changed = Uint8Array.from([...der.subarray(0, serial + 1), 0x81, ...der.subarray(serial + 1)]);
  for (const at of [2, 6]) {
    const value = changed[at] * 256 + changed[at + 1] + 1;
    [changed[at], changed[at + 1]] = [value >> 8, value & 0xff];
  }
  assertMalformed(pemOf(changed), 'length 0x81 NN with NN < 128');
});

test('what is not one base64 "CERTIFICATE" PEM block is a TypeError', () => {
  const pem = vector('rsa.crt');
  const base64 = Buffer.from(derOf(pem)).toString('base64');
  for (const [input, what] of [
    [undefined, 'undefined'], [42, 'a number'], ['', 'empty'],
    [pem.replace('CERTIFICATE-----\n', 'CERTIFICATE-----\n*'), 'a character outside base64'],
    [`-----BEGIN CERTIFICATE-----\n${base64.slice(0, -1)}\n-----END CERTIFICATE-----\n`, 'base64 not a multiple of four'],
    [pem.replace('-----END CERTIFICATE-----', ''), 'no END line'],
    [pem.replace(/CERTIFICATE/g, 'PUBLIC KEY'), 'another label'],
    [`${pem}junk`, 'text after the block'],
  ]) {
    assertMalformed(input, what);
  }
});
