// The session's current token and its estimate of the issuer's clock. A new
// token is read once for its times (unverified: to take its iat as a clock
// reading and to judge it against the current one) and verified once, on the
// issuer's clock as estimated with its own evidence, before it replaces the
// current token; expiry decisions re-use the times, never reading it again.
import { ClockEstimate } from './clock-estimate.js';
import { JWTExpired } from './errors.js';
import { evaluateExpiry } from './expiry.js';
import { expiryAt } from './transfer.js';
import { jwtVerify } from './verify.js';

export class CurrentToken {
  #key;
  #verifyOptions;
  #policy;
  #clock;
  #estimate = new ClockEstimate();
  #token;
  #claims;
  #times;

  constructor({ key, verifyOptions, policy, clock }) {
    this.#key = key;
    this.#verifyOptions = verifyOptions;
    this.#policy = policy;
    this.#clock = clock;
  }

  get token() {
    return this.#token;
  }
  get claims() {
    return this.#claims;
  }
  /** Milliseconds the issuer's clock is ahead of this one (negative: behind). */
  get offsetMs() {
    return this.#estimate.offsetMs;
  }
  get expiresAt() {
    return this.#times?.hasExp ? new Date(this.#times.expMs - this.offsetMs) : null;
  }

  /** `{ times, state }` of another token, unverified, on the estimated issuer clock now. Throws JWTInvalid. */
  read(token) {
    return evaluateExpiry(token, { nowMs: this.#clock.now(), clockOffsetMs: this.offsetMs, policy: this.#policy });
  }

  /** The current token's state now ('valid', 'expiring', …); 'expired' when there is none. */
  state() {
    if (this.#token === undefined) return 'expired';
    return expiryAt(this.#times, { nowMs: this.#clock.now(), clockOffsetMs: this.offsetMs, toleranceMs: 0, policy: this.#policy }).state;
  }

  /**
   * Whether another tab's token (`read`'s result for it) may replace the
   * current one: not yet due for refresh, and expiring no earlier. One that
   * expires in the same second is taken too: a tab that refreshed within a
   * second of this one's may carry what this one lacks (a rotated key's kid).
   */
  mayReplace({ times, state }) {
    return (!this.#times?.hasExp || times.expMs >= this.#times.expMs) && state === 'valid';
  }

  /**
   * Verifies `token` (whose `times` read returned) and resolves to a candidate
   * for commit, or rejects with jose's error. Readings: `serverDate` and
   * `fresh` (its iat was issued during the call from `startedMs` to
   * `endedMs`) move the clock estimate, so a local clock minutes off neither
   * rejects fresh tokens nor accepts lapsed ones. `restored` (a token given to
   * start): one that has merely expired is still accepted when it verifies at
   * the last instant it was valid -- genuine, and its other claims hold.
   */
  async verify(token, times, { serverDate, startedMs, endedMs, fresh = false, restored = false } = {}) {
    const estimate = this.#estimate.withReadings({ iatMs: fresh && times.hasIat ? times.iatMs : undefined, serverDate, startedMs, endedMs });
    const verifyAt = async (atMs) => (await jwtVerify(token, this.#key, { ...this.#verifyOptions, currentDate: new Date(atMs) })).payload;
    const issuerNowMs = this.#clock.now() + estimate.offsetMs;
    try {
      return { token, times, estimate, claims: await verifyAt(issuerNowMs) };
    } catch (error) {
      if (!(error instanceof JWTExpired) || !restored || !times.hasExp || times.expMs > issuerNowMs) throw error;
      return { token, times, estimate, claims: await verifyAt(times.expMs - 1) };
    }
  }

  /** Makes a candidate from verify the current token. */
  commit({ token, times, estimate, claims }) {
    this.#estimate.commit(estimate);
    this.#token = token;
    this.#times = times;
    this.#claims = claims;
  }

  /** Drops the token (the session ended); claims and times stay readable. */
  forget() {
    this.#token = undefined;
  }
}
