// The picture of a token's life: for each access token this tab held (the
// last MAX_BARS), a bar from iat to exp on the issuer's clock with its
// refresh window shaded, and two lines moving live: the issuer's time (this
// tab's clock corrected by the skew estimate) and this tab's own "now". Each
// token adds a bar under the last, on one shared time axis, so rotation,
// early refresh and a token adopted from another tab read at a glance.
// Plain SVG tracks (shapes only, so they stretch to any width) with HTML
// labels, styled by classes (the CSP allows no inline styles).
import { h, replace } from './dom.js';

const SVG = 'http://www.w3.org/2000/svg';
const MAX_BARS = 5;
const SCALE = 1000; // each track's viewBox width
const SOURCES = { start: 'sign-in', refresh: 'refresh', tab: 'other tab' };

function svg(tag, attributes = {}) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  return element;
}

export class TokenLife {
  #bars = []; // { jti, iatMs, expMs, refreshAtMs, source }, oldest first
  #rows = h('div', { className: 'rows', id: 'token-life', role: 'img', 'aria-label': 'The life of each access token this tab held' });
  element = h('div', { className: 'token-life' }, this.#rows,
    h('p', { className: 'hint legend' },
      'Each bar: a token from iat to exp on the issuer\'s clock, labelled with its jti and how it came (sign-in or restore, refresh, or adopted from another tab); amber: its refresh window (from the scheduled refresh to exp). ',
      h('span', { className: 'key issuer-now' }, 'Solid green line: the issuer\'s time'), ' (this tab\'s clock corrected by the skew estimate); ',
      h('span', { className: 'key local-now' }, 'dashed red line: this tab\'s own clock'), ' (at an edge when it is off the axis).'));

  /** A token the session adopted: its claims and how it came (TokenSession's `source`). */
  add(claims, source) {
    if (typeof claims?.iat !== 'number' || typeof claims.exp !== 'number') return;
    if (this.#bars.at(-1)?.jti === claims.jti) return;
    this.#bars.push({ jti: claims.jti ?? '', iatMs: claims.iat * 1000, expMs: claims.exp * 1000, refreshAtMs: undefined, source });
    this.#bars.splice(0, this.#bars.length - MAX_BARS);
  }

  /** Redraws with the tab's clock `nowMs`, the skew estimate, and the current token's scheduled refresh (tab clock). */
  draw({ nowMs, clockOffsetMs, nextRefreshAt }) {
    const current = this.#bars.at(-1);
    if (current && nextRefreshAt) current.refreshAtMs = nextRefreshAt.getTime() + clockOffsetMs;
    const issuerNow = nowMs + clockOffsetMs;
    const from = Math.min(...this.#bars.map((bar) => bar.iatMs), issuerNow);
    const to = Math.max(...this.#bars.map((bar) => bar.expMs), issuerNow) + 1000;
    const x = (ms) => ((Math.min(Math.max(ms, from), to) - from) / (to - from)) * SCALE;
    const rect = (fromMs, toMs, className) => svg('rect', { x: x(fromMs), y: 3, width: Math.max(1, x(toMs) - x(fromMs)), height: 14, class: className });
    const line = (ms, className) => svg('line', { x1: x(ms), x2: x(ms), y1: 0, y2: 20, class: `mark ${className}`, 'vector-effect': 'non-scaling-stroke' });
    this.#rows.dataset.bars = String(this.#bars.length);
    replace(this.#rows, this.#bars.map((bar) => {
      const state = bar === current ? (issuerNow < bar.expMs ? 'current' : 'expired') : 'past';
      const track = svg('svg', { viewBox: `0 0 ${SCALE} 20`, preserveAspectRatio: 'none', 'aria-hidden': 'true' });
      track.append(rect(bar.iatMs, bar.expMs, 'life'));
      if (bar.refreshAtMs !== undefined && bar.refreshAtMs < bar.expMs) track.append(rect(bar.refreshAtMs, bar.expMs, 'refresh-window'));
      track.append(line(issuerNow, 'issuer-now'), line(nowMs, 'local-now'));
      return h('div', { className: `bar ${state}`, 'data-jti': bar.jti },
        h('span', { className: 'label' }, `${bar.jti.slice(0, 6)}… ${SOURCES[bar.source] ?? bar.source}`), track);
    }));
  }
}
