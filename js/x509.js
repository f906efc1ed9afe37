// The subjectPublicKeyInfo of an X.509 certificate (RFC 5280 §4.1), for the
// platform that has no certificate parser (WebCrypto): from one "CERTIFICATE"
// PEM, the DER of the certificate's public key, which the platform imports as
// SPKI. Only the path to that key is walked (Certificate → tbsCertificate →
// [0] version?, serialNumber, signature, issuer, validity, subject →
// subjectPublicKeyInfo); the signature is not checked (importX509 trusts the
// certificate it is given, as jose's does). Strict DER along that path:
// definite lengths in their shortest form, every element inside its parent,
// the fields in order with their tags, nothing after the certificate. Anything
// else is a TypeError, whatever the input.
import { base64urlBytes } from './key-kinds.js';

const SEQUENCE = 0x30;
const INTEGER = 0x02;
const BIT_STRING = 0x03;
const VERSION = 0xa0;  // [0] EXPLICIT
// After subjectPublicKeyInfo, each optional, in this order: issuerUniqueID
// [1] IMPLICIT, subjectUniqueID [2] IMPLICIT, extensions [3] EXPLICIT.
const TBS_TRAILERS = [0x81, 0x82, 0xa3];
// Four length bytes reach 4 GiB: more than any PEM a caller holds.
const MAX_LENGTH_BYTES = 4;

const malformed = (reason) => new TypeError(`Failed to parse the X.509 certificate: ${reason}`);

// The element at `offset`, which must lie within `end`: { tag, start, end }
// of its contents.
function element(der, offset, end) {
  if (end - offset < 2) throw malformed('truncated');
  const tag = der[offset];
  // High-tag-number form: no field on the path to the key uses it.
  if ((tag & 0x1f) === 0x1f) throw malformed(`unexpected tag 0x${tag.toString(16)}`);
  const first = der[offset + 1];
  let start = offset + 2;
  let length = first;
  if (first & 0x80) {
    const count = first & 0x7f;
    // 0x80 is BER's indefinite length, which DER forbids.
    if (count === 0 || count > MAX_LENGTH_BYTES) throw malformed('length not in DER form');
    if (end - start < count) throw malformed('truncated');
    length = 0;
    for (let i = 0; i < count; i++) length = length * 256 + der[start + i];
    // DER: the long form only for 128 and over, with no leading zero byte.
    if (der[start] === 0 || length < 0x80) throw malformed('length not in its shortest form');
    start += count;
  }
  if (length > end - start) throw malformed('length past the end');
  return { tag, start, end: start + length };
}

// The element at `offset` with tag `tag`.
function expect(der, offset, end, tag, name) {
  const found = element(der, offset, end);
  if (found.tag !== tag) throw malformed(`${name} has tag 0x${found.tag.toString(16)}, not 0x${tag.toString(16)}`);
  return found;
}

// The DER bytes of a "CERTIFICATE" PEM: one block, standard base64 inside.
function pemBytes(pem) {
  if (typeof pem !== 'string') throw malformed('not a string');
  const match = /^-----BEGIN CERTIFICATE-----([A-Za-z0-9+/=\s]*)-----END CERTIFICATE-----\s*$/.exec(pem);
  const body = match?.[1].replace(/\s/g, '');
  if (body === undefined || body.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(body)) {
    throw malformed('not one PEM "CERTIFICATE" block of base64');
  }
  return base64urlBytes(body);
}

/** The DER of the subjectPublicKeyInfo of a "CERTIFICATE" PEM; TypeError when malformed. */
export function certificateSpki(pem) {
  const der = pemBytes(pem);
  const certificate = expect(der, 0, der.length, SEQUENCE, 'Certificate');
  if (certificate.end !== der.length) throw malformed('bytes after the certificate');

  const tbs = expect(der, certificate.start, certificate.end, SEQUENCE, 'tbsCertificate');
  let offset = tbs.start;
  if (offset < tbs.end && der[offset] === VERSION) offset = element(der, offset, tbs.end).end;
  for (const [tag, name] of [[INTEGER, 'serialNumber'], [SEQUENCE, 'signature'], [SEQUENCE, 'issuer'], [SEQUENCE, 'validity'], [SEQUENCE, 'subject']]) {
    offset = expect(der, offset, tbs.end, tag, name).end;
  }
  const spkiStart = offset;
  const spki = expect(der, offset, tbs.end, SEQUENCE, 'subjectPublicKeyInfo');
  offset = spki.end;
  for (const tag of TBS_TRAILERS) {
    if (offset < tbs.end && der[offset] === tag) offset = element(der, offset, tbs.end).end;
  }
  if (offset !== tbs.end) throw malformed('unexpected field after subjectPublicKeyInfo');

  const signatureAlgorithm = expect(der, tbs.end, certificate.end, SEQUENCE, 'signatureAlgorithm');
  const signatureValue = expect(der, signatureAlgorithm.end, certificate.end, BIT_STRING, 'signatureValue');
  if (signatureValue.end !== certificate.end) throw malformed('unexpected field after signatureValue');
  return der.slice(spkiStart, spki.end);
}
