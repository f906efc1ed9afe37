// TokenSession: keeps a verified, unexpired access token. Every decision --
// when to refresh, how to back off, what a late timer or a wake-up means,
// when the token counts as expiring or expired -- comes from the core's
// scheduling state machine (wasm/core/schedule.cpp); this class owns the
// timers, the refresh call, verification of each new token, cross-tab
// coordination and the events; js/clock-estimate.js owns the clock estimate.
import { ClockEstimate } from './clock-estimate.js';
import { JOSEError, JWTExpired } from './errors.js';
import { evaluateExpiry, policyDefaults, TOKEN_STATES } from './expiry.js';
import { core } from './module.js';
import { TabCoordinator } from './tab-coordination.js';
import { at, systemClock } from './timers.js';
import { jwtVerify } from './verify.js';
import { onWake } from './wake.js';

const PHASES = ['idle', 'active', 'refreshing', 'retrying', 'expired', 'ended'];
const EVENT = { adopted: 0, refresh_started: 1, refresh_failed: 2, wake: 3, demand: 4, end: 5 };
const ACTION_END = 2;
const ACTION_REFRESH = 1;

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

// Error codes a UI can act on: "log in again" (fatal) versus "retrying".
function classify(error) {
  if (error instanceof RefreshError) return { code: error.code, fatal: error.fatal };
  if (error?.name === 'TimeoutError' || error?.name === 'AbortError') return { code: 'timeout', fatal: false };
  if (error instanceof JOSEError) return { code: 'verification_failed', fatal: false };
  return { code: 'network', fatal: false };
}

function checkPolicy(policy) {
  const merged = { ...policyDefaults(), ...policy };
  for (const [name, value] of Object.entries(merged)) {
    if (!Number.isFinite(value) || value < 0) throw new TypeError(`policy.${name} must be a non-negative number`);
  }
  return merged;
}

export class TokenSession extends EventTarget {
  #refreshCallback;
  #key;
  #verifyOptions;
  #policy;
  #clock;
  #random;
  #refreshTimeoutMs;
  #model;
  #token;
  #claims;
  #estimate = new ClockEstimate();
  #inFlight;
  #cancelTimer = () => {};
  #stopWake = () => {};
  #tabs;
  #endReason;

  /**
   * @param {object} options
   * @param {(context: { signal: AbortSignal }) => Promise<{ accessToken: string, serverDate?: Date | string | number }>} options.refresh
   * @param {*} [options.key] a key, public JWK or KeyObject; or
   * @param {Function} [options.jwks] a JWK Set (createLocalJWKSet / createRemoteJWKSet)
   * @param {object} [options.verifyOptions] jwtVerify options (issuer, audience, algorithms, …)
   * @param {object} [options.policy] overrides of the core's refresh policy (README "TokenSession")
   * @param {number} [options.refreshTimeoutMs=15000] a refresh that takes longer is aborted and retried
   * @param {string|false} [options.channel] cross-tab channel name; default "edjwt-session" in browsers
   * @param {{ request: Function }} [options.locks] Web Locks; default navigator.locks where present
   * @param {() => number} [options.random] uniform [0,1) source for jitter (seed it in tests)
   * @param {{ now(): number, setTimeout: Function, clearTimeout: Function }} [options.clock]
   */
  constructor(options) {
    super();
    if (typeof options !== 'object' || options === null) throw new TypeError('TokenSession options must be an object');
    const { refresh, key, jwks, verifyOptions = {}, policy, refreshTimeoutMs = 15000, random = Math.random, clock = systemClock } = options;
    if (typeof refresh !== 'function') throw new TypeError('"refresh" must be an async function returning { accessToken }');
    if ((key === undefined) === (jwks === undefined)) throw new TypeError('give exactly one of "key" or "jwks"');
    if (jwks !== undefined && typeof jwks !== 'function') throw new TypeError('"jwks" must be a JWK Set from createLocalJWKSet or createRemoteJWKSet');
    if (!Number.isFinite(refreshTimeoutMs) || refreshTimeoutMs <= 0) throw new TypeError('"refreshTimeoutMs" must be a positive number');
    if (typeof random !== 'function') throw new TypeError('"random" must be a function');
    this.#refreshCallback = refresh;
    this.#key = key ?? jwks;
    this.#verifyOptions = verifyOptions;
    this.#policy = checkPolicy(policy);
    this.#clock = clock;
    this.#random = random;
    this.#refreshTimeoutMs = refreshTimeoutMs;
    const channel = options.channel ?? (typeof BroadcastChannel === 'function' && globalThis.window ? 'edjwt-session' : false);
    if (channel) {
      this.#tabs = new TabCoordinator({ name: channel, locks: options.locks, clock, onToken: (t) => this.#adoptFromTab(t) });
    }
    this.#stopWake = onWake(() => this.#wake());
    this.#model = core().initialSessionState();
  }

