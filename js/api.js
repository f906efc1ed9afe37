// The public API, shared by every entry point (index.js, index.node.js, manual.js).
export { decodeJwt, decodeProtectedHeader } from './decode.js';
export { getExpiry, isExpired } from './expiry.js';
export { createLocalJWKSet, createRemoteJWKSet } from './jwks.js';
export { importJWK, importSPKI, importX509, PublicKey } from './keys.js';
export { getLimits, setLimits } from './limits.js';
export { init, initSync } from './module.js';
export { RefreshError, SessionEnded, TokenSession } from './session.js';
export { compactVerify, ed25519Verify, jwtVerify, jwtVerifySync } from './verify.js';
export * as errors from './errors.js';
