// getExpiry and isExpired: a token's (or a claims object's) expiry as the core
// evaluates it -- the same "expired" and "not yet valid" that verification
// would decide at that instant, plus time left, lifetime and the refresh
// policy's "expiring" window. Times are read, never trusted: no signature is checked.
import { JWTInvalid } from './errors.js';
import { seconds } from './duration.js';
import { lengthFailure } from './limits.js';
import { core } from './module.js';
import { errorFor, Status } from './status.js';
import { writeInput } from './transfer.js';

export const TOKEN_STATES = Object.freeze(['not_yet_valid', 'valid', 'expiring', 'expired']);

let defaultPolicy;
export function policyDefaults() {
  defaultPolicy ??= Object.freeze(core().defaultPolicy());
  return defaultPolicy;
}

function toleranceMs(clockTolerance) {
  if (clockTolerance === undefined) return 0;
  const value = typeof clockTolerance === 'string' ? seconds(clockTolerance) : clockTolerance;
  if (!Number.isFinite(value) || value < 0) throw new TypeError('Invalid clockTolerance option input');
  return value * 1000;
}

/** Evaluates expiry with explicit inputs; shared by getExpiry and TokenSession. */
export function evaluateExpiry(tokenOrClaims, { nowMs, clockOffsetMs = 0, toleranceMs: tolerance = 0, policy = policyDefaults() }) {
  const isToken = typeof tokenOrClaims === 'string';
  let result;
  if (isToken) {
    result = lengthFailure(tokenOrClaims) ?? core().getExpiry(writeInput(tokenOrClaims), true, nowMs, clockOffsetMs, tolerance, policy);
  } else if (typeof tokenOrClaims === 'object' && tokenOrClaims !== null && !Array.isArray(tokenOrClaims)) {
    result = core().getExpiry(writeInput(JSON.stringify(tokenOrClaims)), false, nowMs, clockOffsetMs, tolerance, policy);
  } else {
    throw new TypeError('getExpiry takes a JWT string or a claims object');
  }
  if (result.status !== Status.ok) throw errorFor(result, 'decode');
  return result;
}

/**
 * `{ expiresAt, notBefore, issuedAt, expiresInMs, lifetimeMs, expired, notYetValid, state }`
 * for a JWT or claims object. Options: `currentDate`, `clockTolerance` (seconds or "30s"),
 * `clockOffset` (ms the issuer's clock is ahead of this one).
 */
export function getExpiry(tokenOrClaims, { currentDate, clockTolerance, clockOffset = 0 } = {}) {
  if (currentDate !== undefined && !(currentDate instanceof Date)) throw new TypeError('"currentDate" option must be a Date');
  if (!Number.isFinite(clockOffset)) throw new TypeError('"clockOffset" option must be a finite number of milliseconds');
  const nowMs = (currentDate ?? new Date()).getTime();
  const result = evaluateExpiry(tokenOrClaims, { nowMs, clockOffsetMs: clockOffset, toleranceMs: toleranceMs(clockTolerance) });
  const { times } = result;
  return {
    expiresAt: times.hasExp ? new Date(times.expMs) : null,
    notBefore: times.hasNbf ? new Date(times.nbfMs) : null,
    issuedAt: times.hasIat ? new Date(times.iatMs) : null,
    expiresInMs: times.hasExp ? result.expiresInMs : null,
    lifetimeMs: times.hasExp && times.hasIat ? result.lifetimeMs : null,
    expired: result.expired,
    notYetValid: result.notYetValid,
    state: TOKEN_STATES[result.state],
  };
}

/** Whether `token` has expired (jose's rule: exp <= now - clockTolerance). */
export function isExpired(token, options) {
  if (typeof token !== 'string') throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
  return getExpiry(token, options).expired;
}
