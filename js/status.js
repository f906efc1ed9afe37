// The one table from core status codes (wasm/core/status.hpp, by name through
// the generated js/core-constants.js) to errors.
// jose's class for the same failure differs by entry point, so each row names
// the class per operation:
//   decode — decodeJwt (every problem is JWTInvalid)
//   header — decodeProtectedHeader (every problem is TypeError)
//   verify — jwtVerify / compactVerify (jose's verifyCompact)
//   key    — importJWK and JWK Set members
//   spki   — importSPKI / importX509 of an Ed25519 key (jose's WebCrypto refuses
//            bad key data with an error that is no JOSEError; edjwt's is a TypeError)
// A row with one class applies to every operation.
import {
  JOSEAlgNotAllowed,
  JOSENotSupported,
  JWKInvalid,
  JWSInvalid,
  JWSSignatureVerificationFailed,
  JWTClaimValidationFailed,
  JWTExpired,
  JWTInvalid,
} from './errors.js';
import { Status } from './core-constants.js';
import { failure } from './transfer.js';

export { Status } from './core-constants.js';

const structural = { decode: JWTInvalid, header: TypeError, verify: JWSInvalid };

const rows = new Map([
  [Status.token_too_long, structural],
  [Status.compact_malformed, structural],
  [Status.jwe_not_supported, structural],
  [Status.header_malformed, structural],
  [Status.payload_encoding_malformed, structural],
  [Status.claims_malformed, { decode: JWTInvalid, header: TypeError, verify: JWTInvalid }],
  [Status.signature_malformed, JWSInvalid],
  [Status.header_invalid, JWSInvalid],
  [Status.crit_unsupported, JOSENotSupported],
  [Status.alg_not_allowed, JOSEAlgNotAllowed],
  [Status.alg_not_supported, JOSENotSupported],
  [Status.key_unusable, TypeError],
  [Status.key_type_not_supported, JOSENotSupported],
  [Status.signature_invalid, JWSSignatureVerificationFailed],
  [Status.unencoded_payload, JWTInvalid],
  [Status.claim_invalid, JWTClaimValidationFailed],
  [Status.claim_expired, JWTExpired],
  [Status.key_invalid, { decode: JWKInvalid, header: JWKInvalid, verify: JWKInvalid, key: JWKInvalid, spki: TypeError }],
  [Status.request_malformed, TypeError],
]);

/**
 * The error for a failed core call.
 * @param {{status: number, message: string, claim?: string, reason?: string}} result
 * @param {'decode'|'header'|'verify'|'key'|'spki'} operation  whose classes apply
 * @param {object} [payload]  the verified claims, for claim errors (as jose attaches them)
 */
export function errorFor(result, operation, payload) {
  const row = rows.get(result.status);
  const ErrorClass = typeof row === 'function' ? row : row?.[operation];
  // A bug, not a token's problem: a status the core cannot return from this operation.
  if (!ErrorClass) return new Error(`edjwt: unexpected core status ${result.status} from a ${operation} call`);
  if (ErrorClass === JWTExpired || ErrorClass === JWTClaimValidationFailed) {
    return new ErrorClass(result.message, payload, result.claim, result.reason);
  }
  return new ErrorClass(result.message);
}

/** errorFor the core call that just returned `status` (its detail from js/transfer.js). */
export function coreError(status, operation, payload) {
  return errorFor(failure(status), operation, payload);
}
