// What a TokenSession's failures mean to an application: the errors it
// throws (RefreshError from a refresh callback, SessionEnded once over) and
// the code an `error` event carries, which tells "log in again" (fatal) from
// "retrying".
import { JOSEError } from './errors.js';

/**
 * What a refresh callback throws to say why it failed. `fatal: true` (the
 * backend said the refresh token is invalid, expired or revoked) ends the
 * session at once; anything else is retried with backoff.
 */
export class RefreshError extends Error {
  constructor(code, { fatal = false, cause } = {}) {
    super(`refresh failed: ${code}`, { cause });
    this.name = 'RefreshError';
    this.code = code;
    this.fatal = fatal;
  }
}

/** Thrown by getToken()/refreshNow() once the session has ended. */
export class SessionEnded extends JOSEError {
  static code = 'ERR_EDJWT_SESSION_ENDED';
  code = 'ERR_EDJWT_SESSION_ENDED';
}

/** `{ code, fatal }` for an error a refresh or an adoption failed with. */
export function classify(error) {
  if (error instanceof RefreshError) return { code: error.code, fatal: error.fatal };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return { code: 'timeout', fatal: false };
  if (error instanceof JOSEError) return { code: 'verification_failed', fatal: false };
  return { code: 'network', fatal: false };
}
