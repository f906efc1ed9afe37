// The SPA's controller: the session's life cycle (sign-in, resume from the
// refresh cookie, sign-out, revocation, simulated skew), the actions behind
// the dashboard's buttons, and hash routing between the views.
import * as api from './api.js';
import { createDemoSession, watchRevocations } from './demo-session.js';
import { dashboardView } from './dashboard-view.js';
import { replace } from './dom.js';
import { clockTime, json } from './format.js';
import { inspectorView } from './inspector-view.js';
import { loginView } from './login-view.js';
import { Timeline } from './timeline.js';

export class App {
  session;
  token;
  skewMs = 0;
  timeline = new Timeline();
  #root;
  #view;
  #message;
  #stopEvents = () => {};

  constructor(root) {
    this.#root = root;
  }

  /** The (possibly simulated) local clock the session runs on. */
  now() {
    return Date.now() + this.skewMs;
  }

  async boot() {
    addEventListener('hashchange', () => this.render());
    // A refresh cookie from an earlier visit (or another tab) resumes the session.
    if (await api.sessionExists()) await this.#begin().catch(() => {});
    this.render();
  }

  render() {
    this.#view?.dispose();
    if (location.hash === '#/inspector') this.#view = inspectorView({ initialToken: this.token ?? '' });
    else if (this.session) this.#view = dashboardView(this);
    else this.#view = { element: loginView({ onLogin: (u, p) => this.login(u, p), message: this.#message }), dispose: () => {} };
    replace(this.#root, this.#view.element);
    document.body.dataset.view = location.hash === '#/inspector' ? 'inspector' : this.session ? 'dashboard' : 'login';
  }

  async login(username, password) {
    const response = await api.login(username, password);
    if (!response.ok) throw new Error(response.data?.message ?? 'Sign-in failed');
    this.#message = undefined;
    await this.#begin(response.data.access_token);
    this.timeline.add('login', `signed in as ${username}`);
    this.render();
  }

  async #begin(token) {
    const session = createDemoSession({ skewMs: this.skewMs });
    this.#wire(session);
    await session.start(token);
    this.session = session;
    this.token = await session.getToken();
    this.#stopEvents();
    this.#stopEvents = watchRevocations(({ reason }) => {
      this.timeline.add('revoked', `the server revoked this session (${reason})`);
      this.session?.end('revoked', reason);
    });
  }

  #wire(session) {
    const current = () => session === this.session;
    session.addEventListener('refreshed', async ({ detail }) => {
      if (!current()) return;
      this.token = await session.getToken();
      this.timeline.add('refreshed', `new token via ${detail.source}, expires ${clockTime(detail.expiresAt)}`);
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
      this.#message = detail.reason === 'stopped' ? 'Signed out.' : `Your session ended (${detail.code ?? detail.reason}). Please sign in again.`;
      this.render();
    });
  }

  async callApi(which, output) {
    const response = await api[which](await this.session.getToken());
    output.textContent = `${response.status}\n${json(response.data)}`;
    this.timeline.add('api', `GET /api/${which} → ${response.status}`);
  }

  async refreshNow() {
    await this.session.refreshNow().catch(() => {});
  }

  async rotateKey() {
    const response = await api.rotateKey(await this.session.getToken());
    this.timeline.add('key', response.ok ? `server key rotated to ${response.data.kid}` : `rotation failed (${response.status})`);
  }

  async revokeAll() {
    const response = await api.revokeAll(await this.session.getToken());
    this.timeline.add('revoked', `revoked ${response.data?.revoked_sessions ?? 0} session(s)`);
    this.session?.end('revoked', 'admin_revoke');
  }

  // Stopped here first: the backend then pushes "revoked (logout)" to every
  // tab, and this one has already ended as "stopped".
  async logout() {
    this.session?.stop();
    await api.logout();
  }

  /** Restarts the session on a local clock that is off by `skewMs`; the session must estimate it. */
  async setSkew(skewMs) {
    const previous = this.session;
    const token = this.token;
    this.skewMs = skewMs;
    this.session = undefined;
    previous?.stop();
    await this.#begin(token).catch(() => this.#begin());
    this.timeline.add('skew', `local clock now ${skewMs / 1000} s off; estimate ${this.session.clockOffsetMs} ms`);
    this.render();
  }
}
