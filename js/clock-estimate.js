// The session's estimate of the issuer's clock (issuer minus local, in ms).
// The policy lives in the core (wasm/core/clock_skew.cpp): the estimate starts
// at zero and moves only into the interval a fresh reading allows. This module
// decides what counts as a reading: the iat of a token a refresh call just
// returned and a server Date header, each bounded by the call's start and end.
// A token restored by the application, or relayed by another tab, is never a
// reading: it may be hours old and says nothing about the issuer's clock now.
import { clockEvidence } from './transfer.js';

function dateMs(serverDate) {
  const ms = new Date(serverDate).getTime();
  return Number.isFinite(ms) ? ms : undefined;
}

export class ClockEstimate {
  #estimate = { hasEstimate: false, offsetMs: 0 };

  get offsetMs() {
    return this.#estimate.offsetMs;
  }

  /**
   * The estimate after readings taken during a call from `startedMs` to
   * `endedMs` (local); not applied until `commit`. The Date header goes last:
   * it always describes now, while an issuer may hand out a cached token.
   */
  withReadings({ iatMs, serverDate, startedMs, endedMs }) {
    let next = this.#estimate;
    // The core moves the estimate into [issuer - end, issuer + 1 s - start].
    for (const issuerMs of [iatMs, serverDate === undefined ? undefined : dateMs(serverDate)]) {
      if (issuerMs !== undefined) next = clockEvidence(next, issuerMs, startedMs, endedMs);
    }
    return next;
  }

  commit(estimate) {
    this.#estimate = estimate;
  }
}
