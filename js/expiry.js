// getExpiry and isExpired: a token's (or a claims object's) expiry as the core
// evaluates it -- the same "expired" and "not yet valid" that verification
// would decide at that instant, plus time left, lifetime and the refresh
// policy's "expiring" window. Times are read, never trusted: no signature is checked.
import { JWTInvalid } from './errors.js';
import { seconds } from './duration.js';
import { lengthFailure } from './limits.js';
import { errorFor, Status } from './status.js';
import { defaultPolicy, readExpiry } from './transfer.js';

let defaults;
export function policyDefaults() {
  defaults ??= Object.freeze(defaultPolicy());
  return defaults;
}

function toleranceMs(clockTolerance) {
  if (clockTolerance === undefined) return 0;
  const value = typeof clockTolerance === 'string' ? seconds(clockTolerance) : clockTolerance;
  if (!Number.isFinite(value) || value < 0) throw new TypeError('Invalid clockTolerance option input');
  return value * 1000;
}

/**
 * The core's expiry result (state by name, times, spans) with explicit
 * inputs; shared by getExpiry and TokenSession. Throws JWTInvalid.
 */
export function evaluateExpiry(tokenOrClaims, { nowMs, clockOffsetMs = 0, toleranceMs: tolerance = 0, policy = policyDefaults() }) {
  const at = { nowMs, clockOffsetMs, toleranceMs: tolerance, policy };
  let result;
  if (typeof tokenOrClaims === 'string') {
    result = lengthFailure(tokenOrClaims) ?? readExpiry(tokenOrClaims, true, at);
  } else if (typeof tokenOrClaims === 'object' && tokenOrClaims !== null && !Array.isArray(tokenOrClaims)) {
    result = readExpiry(JSON.stringify(tokenOrClaims), false, at);
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
    state: result.state,
  };
}

/** Whether `token` has expired (jose's rule: exp <= now - clockTolerance). */
export function isExpired(token, options) {
  if (typeof token !== 'string') throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
  return getExpiry(token, options).expired;
}
