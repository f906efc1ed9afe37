// jose-compatible error classes: the same names, `code` strings and extra
// fields as jose v6, so `catch (e) { if (e.code === 'ERR_JWT_EXPIRED') … }`
// and `instanceof errors.JWTExpired` keep working after switching imports.
// WasmUnavailable is edjwt's own: the module could not be loaded.
// Each class states its name as a literal (`static name`), because a
// minifier renames classes and `this.constructor.name` would follow it.

export class JOSEError extends Error {
  static code = 'ERR_JOSE_GENERIC';
  code = 'ERR_JOSE_GENERIC';
  static name = 'JOSEError';
  constructor(message, options) {
    super(message, options);
    this.name = this.constructor.name;
    Error.captureStackTrace?.(this, this.constructor);
  }
}

class ClaimError extends JOSEError {
  claim;
  reason;
  payload;
  constructor(message, payload, claim = 'unspecified', reason = 'unspecified') {
    super(message, { cause: { claim, reason, payload } });
    this.claim = claim;
    this.reason = reason;
    this.payload = payload;
  }
}

export class JWTClaimValidationFailed extends ClaimError {
  static code = 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  code = 'ERR_JWT_CLAIM_VALIDATION_FAILED';
  static name = 'JWTClaimValidationFailed';
}

export class JWTExpired extends ClaimError {
  static code = 'ERR_JWT_EXPIRED';
  code = 'ERR_JWT_EXPIRED';
  static name = 'JWTExpired';
}

export class JOSEAlgNotAllowed extends JOSEError {
  static code = 'ERR_JOSE_ALG_NOT_ALLOWED';
  code = 'ERR_JOSE_ALG_NOT_ALLOWED';
  static name = 'JOSEAlgNotAllowed';
}

export class JOSENotSupported extends JOSEError {
  static code = 'ERR_JOSE_NOT_SUPPORTED';
  code = 'ERR_JOSE_NOT_SUPPORTED';
  static name = 'JOSENotSupported';
}

export class JWEDecryptionFailed extends JOSEError {
  static code = 'ERR_JWE_DECRYPTION_FAILED';
  code = 'ERR_JWE_DECRYPTION_FAILED';
  static name = 'JWEDecryptionFailed';
  constructor(message = 'decryption operation failed', options) {
    super(message, options);
  }
}

export class JWEInvalid extends JOSEError {
  static code = 'ERR_JWE_INVALID';
  code = 'ERR_JWE_INVALID';
  static name = 'JWEInvalid';
}

export class JWSInvalid extends JOSEError {
  static code = 'ERR_JWS_INVALID';
  code = 'ERR_JWS_INVALID';
  static name = 'JWSInvalid';
}

export class JWTInvalid extends JOSEError {
  static code = 'ERR_JWT_INVALID';
  code = 'ERR_JWT_INVALID';
  static name = 'JWTInvalid';
}

export class JWKInvalid extends JOSEError {
  static code = 'ERR_JWK_INVALID';
  code = 'ERR_JWK_INVALID';
  static name = 'JWKInvalid';
}

export class JWKSInvalid extends JOSEError {
  static code = 'ERR_JWKS_INVALID';
  code = 'ERR_JWKS_INVALID';
  static name = 'JWKSInvalid';
}

export class JWKSNoMatchingKey extends JOSEError {
  static code = 'ERR_JWKS_NO_MATCHING_KEY';
  code = 'ERR_JWKS_NO_MATCHING_KEY';
  static name = 'JWKSNoMatchingKey';
  constructor(message = 'no applicable key found in the JSON Web Key Set', options) {
    super(message, options);
  }
}

export class JWKSMultipleMatchingKeys extends JOSEError {
  [Symbol.asyncIterator] = async function* () {};
  static code = 'ERR_JWKS_MULTIPLE_MATCHING_KEYS';
  code = 'ERR_JWKS_MULTIPLE_MATCHING_KEYS';
  static name = 'JWKSMultipleMatchingKeys';
  constructor(message = 'multiple matching keys found in the JSON Web Key Set', options) {
    super(message, options);
  }
}

export class JWKSTimeout extends JOSEError {
  static code = 'ERR_JWKS_TIMEOUT';
  code = 'ERR_JWKS_TIMEOUT';
  static name = 'JWKSTimeout';
  constructor(message = 'request timed out', options) {
    super(message, options);
  }
}

export class JWSSignatureVerificationFailed extends JOSEError {
  static code = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
  code = 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED';
  static name = 'JWSSignatureVerificationFailed';
  constructor(message = 'signature verification failed', options) {
    super(message, options);
  }
}

export class WasmUnavailable extends JOSEError {
  static code = 'ERR_EDJWT_WASM_UNAVAILABLE';
  code = 'ERR_EDJWT_WASM_UNAVAILABLE';
  static name = 'WasmUnavailable';
}
