// The session's timeline: refreshes, retries, errors, revocations and API
// calls, newest first, announced politely to screen readers.
import { h, replace } from './dom.js';
import { clockTime } from './format.js';

export class Timeline {
  #entries = [];
  #list = h('ol', { className: 'timeline', 'aria-live': 'polite', 'aria-label': 'Session timeline' });

  get element() {
    return this.#list;
  }

  add(kind, text) {
    this.#entries.unshift({ at: new Date(), kind, text });
    this.#entries.length = Math.min(this.#entries.length, 200);
    replace(this.#list, this.#entries.map((e) => h('li', { className: `entry ${e.kind}`, 'data-kind': e.kind }, h('time', {}, clockTime(e.at)), ' ', h('span', { className: 'kind' }, e.kind), ' ', e.text)));
  }
}
