// The session's refresh flow: one refresh at a time, shared by every caller;
// at most one tab refreshing at a time (js/tab-coordination.js); the refresh
// call itself (js/refresh-call.js); and which token answers a refresh that
// another tab may already have answered. The session adopts tokens and
// reports failures; the core's state machine is told when a refresh starts.
import { callRefresh } from './refresh-call.js';

export class RefreshFlow {
  #options;
  #current;
  #schedule;
  #tabs;
  #adopt;
  #onFailed;
  #inFlight;

  /**
   * @param {object} parts
   * @param {object} parts.options  the session's (refresh, clock, refreshTimeoutMs)
   * @param {import('./session-token.js').CurrentToken} parts.current
   * @param {import('./session-schedule.js').SessionSchedule} parts.schedule
   * @param {{ exclusive: Function, announce: Function, lastAnnounced?: string }} parts.tabs
   * @param {(token: string, source: string, readings?: object) => Promise<void>} parts.adopt  verifies and adopts
   * @param {(error: unknown) => void} parts.onFailed  a refresh failed (before its promise rejects)
   */
  constructor({ options, current, schedule, tabs, adopt, onFailed }) {
    this.#options = options;
    this.#current = current;
    this.#schedule = schedule;
    this.#tabs = tabs;
    this.#adopt = adopt;
    this.#onFailed = onFailed;
  }

  /** The refresh in flight, or undefined. */
  get inFlight() {
    return this.#inFlight;
  }

  /**
   * A caller needs a token: shares the refresh in flight, or starts one when
   * the state machine says so; resolves to the token. `forced` (refreshNow)
   * wants a token issued after the call, never one another tab delivered before.
   */
  demand(forced) {
    if (this.#inFlight) return this.#inFlight;
    if (this.#schedule.step('demand').action !== 'refresh') return Promise.resolve(this.#current.token);
    return this.start(forced);
  }

  /** Starts a refresh the state machine asked for; resolves to the new token. */
  start(forced) {
    this.#schedule.step('refresh_started');
    const tokenBefore = this.#current.token;
    this.#inFlight = (async () => {
      try {
        const run = () => this.#refreshOnce(tokenBefore, forced);
        const { accessToken } = await this.#tabs.exclusive(run, { timeoutMs: this.#options.refreshTimeoutMs });
        if (accessToken !== this.#current.token) await this.#adopt(accessToken, 'tab');
        return accessToken;
      } catch (error) {
        this.#onFailed(error);
        throw error;
      } finally {
        this.#inFlight = undefined;
      }
    })();
    return this.#inFlight;
  }

  // Inside the cross-tab lock. Unless forced, a token another tab delivered
  // meanwhile (adopted, or still being verified when this tab's timer fired)
  // answers. A refreshed token is verified and announced before the lock is
  // released, so a waiting tab finds it instead of refreshing again.
  async #refreshOnce(tokenBefore, forced) {
    const delivered = forced ? undefined : this.#deliveredSince(tokenBefore);
    if (delivered) return { accessToken: delivered, source: 'tab' };
    const { refresh, clock, refreshTimeoutMs } = this.#options;
    const { accessToken, ...readings } = await callRefresh(refresh, { clock, timeoutMs: refreshTimeoutMs });
    await this.#adopt(accessToken, 'refresh', { ...readings, fresh: true });
    this.#tabs.announce(accessToken);
    return { accessToken, source: 'refresh' };
  }

  #deliveredSince(tokenBefore) {
    const current = this.#current.token;
    if (current && current !== tokenBefore && this.#current.state() === 'valid') return current;
    const announced = this.#tabs.lastAnnounced;
    if (announced && announced !== tokenBefore && this.#current.mayReplace(this.#current.read(announced))) return announced;
    return undefined;
  }
}
