// The session's timeline: sign-ins, restores, refreshes, retries, errors,
// revocations and API calls, newest first, announced politely to screen
// readers. It lives as long as the page (never in storage), so it outlasts
// the sessions it tells about. Every time in it is read off one clock, which
// its caption names.
import { h, replace } from './dom.js';
import { clockTime } from './format.js';

export class Timeline {
  #entries = [];
  #clock;
  #caption = h('p', { className: 'hint', id: 'timeline-clock' });
  #list = h('ol', { className: 'timeline', 'aria-live': 'polite', 'aria-label': 'Session timeline' });

  /** `clock()` gives the current time in ms; `describeClock()` names that clock. */
  constructor({ clock = () => Date.now(), describeClock = () => "this tab's clock" } = {}) {
    this.#clock = clock;
    this.describeClock = describeClock;
  }

  get element() {
    this.#caption.textContent = `Times are on ${this.describeClock()}.`;
    return h('div', {}, this.#caption, this.#list);
  }

  get size() {
    return this.#entries.length;
  }

  add(kind, text) {
    this.#entries.unshift({ at: new Date(this.#clock()), kind, text });
    this.#entries.length = Math.min(this.#entries.length, 200);
    this.#caption.textContent = `Times are on ${this.describeClock()}.`;
    replace(this.#list, this.#entries.map((e) => h('li', { className: `entry ${e.kind}`, 'data-kind': e.kind }, h('time', {}, clockTime(e.at)), ' ', h('span', { className: 'kind' }, e.kind), ' ', e.text)));
  }
}
