// Server-side sessions in Redis, with the rules of sessions.js, so every
// instance finds every session and a deletion on one ends it on all.
//
//   session:<digest>        hash  sub, handle, idleUntil, expiresAt (ms)
//   user:<sub>:sessions     set   the user's session digests, for "revoke all"
// A session key expires when its idle timeout does (moved on by each touch);
// the checks use the instance's clock, as the other scripts do.
import { randomUUID } from 'node:crypto';
import { digestOfId, newSessionId, sessionDigest } from './sessions.js';

// KEYS: session, user set; ARGV: sub, handle, idleUntil, expiresAt
const START = `
redis.call('HSET', KEYS[1], 'sub', ARGV[1], 'handle', ARGV[2], 'idleUntil', ARGV[3], 'expiresAt', ARGV[4])
redis.call('PEXPIREAT', KEYS[1], ARGV[3])
redis.call('SADD', KEYS[2], KEYS[1])
redis.call('PEXPIREAT', KEYS[2], ARGV[4], 'NX')
redis.call('PEXPIREAT', KEYS[2], ARGV[4], 'GT')
return 1`;

// KEYS: session; ARGV: now, idleMs. Returns { sub, handle, idleUntil, expiresAt } or nil.
const TOUCH = `
local s = redis.call('HMGET', KEYS[1], 'sub', 'handle', 'idleUntil', 'expiresAt')
if not s[1] then return nil end
local now = tonumber(ARGV[1])
if now >= tonumber(s[3]) or now >= tonumber(s[4]) then
  redis.call('DEL', KEYS[1])
  return nil
end
local idleUntil = math.min(now + tonumber(ARGV[2]), tonumber(s[4]))
redis.call('HSET', KEYS[1], 'idleUntil', idleUntil)
redis.call('PEXPIREAT', KEYS[1], idleUntil)
return { s[1], s[2], tostring(idleUntil), s[4] }`;

// KEYS: session; ARGV: user-set key prefix. Returns the handle, or nil.
const END = `
local s = redis.call('HMGET', KEYS[1], 'sub', 'handle')
if not s[1] then return nil end
redis.call('DEL', KEYS[1])
-- The user set's name derives from the session's sub (fine outside Redis Cluster).
redis.call('SREM', ARGV[1] .. s[1] .. ':sessions', KEYS[1])
return s[2]`;

// KEYS: user set. Deletes every session in it; returns their handles.
const END_USER = `
local handles = {}
for _, key in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local handle = redis.call('HGET', key, 'handle')
  if handle then table.insert(handles, handle) end
  redis.call('DEL', key)
end
redis.call('DEL', KEYS[1])
return handles`;

export function createRedisSessions({ prefix, now, idleMs, absoluteMs, evalScript }) {
  const sessionKey = (digest) => `${prefix}session:${digest}`;
  const userKey = (sub) => `${prefix}user:${sub}:sessions`;

  return {
    async start(sub) {
      const time = now();
      const id = newSessionId();
      const record = { sub, handle: randomUUID(), idleUntil: time + idleMs, expiresAt: time + absoluteMs };
      await evalScript(START, [sessionKey(sessionDigest(id)), userKey(sub)], [sub, record.handle, record.idleUntil, record.expiresAt]);
      return { id, ...record };
    },
    async touch(id) {
      const digest = digestOfId(id);
      if (!digest) return undefined;
      const found = await evalScript(TOUCH, [sessionKey(digest)], [now(), idleMs]);
      if (!found) return undefined;
      const [sub, handle, idleUntil, expiresAt] = found;
      return { sub, handle, idleUntil: Number(idleUntil), expiresAt: Number(expiresAt) };
    },
    async end(id) {
      const digest = digestOfId(id);
      return digest ? ((await evalScript(END, [sessionKey(digest)], [`${prefix}user:`])) ?? undefined) : undefined;
    },
    endUser: (sub) => evalScript(END_USER, [userKey(sub)], []),
  };
}
