// The one table from core statuses to errors (js/status.js): every status the
// core can return has a row; a failure's class depends on the entry point as
// jose's does (checked against jose on real inputs); the message is the
// core's, unchanged; claim failures carry claim, reason and payload.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import * as jose from 'jose';
import { decodeJwt, decodeProtectedHeader, errors } from 'edjwt';
import { errorFor, Status } from '../../js/status.js';
import { b64u, tokenWithHeader, tokenWithPayload } from './support/tokens.js';

describe('the table', () => {
  // Key import returns only key and request statuses; the token operations return any.
  const tokenOperations = ['decode', 'header', 'verify'];
  for (const [name, status] of Object.entries(Status)) {
    if (status === Status.ok) continue;
    test(`${name}: decoding, header decoding and verification each get a jose class or a TypeError, with the core's message unchanged`, () => {
      for (const operation of tokenOperations) {
        const error = errorFor({ status, message: `the ${name} rule` }, operation);
        assert.ok(error instanceof errors.JOSEError || error instanceof TypeError, `${operation}: ${error}`);
        assert.equal(error.message, `the ${name} rule`);
      }
    });
  }

  test('key import\'s failures get jose\'s classes: JWKInvalid, JOSENotSupported, TypeError', () => {
    const classes = ['key_invalid', 'key_type_not_supported', 'key_unusable'].map((name) => errorFor({ status: Status[name], message: 'm' }, 'key').constructor);
    assert.deepEqual(classes, [errors.JWKInvalid, errors.JOSENotSupported, TypeError]);
  });

  test('a status the table does not know, or one the operation cannot return, is a plain Error naming it, never a jose class', () => {
    for (const [status, operation] of [[9999, 'verify'], [Status.compact_malformed, 'key']]) {
      const error = errorFor({ status, message: 'x' }, operation);
      assert.ok(!(error instanceof errors.JOSEError) && !(error instanceof TypeError), String(error));
      assert.equal(error.message, `edjwt: unexpected core status ${status} from a ${operation} call`);
    }
  });

  test('claim failures carry the claim, the reason and the verified payload, as jose attaches them', () => {
    const payload = { exp: 1, aud: 'x' };
    const expired = errorFor({ status: Status.claim_expired, message: 'm', claim: 'exp', reason: 'check_failed' }, 'verify', payload);
    const invalid = errorFor({ status: Status.claim_invalid, message: 'm', claim: 'aud', reason: 'check_failed' }, 'verify', payload);
    assert.ok(expired instanceof errors.JWTExpired);
    assert.ok(invalid instanceof errors.JWTClaimValidationFailed);
    assert.deepEqual([expired.claim, expired.reason, expired.payload], ['exp', 'check_failed', payload]);
    assert.deepEqual([invalid.claim, invalid.reason, invalid.payload], ['aud', 'check_failed', payload]);
  });

  test('a structural failure takes the entry point\'s class: JWTInvalid, TypeError, JWSInvalid', () => {
    const classes = ['decode', 'header', 'verify'].map((operation) => errorFor({ status: Status.compact_malformed, message: 'm' }, operation).constructor);
    assert.deepEqual(classes, [errors.JWTInvalid, TypeError, errors.JWSInvalid]);
  });
});

// Inputs that fail in both libraries: the class (and jose's code) must match.
describe('against jose', () => {
  const malformed = {
    compact_malformed: 'a.b',
    jwe_not_supported: 'a.b.c.d.e',
    header_malformed: tokenWithHeader(b64u('{"alg":')),
    claims_malformed: tokenWithPayload(b64u('[1]')),
    payload_encoding_malformed: tokenWithPayload('e30*'),
  };
  const outcome = (run) => {
    try {
      run();
      return 'accepted';
    } catch (error) {
      return `${error.constructor.name} ${error.code ?? ''}`.trim();
    }
  };

  // decodeJwt never reads the header, in either library.
  for (const rule of ['compact_malformed', 'jwe_not_supported', 'claims_malformed', 'payload_encoding_malformed']) {
    test(`${rule}: decodeJwt throws jose's class and code`, () => {
      const theirs = outcome(() => jose.decodeJwt(malformed[rule]));
      assert.notEqual(theirs, 'accepted');
      assert.equal(outcome(() => decodeJwt(malformed[rule])), theirs);
    });
  }

  for (const rule of ['compact_malformed', 'header_malformed']) {
    test(`${rule}: decodeProtectedHeader throws a TypeError, as jose does`, () => {
      assert.equal(outcome(() => decodeProtectedHeader(malformed[rule])), 'TypeError');
      assert.equal(outcome(() => jose.decodeProtectedHeader(malformed[rule])), 'TypeError');
    });
  }
});
