// The SPA's controller: the session's life cycle in either mode (JWT: a
// TokenSession over the refresh cookie; session: a server-side session
// behind its cookie), from restore, sign-in, sign-out, revocation and
// simulated skew to why it ended; the actions behind the dashboard's buttons
// and what they answered; and hash routing between the views. The timeline,
// the comparison figures, the attack results, the token-life picture and the
// last API answer live here, in memory only, so they outlast views and sessions.
import * as api from './api.js';
import { AttackPanel } from './attacks.js';
import { Comparison } from './comparison.js';
import { CookieSession } from './cookie-session.js';
import { createDemoSession, watchRevocations } from './demo-session.js';
import { dashboardView } from './dashboard-view.js';
import { h, replace } from './dom.js';
import { clockTime, describeOffset, duration } from './format.js';
import { inspectorView } from './inspector-view.js';
import { loginView } from './login-view.js';
import { endMessage } from './session-end.js';
import { Timeline } from './timeline.js';
import { TokenLife } from './token-life.js';

// Revocation probes stop after this long past the held token's expiry (JWT
// without deny-list) or after this long in all (the other two cases).
const PROBE_MARGIN_MS = 15_000;
const HELD_TOKENS = 10;

const staticView = (element) => ({ element, dispose: () => {} });

export class App {
  session;
  token;
  skewMs = 0;
  /** 'jwt' or 'session': the model of the current (or last) session. */
  mode = 'jwt';
  /** Whether the backend checks its deny-list on API calls (a demo switch). */
  denyList = true;
  /** The access tokens this tab held, oldest first, `{ token, expMs }`: the expired-token attack uses them. */
  heldTokens = [];
  comparison = new Comparison();
  tokenLife = new TokenLife();
  attacks = new AttackPanel(this);
  /** The last API answer, `{ tone, text }`, shown again when the dashboard comes back. */
  apiResult;
  timeline = new Timeline({ clock: () => this.now(), describeClock: () => this.#describeClock() });
  #root;
  #view;
  #restoring = false;
  #endNotice;
  #revokingHere = false;
  #pushMs;
  #stopEvents = () => {};

  constructor(root) {
    this.#root = root;
  }

  /** The (possibly simulated) local clock the session and the timeline run on. */
  now() {
    return Date.now() + this.skewMs;
  }

  #describeClock() {
    if (this.skewMs === 0) return "this tab's clock";
    return `this tab's simulated clock, set ${duration(this.skewMs)} ${this.skewMs > 0 ? 'fast' : 'slow'}`;
  }

  async boot() {
    addEventListener('hashchange', () => this.render());
    this.#restoring = true;
    this.render();
    // A cookie from an earlier visit (or another tab) resumes the session.
    try {
      const found = await api.currentSession();
      if (found.active && found.mode === 'session') {
        this.timeline.add('restored', 'session restored from the session cookie (a page load starts a new timeline; none is kept in storage)');
        this.#beginCookieSession(found);
      } else if (found.active) {
        this.timeline.add('restored', 'session restored from the refresh cookie (a page load starts a new timeline; none is kept in storage)');
        await this.#begin();
      }
    } catch (error) {
      this.#endNotice = { tone: 'warning', text: `Your session could not be restored (${error.code ?? error.message}); please sign in again.` };
    }
    this.#restoring = false;
    this.render();
  }

  #viewName() {
    if (location.hash === '#/inspector') return 'inspector';
    if (this.#restoring) return 'restoring';
    return this.session ? 'dashboard' : 'login';
  }

  render() {
    this.#view?.dispose();
    const name = this.#viewName();
    if (name === 'inspector') this.#view = inspectorView({ initialToken: this.token ?? '' });
    else if (name === 'restoring') this.#view = staticView(h('section', { className: 'card login-card', id: 'restoring', role: 'status' }, 'Restoring your session…'));
    else if (name === 'dashboard') this.#view = dashboardView(this);
    else this.#view = staticView(loginView({ onLogin: (u, p, m) => this.login(u, p, m), notice: this.#endNotice, app: this }));
    replace(this.#root, this.#view.element);
    this.attacks.update();
    document.body.dataset.view = name;
    document.body.dataset.mode = this.mode;
  }

  /** Signs in in `mode`; a refusal throws an Error with the API's `status` and `retryAfter` (seconds, on 429). */
  async login(username, password, mode = 'jwt') {
    const response = await api.login(username, password, mode);
    if (!response.ok) {
      throw Object.assign(new Error(response.data?.message ?? 'Sign-in failed'), { status: response.status, retryAfter: Number(response.retryAfter) || undefined });
    }
    this.#endNotice = undefined;
    this.timeline.add('login', `signed in as ${username} (${mode === 'session' ? 'session cookie' : 'JWT'})`);
    if (mode === 'session') this.#beginCookieSession(response.data);
    else await this.#begin(response.data.access_token);
    this.render();
  }

  #beginCookieSession(info) {
    const session = new CookieSession(info);
    this.mode = 'session';
    this.#wire(session);
    this.session = session;
    this.token = undefined;
    this.#watchEvents();
  }

  #watchEvents() {
    this.#stopEvents();
    this.#stopEvents = watchRevocations(({ reason, at }) => {
      this.#pushMs = typeof at === 'number' ? Math.max(0, Date.now() - at) : undefined;
      this.session?.end('revoked', this.#revokingHere ? 'admin_revoke_here' : reason);
    });
  }

  async #begin(token) {
    this.mode = 'jwt';
    const session = createDemoSession({ skewMs: this.skewMs });
    this.#wire(session);
    // Current before it starts, so the timeline hears of its first token.
    this.session = session;
    try {
      await session.start(token);
    } catch (error) {
      if (this.session === session) this.session = undefined;
      session.stop();
      throw error;
    }
    this.token = await session.getToken();
    this.#watchEvents();
    this.denyList = (await api.denyList(this.token)).data?.enabled ?? this.denyList;
  }

  #wire(session) {
    const current = () => session === this.session;
    let lastJti;
    session.addEventListener('refreshed', async ({ detail }) => {
      if (!current()) return;
      this.token = await session.getToken();
      if (this.token && this.heldTokens.at(-1)?.token !== this.token && detail.claims?.exp) {
        this.heldTokens.push({ token: this.token, expMs: detail.claims.exp * 1000 });
        this.heldTokens.splice(0, this.heldTokens.length - HELD_TOKENS);
      }
      this.tokenLife.add(detail.claims, detail.source);
      // One entry per token, however often it is announced (issue 18 saw a tab's adoption listed twice after a key rotation).
      if (detail.claims?.jti === lastJti) return;
      lastJti = detail.claims?.jti;
      this.timeline.add('refreshed', `new token ${lastJti?.slice(0, 8) ?? ''}… via ${detail.source}, expires ${clockTime(detail.expiresAt)}`);
    });
    session.addEventListener('expiring', () => current() && this.timeline.add('expiring', 'the refresh window opened'));
    session.addEventListener('expired', () => current() && this.timeline.add('expired', 'the access token expired'));
    session.addEventListener('error', ({ detail }) => {
      if (!current()) return;
      const retry = detail.nextRetryAt ? `, retry at ${clockTime(detail.nextRetryAt)}` : '';
      this.timeline.add('error', `${detail.code}${detail.fatal ? ' (fatal)' : ''}, attempt ${detail.attempt}${retry}`);
    });
    session.addEventListener('ended', ({ detail }) => {
      if (!current()) return;
      this.#stopEvents();
      this.session = undefined;
      this.token = undefined;
      this.#revokingHere = false;
      this.#endNotice = endMessage(detail, this.#pushMs);
      this.#pushMs = undefined;
      this.timeline.add(this.#endNotice.tone === 'neutral' ? 'signed-out' : 'revoked', this.#endNotice.text);
      this.render();
    });
  }

  /** Calls the API with the session's token (or, if no fresh one can be had, the last one) and keeps what came back. */
  async callApi(which) {
    const path = `GET /api/${which}`;
    try {
      // A session whose refreshes keep failing would hold the call until its retries end:
      // it goes out with the token held, so the server's answer shows.
      const token = ['retrying', 'expired'].includes(this.session.state) ? this.token : await this.session.getToken().catch(() => this.token);
      const response = await api[which](token);
      this.comparison.recordRequest(this.mode, response.figures);
      if (this.mode === 'session' && response.sessionIdleUntil) this.session?.update({ idle_until: response.sessionIdleUntil });
      const challenge = response.challenge ? `WWW-Authenticate: ${response.challenge}\n` : '';
      this.apiResult = {
        tone: response.ok ? 'ok' : 'error',
        text: `${response.status} ${response.statusText}\n${challenge}${JSON.stringify(response.data, null, 2)}`,
      };
      this.timeline.add('api', `${path} → ${response.status}`);
    } catch (error) {
      this.apiResult = { tone: 'error', text: `Network error: the server could not be reached (${error.message}).` };
      this.timeline.add('api', `${path} → network error`);
    }
    return this.apiResult;
  }

  async refreshNow() {
    await this.session.refreshNow().catch(() => {});
  }

  async rotateKey() {
    const response = await api.rotateKey(await this.session.getToken());
    this.timeline.add('key', response.ok ? `server key rotated to ${response.data.kid}` : `rotation failed (${response.status})`);
  }

  /**
   * Revokes every session of the user, then measures how soon the credential
   * this tab held is refused (comparison.js): the session cookie, or the
   * access token (with the deny-list checked or not).
   */
  async revokeAll() {
    this.#revokingHere = true;
    const token = await this.session.getToken();
    const kind = this.mode === 'session' ? 'session' : this.denyList ? 'jwt-deny-list' : 'jwt-no-deny-list';
    const remainingMs = this.mode === 'jwt' ? this.session.expiresAt.getTime() - this.now() : undefined;
    const startedAt = performance.now();
    const response = await api.revokeAll(token);
    this.timeline.add('revoked', `revoked ${response.data?.revoked_sessions ?? 0} session(s)`);
    this.session?.end('revoked', 'admin_revoke_here');
    const limitMs = (kind === 'jwt-no-deny-list' ? remainingMs : 0) + PROBE_MARGIN_MS;
    const entry = await this.comparison.measureRevocation(kind, { probe: async () => (await api.me(token)).status, startedAt, remainingMs, limitMs });
    const result = entry.latencyMs === undefined ? 'still accepted when the probe gave up' : `refused after ${Math.round(entry.latencyMs)} ms`;
    this.timeline.add('revoked', `the credential held before "revoke all" (${kind}): ${result}`);
  }

  /** Turns the backend's deny-list checks on or off (a demo switch). */
  async setDenyList(enabled) {
    const response = await api.setDenyList(await this.session.getToken(), enabled);
    if (response.ok) this.denyList = response.data.enabled;
    this.timeline.add('deny-list', response.ok ? `the API ${this.denyList ? 'checks' : 'no longer checks'} the deny-list` : `switch failed (${response.status})`);
  }

  // Stopped here first: the backend then pushes "revoked (logout)" to every
  // tab, and this one has already ended as "stopped".
  async logout() {
    this.session?.stop();
    await api.logout();
  }

  /** Restarts the session, from a fresh refresh, on a local clock off by `skewMs`; the session must estimate it. */
  async setSkew(skewMs) {
    const previous = this.session;
    this.skewMs = skewMs;
    this.session = undefined;
    previous?.stop();
    try {
      await this.#begin();
      this.timeline.add('skew', `clock skew set; after a fresh refresh, ${describeOffset(this.session.clockOffsetMs)}`);
    } catch (error) {
      this.#endNotice = { tone: 'warning', text: `The session could not restart on the new clock (${error.code ?? error.message}); please sign in again.` };
    }
    this.render();
  }
}
