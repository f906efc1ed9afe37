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
//   sessions       start(sub) → { id, handle, sub, idleUntil, expiresAt }; touch(id) →
//                  the same without id, or undefined; end(id) → handle?; endUser(sub) → handles
//   loginFailures  add(key, windowMs) → { count, resetAt }; get(key); clear(key)
//   revocations    publish({ sid } | { sub }, reason): delivered to every
//                  instance's subscribe(listener), this one's included
//   ready()        resolves once the store is connected and subscribed
//   close()
//
// Server-side sessions (session mode: an opaque id in a cookie) are records
// with a sliding idle timeout and a per-user index, ended by the same
// `revocations` message that ends a user's refresh families.
// A store that cannot reach its backing service throws StoreUnavailableError,
// which the API answers with 503.
import { createMemoryStore } from './memory-store.js';
import { createRedisStore } from './redis-store.js';

export { StoreUnavailableError } from './redis-store.js';

/**
 * `redisUrl` selects Redis (`prefix` its key names, default "edjwt:"); the rest: `now`,
 * `accessTokenTtl`, `refreshTokenTtl`, `sessionIdleTtl`, `sessionAbsoluteTtl` (seconds).
 */
export function createStore({ redisUrl, ...options }) {
  return redisUrl === undefined ? createMemoryStore(options) : createRedisStore({ url: redisUrl, ...options });
}