  get state() {
    return PHASES[this.#model.phase];
  }
  get claims() {
    return this.#claims;
  }
  get expiresAt() {
    return this.#model.token.hasExp ? new Date(this.#model.token.expMs - this.#estimate.offsetMs) : null;
  }
  get nextRefreshAt() {
    return this.#model.wakeAtMs >= 0 ? new Date(this.#model.wakeAtMs) : null;
  }
  /** Milliseconds the issuer's clock is ahead of this one (negative: behind). */
  get clockOffsetMs() {
    return this.#estimate.offsetMs;
  }

  /**
   * Starts with `token` (verified before use), or with a refresh when none is
   * given. A genuine token that has expired starts the session `expired`: the
   * first getToken() refreshes. `serverDate`: a server Date header read just
   * now, the only evidence about the issuer's clock a restored token can bring.
   */
  async start(token, { serverDate } = {}) {
    this.#assertOpen();
    if (token === undefined) {
      await this.refreshNow();
      return;
    }
    try {
      const now = this.#clock.now();
      await this.#adopt(token, 'start', { serverDate, startedMs: now, endedMs: now });
    } catch (error) {
      this.#emit('error', { code: classify(error).code, error, attempt: 0, nextRetryAt: null, fatal: false });
      throw error;
    }
  }

  /** A verified, unexpired token: waits for a refresh in flight, or starts one when expiring or expired. */
  async getToken() {
    this.#assertOpen();
    if (this.#inFlight) await this.#inFlight.catch(() => {});
    this.#assertOpen();
    const state = this.#token ? this.#expiryState() : 'expired';
    if (state === 'valid') return this.#token;
    try {
      return await this.#refresh(EVENT.demand);
    } catch (error) {
      // A failed refresh still leaves an expiring-but-valid token usable.
      if (this.#token && this.#expiryState() !== 'expired') return this.#token;
      throw error;
    }
  }

  /** Refreshes now (sharing a refresh already in flight); resolves to the new token. */
  refreshNow() {
    this.#assertOpen();
    return this.#refresh(EVENT.demand);
  }

  /** Ends the session for `reason` (e.g. "revoked" when the backend says so). */
  end(reason = 'revoked', code) {
    if (this.#endReason) return;
    this.#model = core().sessionStep(this.#model, this.#event(EVENT.end), this.#policy).state;
    this.#finish(reason, code);
  }

  stop() {
    this.end('stopped');
  }

  #assertOpen() {
    if (this.#endReason) throw new SessionEnded(`the session has ended (${this.#endReason})`);
  }

  #event(kind, extra = {}) {
    return { kind, nowMs: this.#clock.now(), jitter: this.#random(), fatal: false, token: { hasExp: false, hasIat: false, expMs: 0, iatMs: 0 }, ...extra };
  }

  #expiryState() {
    return TOKEN_STATES[evaluateExpiry(this.#claims, { nowMs: this.#clock.now(), clockOffsetMs: this.#estimate.offsetMs, policy: this.#policy }).state];
  }

  #step(kind, extra) {
    const step = core().sessionStep(this.#model, this.#event(kind, extra), this.#policy);
    this.#model = step.state;
    if (step.signalExpiring) this.#emit('expiring', { expiresAt: this.expiresAt });
    if (step.signalExpired) this.#emit('expired', { expiredAt: this.expiresAt });
    this.#arm();
    return step;
  }

  #arm() {
    this.#cancelTimer();
    this.#cancelTimer = () => {};
    if (this.#model.wakeAtMs >= 0 && !this.#endReason) this.#cancelTimer = at(this.#clock, this.#model.wakeAtMs, () => this.#wake());
  }

  #wake() {
    if (this.#endReason) return;
    const step = this.#step(EVENT.wake);
    if (step.action === ACTION_REFRESH) this.#startRefresh().catch(() => {});
  }

  #refresh(kind) {
    if (this.#inFlight) return this.#inFlight;
    const step = this.#step(kind);
    if (step.action !== ACTION_REFRESH) return this.#inFlight ?? Promise.resolve(this.#token);
    return this.#startRefresh();
  }

  #startRefresh() {
    this.#step(EVENT.refresh_started);
    const tokenBefore = this.#token;
    this.#inFlight = (async () => {
      try {
        // Verified and announced before the cross-tab lock is released, so a
        // waiting tab finds the new token instead of refreshing again.
        const run = async () => {
          const startedMs = this.#clock.now();
          const result = await this.#callRefresh(tokenBefore);
          if (result.source === 'refresh') {
            const { accessToken, serverDate } = result;
            await this.#adopt(accessToken, 'refresh', { serverDate, startedMs, endedMs: this.#clock.now(), fresh: true });
            this.#tabs?.announce(result.accessToken);
          }
          return result;
        };
        const { accessToken } = this.#tabs ? await this.#tabs.exclusive(run, { timeoutMs: this.#refreshTimeoutMs }) : await run();
        if (accessToken !== this.#token) await this.#adopt(accessToken, 'tab');
        return accessToken;
      } catch (error) {
        this.#failed(error);
        throw error;
      } finally {
        this.#inFlight = undefined;
      }
    })();
    return this.#inFlight;
  }

  // Inside the cross-tab lock: another tab may already have delivered a fresh
  // token -- adopted, or still being verified when this tab's timer fired.
  async #callRefresh(tokenBefore) {
    if (typeof tokenBefore === 'string' ? this.#token !== tokenBefore : this.#token) {
      if (this.#expiryState() === 'valid') return { accessToken: this.#token, source: 'tab' };
    }
    const announced = this.#tabs?.lastAnnounced;
    if (announced && announced !== tokenBefore && this.#isFresher(announced)) return { accessToken: announced, source: 'tab' };
    // A refresh that outlives the timeout is aborted and counts as failed;
    // its timer keeps Node alive only while someone waits on it.
    const controller = new AbortController();
    let timer;
    const timedOut = new Promise((_, reject) => {
      timer = this.#clock.setTimeout(() => {
        const error = new DOMException('the refresh call timed out', 'TimeoutError');
        controller.abort(error);
        reject(error);
      }, this.#refreshTimeoutMs);
    });
    try {
      const result = await Promise.race([this.#refreshCallback({ signal: controller.signal }), timedOut]);
      if (typeof result?.accessToken !== 'string') throw new RefreshError('invalid_response');
      return { ...result, source: 'refresh' };
    } finally {
      this.#clock.clearTimeout(timer);
    }
  }

  #failed(error) {
    if (this.#endReason) return;
    const { code, fatal } = classify(error);
    const step = this.#step(EVENT.refresh_failed, { fatal });
    this.#emit('error', {
      code,
      error,
      fatal,
      attempt: this.#model.failures,
      nextRetryAt: this.#model.wakeAtMs >= 0 ? new Date(this.#model.wakeAtMs) : null,
    });
    if (step.action === ACTION_END) this.#finish(code === 'refresh_token_revoked' ? 'revoked' : 'fatal', code);
  }

  // Verifies before adopting, on the issuer's clock as estimated with this
  // token's evidence (`fresh`: its iat was issued during the refresh call), so
  // a local clock minutes off neither rejects fresh tokens nor accepts lapsed ones.
  async #adopt(token, source, { serverDate, startedMs, endedMs, fresh = false } = {}) {
    const { times } = evaluateExpiry(token, { nowMs: this.#clock.now(), policy: this.#policy });
    const estimate = this.#estimate.withReadings({ iatMs: fresh && times.hasIat ? times.iatMs : undefined, serverDate, startedMs, endedMs });
    const now = this.#clock.now();
    const payload = await this.#verify(token, now + estimate.offsetMs, source === 'start' ? times : undefined);
    if (this.#endReason) return;
    this.#estimate.commit(estimate);
    this.#token = token;
    this.#claims = payload;
    this.#model = { ...this.#model, clockOffsetMs: estimate.offsetMs };
    this.#step(EVENT.adopted, { token: { hasExp: times.hasExp, hasIat: times.hasIat, expMs: times.expMs, iatMs: times.iatMs } });
    if (this.state === 'expired') return;
    this.#emit('refreshed', { claims: payload, expiresAt: this.expiresAt, clockOffsetMs: this.#estimate.offsetMs, source });
  }

  // `restored` (the times of a token given to start): one that has merely
  // expired is still accepted when it verifies at the last instant it was
  // valid -- genuine, and its other claims hold -- and the session starts expired.
  async #verify(token, issuerNowMs, restored) {
    const verify = (atMs) => jwtVerify(token, this.#key, { ...this.#verifyOptions, currentDate: new Date(atMs) });
    try {
      return (await verify(issuerNowMs)).payload;
    } catch (error) {
      if (!(error instanceof JWTExpired) || !restored?.hasExp || restored.expMs > issuerNowMs) throw error;
      return (await verify(restored.expMs - 1)).payload;
    }
  }

  // Newer than the current token and not yet due for refresh (unverified: adoption verifies).
  #isFresher(token) {
    const { times, state } = evaluateExpiry(token, { nowMs: this.#clock.now(), clockOffsetMs: this.#estimate.offsetMs, policy: this.#policy });
    return (!this.#model.token.hasExp || times.expMs > this.#model.token.expMs) && TOKEN_STATES[state] === 'valid';
  }

  async #adoptFromTab(token) {
    if (this.#endReason || token === this.#token) return;
    try {
      if (!this.#isFresher(token)) return;
      await this.#adopt(token, 'tab');
    } catch (error) {
      this.#emit('error', { code: classify(error).code, error, attempt: 0, nextRetryAt: null, fatal: false });
    }
  }

  #finish(reason, code) {
    this.#endReason = reason;
    this.#cancelTimer();
    this.#stopWake();
    this.#tabs?.close();
    this.#token = undefined;
    this.#emit('ended', { reason, code });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail }));
  }
}
