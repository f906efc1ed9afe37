// The session's side of the core's scheduling state machine
// (wasm/core/schedule.cpp), which makes every decision: when to refresh, how
// to back off, what a late timer or a wake-up means, when to signal
// "expiring" and "expired". This module keeps the machine's state between
// steps, feeds each step the time and a jitter draw, and keeps one timer
// armed for the next wake-up the machine asks for.
import { at } from './timers.js';
import { initialSession, sessionStep } from './transfer.js';

const NO_TOKEN = Object.freeze({ hasExp: false, hasIat: false, expMs: 0, iatMs: 0 });

export class SessionSchedule {
  #clock;
  #random;
  #policy;
  #onWake;
  #onSignal;
  #state;
  #phase;
  #cancelTimer = () => {};

  /**
   * @param {object} parts
   * @param {{ now(): number, setTimeout: Function, clearTimeout: Function }} parts.clock
   * @param {() => number} parts.random  uniform [0,1), for the machine's jitter
   * @param {object} parts.policy  the refresh policy (js/session-options.js)
   * @param {() => void} parts.onWake  the armed timer fired
   * @param {(type: 'expiring' | 'expired') => void} parts.onSignal  a step signalled the token's state
   */
  constructor({ clock, random, policy, onWake, onSignal }) {
    this.#clock = clock;
    this.#random = random;
    this.#policy = policy;
    this.#onWake = onWake;
    this.#onSignal = onSignal;
    ({ state: this.#state, phase: this.#phase } = initialSession());
  }

  /** The phase's name (SessionPhase in js/core-constants.js). */
  get phase() {
    return this.#phase;
  }

  /** Local time of the next scheduled step (refresh or retry), or null. */
  get wakeAtMs() {
    return this.#state.wakeAtMs >= 0 ? this.#state.wakeAtMs : null;
  }

  /** Failed refreshes since the last adopted token. */
  get failures() {
    return this.#state.failures;
  }

  /**
   * One step for event `kind` (a SessionEvent name) now: signals what the
   * core signalled, re-arms the timer, and returns the step (`action`: a
   * SessionAction name).
   */
  step(kind, { fatal = false, token = NO_TOKEN } = {}) {
    const step = sessionStep(this.#state, { kind, nowMs: this.#clock.now(), jitter: this.#random(), fatal, token }, this.#policy);
    this.#state = step.state;
    this.#phase = step.phase;
    if (step.signalExpiring) this.#onSignal('expiring');
    if (step.signalExpired) this.#onSignal('expired');
    this.#arm();
    return step;
  }

  /** The step for a verified token with `times`, judged on a clock `clockOffsetMs` from the local one. */
  adopted({ hasExp, hasIat, expMs, iatMs }, clockOffsetMs) {
    this.#state = { ...this.#state, clockOffsetMs };
    return this.step('adopted', { token: { hasExp, hasIat, expMs, iatMs } });
  }

  // An ended machine asks for no wake-up, so ending also disarms the timer.
  #arm() {
    this.#cancelTimer();
    this.#cancelTimer = this.#state.wakeAtMs >= 0 ? at(this.#clock, this.#state.wakeAtMs, this.#onWake) : () => {};
  }
}
