// Many tabs, one refresh. With rotating refresh tokens, two tabs refreshing at
// once revoke the whole family (the best-known failure of oidc-client-ts and
// auth0-spa-js), so exactly one tab refreshes and the others adopt its token
// over a BroadcastChannel. The refresh runs under a Web Lock where
// navigator.locks exists (released when the holder settles, times out or its
// tab closes); elsewhere a short BroadcastChannel election picks one tab, and
// a follower that hears nothing within the timeout refreshes itself, so a
// failed, hung or closed leader never blocks the others. Tokens travel only
// over the same-origin channel; nothing is written to storage. The channel
// itself does not keep Node alive; the timers of an election someone awaits do.
const ELECTION_MS = 60;
// A tab that waited for the lock gives the holder's announcement this long to
// arrive (the lock can be granted before the channel delivers the token).
const ANNOUNCE_GRACE_MS = 250;

export class TabCoordinator {
  #name;
  #channel;
  #locks;
  #clock;
  #id = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
  #claims = new Map();
  #waiters = new Set();
  #tokensSeen = 0;
  #lastToken;

  constructor({ name, onToken, locks = globalThis.navigator?.locks, clock }) {
    this.#name = name;
    this.#locks = locks;
    this.#clock = clock;
    this.#channel = new BroadcastChannel(name);
    this.#channel.onmessage = ({ data }) => {
      if (data?.type === 'claim') this.#claims.set(data.id, data.at);
      if (data?.type === 'token' && typeof data.token === 'string') {
        this.#tokensSeen++;
        this.#lastToken = data.token;
        for (const resolve of this.#waiters) resolve(data.token);
        this.#waiters.clear();
        onToken(data.token);
      }
    };
    this.#channel.unref?.();
  }

  /**
   * Runs `refresh` in at most one tab at a time. Resolves to its result, or to
   * `{ accessToken, source: 'tab' }` when another tab's refresh answered first.
   */
  async exclusive(refresh, { timeoutMs }) {
    if (this.#locks) return this.#underLock(refresh);
    if (await this.#electedLeader()) return refresh();
    return (await this.#tokenFromLeader(timeoutMs)) ?? refresh();
  }

  // Free lock: refresh. Held lock: wait for it, then use the holder's token
  // if it announced one, else refresh (the holder failed or closed).
  #underLock(refresh) {
    const lock = `${this.#name}:refresh`;
    const seen = this.#tokensSeen;
    return this.#locks.request(lock, { ifAvailable: true }, (granted) => {
      if (granted) return refresh();
      return this.#locks.request(lock, async () => {
        if (this.#tokensSeen > seen) return { accessToken: this.#lastToken, source: 'tab' };
        return (await this.#tokenFromLeader(ANNOUNCE_GRACE_MS)) ?? refresh();
      });
    });
  }

  /** The newest token another tab announced, whether or not this tab has adopted it yet. */
  get lastAnnounced() {
    return this.#lastToken;
  }

  announce(token) {
    this.#channel.postMessage({ type: 'token', token });
  }

  close() {
    for (const resolve of this.#waiters) resolve(undefined);
    this.#waiters.clear();
    this.#channel.close();
  }

  // Every contender announces itself; after a short window the smallest id
  // among recent claims leads. Claims are kept with their time rather than
  // cleared per round, so two tabs that start a few ms apart still see each other.
  async #electedLeader() {
    const startedAt = this.#clock.now();
    this.#channel.postMessage({ type: 'claim', id: this.#id, at: startedAt });
    await new Promise((resolve) => this.#clock.setTimeout(resolve, ELECTION_MS));
    const recent = startedAt - 2 * ELECTION_MS;
    for (const [id, at] of this.#claims) if (at < recent) this.#claims.delete(id);
    return [...this.#claims.keys()].every((other) => other > this.#id);
  }

  #tokenFromLeader(timeoutMs) {
    return new Promise((resolve) => {
      const timer = this.#clock.setTimeout(() => {
        this.#waiters.delete(done);
        resolve(undefined);
      }, timeoutMs);
      const done = (token) => {
        this.#clock.clearTimeout(timer);
        resolve(token === undefined ? undefined : { accessToken: token, source: 'tab' });
      };
      this.#waiters.add(done);
    });
  }
}

/** The stand-in when cross-tab coordination is off: this tab alone refreshes. */
export const soloTab = Object.freeze({
  exclusive: (refresh) => refresh(),
  lastAnnounced: undefined,
  announce() {},
  close() {},
});
