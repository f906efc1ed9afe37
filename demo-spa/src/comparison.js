// The comparison panel: the articles' claims, shown with figures measured on
// this page's own requests, for the mode in use and the last figures of the
// other. Per API call the backend reports the credential bytes it received,
// its store lookups and its time (api.js reads them off the response).
// Revocation latency is measured here: from sending "revoke all" to the
// first refused API call with the credential the tab held, probed every
// PROBE_INTERVAL_MS. Kept in memory for the page's life, like the timeline.
import { h, replace } from './dom.js';

const PROBE_INTERVAL_MS = 100;
const MODES = [['session', 'Session cookie'], ['jwt', 'JWT']];

const REQUEST_FIGURES = [
  {
    key: 'credentialBytes', label: 'Credential bytes per API request', unit: (v) => `${v} B`,
    claim: 'Size: a JWT carries its claims and signature on every request; a session cookie carries only a random id.',
  },
  {
    key: 'lookups', label: 'Store lookups per request', unit: (v) => String(v),
    claim: 'Lookups: a session is read from the store on every request; a JWT verifies with the key alone, until a deny-list brings the lookup back.',
  },
  {
    key: 'serverMs', label: 'Server time per request', unit: (v) => `${v.toFixed(2)} ms`,
    claim: 'Cost: a signature check against a store round trip (here an in-process map, or Redis when configured).',
  },
];

export const REVOCATION_CASES = [
  ['session', 'Session cookie', 'Revocation: deleting the record ends a session at its very next request.'],
  ['jwt-deny-list', 'JWT + deny-list', 'A deny-list revokes JWTs at once, at the price of a lookup on every request.'],
  ['jwt-no-deny-list', 'JWT, no deny-list', 'Without server state a revoked JWT keeps working until it expires (plus the verifier\'s clock tolerance): the window the articles warn of.'],
];

const calls = (count) => `${count} call${count === 1 ? '' : 's'}`;
const seconds = (ms) => `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;

export class Comparison {
  #requests = new Map(); // mode → { figures, count }
  #revocations = new Map(); // case → { measuring, startedAt, latencyMs?, remainingMs?, gaveUpMs? }
  #ticker;
  element = h('section', { className: 'card wide comparison', id: 'comparison', 'aria-label': 'Sessions and JWTs compared' });

  constructor() {
    this.#render();
  }

  /** Keeps the figures the backend reported for an API call made in `mode`. */
  recordRequest(mode, figures) {
    if (figures.credentialBytes === undefined) return;
    const count = (this.#requests.get(mode)?.count ?? 0) + 1;
    this.#requests.set(mode, { figures, count });
    this.#render();
  }

  /**
   * Probes with `probe()` (an API call with the credential the tab held,
   * resolving to its HTTP status) until it is refused or `limitMs` has passed.
   * `startedAt`: performance.now() when "revoke all" was sent; `remainingMs`:
   * the held access token's remaining lifetime then (JWT modes).
   */
  async measureRevocation(kind, { probe, startedAt, remainingMs, limitMs }) {
    const entry = { measuring: true, startedAt, remainingMs };
    this.#revocations.set(kind, entry);
    this.#ticker ??= setInterval(() => this.#render(), 250);
    for (;;) {
      const status = await probe().catch(() => 0);
      const elapsed = performance.now() - startedAt;
      if (status === 401 || status === 403) {
        entry.latencyMs = elapsed;
        break;
      }
      if (elapsed > limitMs) {
        entry.gaveUpMs = elapsed;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, PROBE_INTERVAL_MS));
    }
    entry.measuring = false;
    if (![...this.#revocations.values()].some((e) => e.measuring)) {
      clearInterval(this.#ticker);
      this.#ticker = undefined;
    }
    this.#render();
    return entry;
  }

  #requestRows() {
    return REQUEST_FIGURES.map(({ key, label, unit, claim }) => h('tr', {},
      h('th', { scope: 'row' }, label, h('p', { className: 'claim' }, claim)),
      MODES.map(([mode]) => {
        const value = this.#requests.get(mode)?.figures[key];
        return h('td', { id: `figure-${mode}-${key}`, 'data-value': value === undefined ? undefined : String(value) }, value === undefined ? '—' : unit(value));
      })));
  }

  #revocationText(entry) {
    if (!entry) return 'not measured yet: sign in in this mode and press "Revoke all my sessions"';
    const left = entry.remainingMs === undefined ? '' : ` (the token had ${seconds(Math.max(0, entry.remainingMs))} left)`;
    if (entry.measuring) return `measuring: the held credential is still accepted after ${seconds(performance.now() - entry.startedAt)}${left}`;
    if (entry.latencyMs !== undefined) return `refused ${seconds(entry.latencyMs)} after "revoke all"${left}`;
    return `still accepted after ${seconds(entry.gaveUpMs)}; the probe gave up${left}`;
  }

  #render() {
    replace(this.element,
      h('h2', {}, 'Sessions and JWTs compared, measured on this page'),
      h('p', { className: 'hint' }, 'Per API call the backend reports what it received and did; "Call GET /api/me" in each mode to fill both columns.'),
      h('table', { className: 'figures' },
        h('thead', {}, h('tr', {}, h('th', {}, ''), MODES.map(([mode, label]) => h('th', { scope: 'col' }, label, ' ', h('span', { className: 'hint' }, this.#requests.has(mode) ? `(${calls(this.#requests.get(mode).count)})` : ''))))),
        h('tbody', {}, this.#requestRows())),
      h('h3', {}, 'Revocation latency: from "revoke all" to the first refused call with the credential held'),
      h('dl', { className: 'revocations' }, REVOCATION_CASES.map(([kind, label, claim]) => {
        const entry = this.#revocations.get(kind);
        return h('div', { className: 'row' },
          h('dt', {}, label),
          h('dd', {
            id: `revocation-${kind}`,
            'data-state': entry ? (entry.measuring ? 'measuring' : 'done') : 'none',
            'data-latency-ms': entry?.latencyMs === undefined ? undefined : String(Math.round(entry.latencyMs)),
            'data-remaining-ms': entry?.remainingMs === undefined ? undefined : String(Math.round(entry.remainingMs)),
          }, this.#revocationText(entry), h('p', { className: 'claim' }, claim)));
      })));
  }
}
