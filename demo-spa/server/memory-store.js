// The in-memory store (see store.js): this process's maps, as the demo has
// always kept them, behind the store's promise-returning interface. A
// revocation reaches only this process's event streams.
import { createFailureCounters } from './failure-counters.js';
import { createKeyStore } from './keys.js';
import { createRefreshTokenStore } from './refresh-tokens.js';
import { createAccessTokenLedger } from './revocation.js';
import { createSessionStore } from './sessions.js';
import { CLOCK_TOLERANCE_SECONDS } from './tokens.js';

/** Every method of `object`, returning a promise (a throw becomes a rejection). */
function promising(object) {
  return Object.fromEntries(Object.entries(object).map(([name, method]) => [name, async (...args) => method(...args)]));
}

export function createMemoryStore({ now, accessTokenTtl, refreshTokenTtl, sessionIdleTtl, sessionAbsoluteTtl }) {
  const listeners = new Set();
  return {
    keys: promising(createKeyStore({ now, retireAfterMs: (accessTokenTtl + CLOCK_TOLERANCE_SECONDS) * 1000 })),
    refreshTokens: promising(createRefreshTokenStore({ ttlMs: refreshTokenTtl * 1000, now })),
    accessTokens: promising(createAccessTokenLedger({ now })),
    sessions: promising(createSessionStore({ now, idleMs: sessionIdleTtl * 1000, absoluteMs: sessionAbsoluteTtl * 1000 })),
    loginFailures: promising(createFailureCounters({ now })),
    revocations: {
      async publish(target, reason) {
        for (const listener of listeners) listener(target, reason);
      },
      subscribe: (listener) => listeners.add(listener),
    },
    async ready() {},
    async close() {},
  };
}
