// The events a TokenSession dispatches, and the one shape of each detail
// (README "What it guarantees" lists them):
//   refreshed  { claims, expiresAt, clockOffsetMs, source: 'start'|'refresh'|'tab' }
//   expiring   { expiresAt }      the refresh window opened (once per token)
//   expired    { expiredAt }      the token lapsed (once per token)
//   error      { code, fatal, error, attempt, nextRetryAt }
//   ended      { reason: 'stopped'|'fatal'|'revoked', code }
import { classify } from './session-errors.js';

export class SessionEvents {
  #target;

  constructor(target) {
    this.#target = target;
  }

  refreshed(claims, expiresAt, clockOffsetMs, source) {
    this.#emit('refreshed', { claims, expiresAt, clockOffsetMs, source });
  }

  /** 'expiring' or 'expired', as the core's state machine signalled. */
  signal(type, expiresAt) {
    this.#emit(type, type === 'expiring' ? { expiresAt } : { expiredAt: expiresAt });
  }

  /** A failed refresh (`attempt` of them in a row, retried at `nextRetryAt`) or adoption (attempt 0). */
  error(error, attempt = 0, nextRetryAt = null) {
    this.#emit('error', { ...classify(error), error, attempt, nextRetryAt });
  }

  ended(reason, code) {
    this.#emit('ended', { reason, code });
  }

  #emit(type, detail) {
    this.#target.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
