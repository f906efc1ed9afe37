// Access-token revocation in Redis, with the rules of revocation.js: the jtis
// each user still holds, and a deny-list they move to on "revoke all".
//
//   outstanding:<sub>  sorted set  jti scored by its exp (s)
//   denied:<jti>       string      the sub; expires when the token would be
//                                  refused as expired anyway (exp + tolerance)
// So the deny-list holds only tokens that still verify, and a deny entry's
// TTL is its token's remaining lifetime.
import { CLOCK_TOLERANCE_SECONDS } from './tokens.js';

// KEYS: outstanding set; ARGV: now (s), tolerance (s), denied-key prefix. Returns how many it denied.
const REVOKE_USER = `
local tolerance = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', tonumber(ARGV[1]) - tolerance)
local held = redis.call('ZRANGE', KEYS[1], 0, -1, 'WITHSCORES')
for i = 1, #held, 2 do
  -- Denied keys derive from the jtis, so they cannot be declared (fine outside Redis Cluster).
  redis.call('SET', ARGV[3] .. held[i], '1', 'EXAT', tonumber(held[i + 1]) + tolerance)
end
redis.call('DEL', KEYS[1])
return #held / 2`;

export function createRedisAccessTokens({ prefix, now, evalScript, run }) {
  const outstandingKey = (sub) => `${prefix}outstanding:${sub}`;
  const deniedPrefix = `${prefix}denied:`;
  const nowSeconds = () => Math.floor(now() / 1000);

  return {
    async record(sub, jti, exp) {
      const key = outstandingKey(sub);
      const forgetAt = exp + CLOCK_TOLERANCE_SECONDS;
      await run((redis) =>
        redis.multi()
          .zAdd(key, { score: exp, value: jti })
          .zRemRangeByScore(key, '-inf', nowSeconds() - CLOCK_TOLERANCE_SECONDS)
          .sendCommand(['EXPIREAT', key, String(forgetAt), 'NX'])
          .sendCommand(['EXPIREAT', key, String(forgetAt), 'GT'])
          .exec(),
      );
    },
    revokeUser: (sub) => evalScript(REVOKE_USER, [outstandingKey(sub)], [nowSeconds(), CLOCK_TOLERANCE_SECONDS, deniedPrefix]),
    isDenied: async (jti) => (await run((redis) => redis.exists(deniedPrefix + jti))) === 1,
  };
}
