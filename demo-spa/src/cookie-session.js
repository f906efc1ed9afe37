// Session mode's stand-in for a TokenSession: the page holds no credential
// (the session id is an HttpOnly cookie the browser sends by itself), only
// what the server said about the session: who, and when it idles out or
// ends. It speaks the part of TokenSession's interface the app uses, so the
// views and the life cycle are the same in both modes.
export class CookieSession extends EventTarget {
  state = 'active';

  /** `info`: the server's `{ sub, idle_timeout, idle_until, expires_at }` (times in ms). */
  constructor(info) {
    super();
    this.claims = { sub: info.sub };
    this.idleTimeoutSeconds = info.idle_timeout;
    this.update(info);
  }

  /** Takes a later `{ idle_until?, expires_at? }` from the server (each API call moves the idle timeout on). */
  update({ idle_until: idleUntil, expires_at: expiresAt }) {
    if (typeof idleUntil === 'number') this.idleUntil = new Date(idleUntil);
    if (typeof expiresAt === 'number') this.absoluteEnd = new Date(expiresAt);
  }

  /** No token: API calls carry the cookie. */
  async getToken() {
    return undefined;
  }

  stop() {
    this.end('stopped');
  }

  end(reason, code) {
    if (this.state === 'ended') return;
    this.state = 'ended';
    this.dispatchEvent(new CustomEvent('ended', { detail: { reason, code } }));
  }
}
