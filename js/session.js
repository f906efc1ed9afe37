// TokenSession: keeps a verified, unexpired access token. It composes the
// parts and owns the public API and the adoption of new tokens: the core's
// state machine decides everything about timing (js/session-schedule.js), the
// current token and the clock estimate live in js/session-token.js, the
// refresh flow (sharing, cross-tab, timeout) in js/session-refresh.js, the
// options in js/session-options.js, the events' shapes in js/session-events.js.
import { classify, SessionEnded } from './session-errors.js';
import { SessionEvents } from './session-events.js';
import { sessionOptions } from './session-options.js';
import { RefreshFlow } from './session-refresh.js';
import { SessionSchedule } from './session-schedule.js';
import { CurrentToken } from './session-token.js';
import { soloTab, TabCoordinator } from './tab-coordination.js';
import { onWake } from './wake.js';

export { RefreshError, SessionEnded } from './session-errors.js';

export class TokenSession extends EventTarget {
  #options;
  #current;
  #schedule;
  #tabs;
  #refresh;
  #stopWake;
  #endReason;
  #events = new SessionEvents(this);

  /** @param {object} options  what js/session-options.js documents and checks (TypeError) */
  constructor(options) {
    super();
    this.#options = sessionOptions(options);
    const { key, verifyOptions, policy, clock, random, channel, locks } = this.#options;
    this.#current = new CurrentToken({ key, verifyOptions, policy, clock });
    const onSignal = (type) => this.#events.signal(type, this.expiresAt);
    this.#schedule = new SessionSchedule({ clock, random, policy, onWake: () => this.#wake(), onSignal });
    this.#tabs = channel ? new TabCoordinator({ name: channel, locks, clock, onToken: (t) => this.#adoptFromTab(t) }) : soloTab;
    this.#stopWake = onWake(() => this.#wake());
    const adopt = (token, source, readings) => this.#adopt(token, source, readings);
    const onFailed = (error) => this.#failed(error);
    this.#refresh = new RefreshFlow({ options: this.#options, current: this.#current, schedule: this.#schedule, tabs: this.#tabs, adopt, onFailed });
  }

  get state() {
    return this.#schedule.phase;
  }
  get claims() {
    return this.#current.claims;
  }
  get expiresAt() {
    return this.#current.expiresAt;
  }
  get nextRefreshAt() {
    const atMs = this.#schedule.wakeAtMs;
    return atMs === null ? null : new Date(atMs);
  }
  /** Milliseconds the issuer's clock is ahead of this one (negative: behind). */
  get clockOffsetMs() {
    return this.#current.offsetMs;
  }

  /**
   * Starts with `token` (verified before use), or with a refresh when none is
   * given. A genuine token that has expired starts the session `expired`: the
   * first getToken() refreshes. `serverDate`: a server Date header read just
   * now, the only evidence about the issuer's clock a restored token can bring.
   */
  async start(token, { serverDate } = {}) {
    this.#assertOpen();
    if (token === undefined) return void (await this.#refresh.demand(false));
    try {
      const nowMs = this.#options.clock.now();
      await this.#adopt(token, 'start', { serverDate, startedMs: nowMs, endedMs: nowMs });
    } catch (error) {
      this.#events.error(error);
      throw error;
    }
  }

  /** A verified, unexpired token: waits for a refresh in flight, or starts one when expiring or expired. */
  async getToken() {
    this.#assertOpen();
    await this.#refresh.inFlight?.catch(() => {});
    this.#assertOpen();
    if (this.#current.state() === 'valid') return this.#current.token;
    try {
      return await this.#refresh.demand(false);
    } catch (error) {
      // A failed refresh still leaves an expiring-but-valid token usable.
      if (this.#current.token && this.#current.state() !== 'expired') return this.#current.token;
      throw error;
    }
  }

  /**
   * Refreshes now, resolving to a token issued after this call: it shares a
   * refresh already in flight, never takes one another tab delivered before.
   */
  refreshNow() {
    this.#assertOpen();
    return this.#refresh.demand(true);
  }

  /** Ends the session for `reason` (e.g. "revoked" when the backend says so). */
  end(reason = 'revoked', code) {
    if (this.#endReason) return;
    this.#schedule.step('end');
    this.#finish(reason, code);
  }

  stop() {
    this.end('stopped');
  }

  #assertOpen() {
    if (this.#endReason) throw new SessionEnded(`the session has ended (${this.#endReason})`);
  }

  #wake() {
    if (this.#endReason) return;
    if (this.#schedule.step('wake').action === 'refresh') this.#refresh.start(false).catch(() => {});
  }

  #failed(error) {
    if (this.#endReason) return;
    const { code, fatal } = classify(error);
    const step = this.#schedule.step('refresh_failed', { fatal });
    this.#events.error(error, this.#schedule.failures, this.nextRefreshAt);
    if (step.action === 'end') this.#finish(code === 'refresh_token_revoked' ? 'revoked' : 'fatal', code);
  }

  // `times`: when the caller has read them already (one read per token).
  async #adopt(token, source, readings, times = this.#current.read(token).times) {
    const candidate = await this.#current.verify(token, times, { ...readings, restored: source === 'start' });
    if (this.#endReason) return;
    this.#current.commit(candidate);
    this.#schedule.adopted(times, this.#current.offsetMs);
    if (this.state === 'expired') return;
    this.#events.refreshed(candidate.claims, this.expiresAt, this.clockOffsetMs, source);
  }

  async #adoptFromTab(token) {
    if (this.#endReason || token === this.#current.token) return;
    try {
      const read = this.#current.read(token);
      if (this.#current.mayReplace(read)) await this.#adopt(token, 'tab', {}, read.times);
    } catch (error) {
      this.#events.error(error);
    }
  }

  #finish(reason, code) {
    this.#endReason = reason;
    this.#stopWake();
    this.#tabs.close();
    this.#current.forget();
    this.#events.ended(reason, code);
  }
}
