// The state a backend instance keeps between requests, behind one interface
// with two implementations: in this process's memory (the default; a restart
// ends every session) or in Redis (shared, so any number of instances serve
// the same sessions). Every method returns a promise, whichever the store.
//
//   keys           live() → the published signing keys, the current one first
//                  rotate() → { current, previous }
//   refreshTokens  start(sub), rotate(token), inspect(token) → { familyId, sub, token? }
//                  (throw RefreshTokenError); revokeByToken(token, reason) → familyId?;
//                  revokeUser(sub, reason) → familyIds; isActive(familyId)
//   accessTokens   record(sub, jti, exp); revokeUser(sub) → count; isDenied(jti)
//   revocations    publish({ sid } | { sub }, reason): delivered to every
//                  instance's subscribe(listener), this one's included
//   ready()        resolves once the store is connected and subscribed
//   close()
//
// A server-side session (an opaque id in a cookie) fits the same mould: a
// record with a sliding TTL per id and a per-user index, revoked by the same
// `revocations` message that ends a user's refresh families.
// A store that cannot reach its backing service throws StoreUnavailableError,
// which the API answers with 503.
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

export { StoreUnavailableError } from './redis-store.js';

/** `redisUrl` selects Redis (`prefix` its key names, default "edjwt:"); the rest: `now`, `accessTokenTtl`, `refreshTokenTtl` (seconds). */
export function createStore({ redisUrl, ...options }) {
  return redisUrl === undefined ? createMemoryStore(options) : createRedisStore({ url: redisUrl, ...options });
}
