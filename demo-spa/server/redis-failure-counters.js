// The login throttle's failure counters in Redis, with the rules of
// failure-counters.js, so an attacker spreading guesses over instances meets
// one count.   throttle:<key>  hash  count, resetAt (ms); expires at resetAt.

// KEYS: counter; ARGV: now, windowMs. Returns { count, resetAt }.
const ADD = `
local c = redis.call('HMGET', KEYS[1], 'count', 'resetAt')
local now = tonumber(ARGV[1])
if not c[1] or tonumber(c[2]) <= now then
  local resetAt = now + tonumber(ARGV[2])
  redis.call('HSET', KEYS[1], 'count', 1, 'resetAt', resetAt)
  redis.call('PEXPIREAT', KEYS[1], resetAt)
  return { 1, tostring(resetAt) }
end
return { redis.call('HINCRBY', KEYS[1], 'count', 1), c[2] }`;

export function createRedisFailureCounters({ prefix, now, evalScript, run }) {
  const counterKey = (key) => `${prefix}throttle:${key}`;
  return {
    async add(key, windowMs) {
      const [count, resetAt] = await evalScript(ADD, [counterKey(key)], [now(), windowMs]);
      return { count: Number(count), resetAt: Number(resetAt) };
    },
    async get(key) {
      const [count, resetAt] = await run((redis) => redis.hmGet(counterKey(key), ['count', 'resetAt']));
      return count === null || Number(resetAt) <= now() ? { count: 0, resetAt: 0 } : { count: Number(count), resetAt: Number(resetAt) };
    },
    async clear(key) {
      await run((redis) => redis.del(counterKey(key)));
    },
  };
}
