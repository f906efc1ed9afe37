// Refresh-token families in Redis, with the rules of refresh-tokens.js: one
// family per login, each token works once, a replay revokes the family.
// A token reads `<familyId>.<32 random bytes, base64url>`, so its family is
// found without an index; only SHA-256 digests of whole tokens are stored,
// and a token counts only if its digest is one the family issued.
//
//   family:{id}          hash  sub, revoked ('' or the reason), expiresAt, current (digest)
//   family:{id}:tokens   hash  digest → expiresAt, for every token the family issued
//   user:<sub>:families  set   the user's family ids, for "revoke all"
// A family's keys expire one refresh ttl after its last token does (as the
// in-memory store's sweep), so the store stays bounded.
//
// Rotation is a Lua script, not WATCH/MULTI: it reads the family, decides
// (rotate, or revoke on reuse) and writes in one atomic step on the server,
// so 200 concurrent refreshes cost 200 round trips with exactly one winner.
// With WATCH/MULTI each loser's transaction aborts and must be retried from
// the read, which under that contention multiplies round trips, and the
// "revoke on reuse" decision would be a second transaction of its own.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { RefreshTokenError } from './refresh-tokens.js';

const TOKEN_SHAPE = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.[A-Za-z0-9_-]{43}$/;
const digest = (token) => createHash('sha256').update(token).digest('base64url');

// KEYS: family, tokens, user set; ARGV: sub, digest, expiresAt, ttlMs
const START = `
redis.call('HSET', KEYS[1], 'sub', ARGV[1], 'revoked', '', 'expiresAt', ARGV[3], 'current', ARGV[2])
redis.call('HSET', KEYS[2], ARGV[2], ARGV[3])
local forgetAt = tonumber(ARGV[3]) + tonumber(ARGV[4])
redis.call('PEXPIREAT', KEYS[1], forgetAt)
redis.call('PEXPIREAT', KEYS[2], forgetAt)
redis.call('SADD', KEYS[3], KEYS[1])
redis.call('PEXPIREAT', KEYS[3], forgetAt, 'NX')
redis.call('PEXPIREAT', KEYS[3], forgetAt, 'GT')
return 1`;

// KEYS: family, tokens; ARGV: digest, now, new digest, ttlMs, user-set key prefix.
// Returns { outcome, sub | reason }. The checks run in refresh-tokens.js's order.
const ROTATE = `
local family = redis.call('HMGET', KEYS[1], 'sub', 'revoked', 'current')
local expiresAt = redis.call('HGET', KEYS[2], ARGV[1])
if not family[1] or not expiresAt then return {'invalid', ''} end
if family[2] ~= '' then return {'revoked', family[2]} end
if family[3] ~= ARGV[1] then
  redis.call('HSET', KEYS[1], 'revoked', 'refresh_token_reused')
  return {'reused', ''}
end
local now = tonumber(ARGV[2])
if now >= tonumber(expiresAt) then return {'expired', ''} end
local nextExpiresAt = now + tonumber(ARGV[4])
redis.call('HSET', KEYS[1], 'current', ARGV[3], 'expiresAt', nextExpiresAt)
redis.call('HSET', KEYS[2], ARGV[3], nextExpiresAt)
local forgetAt = nextExpiresAt + tonumber(ARGV[4])
redis.call('PEXPIREAT', KEYS[1], forgetAt)
redis.call('PEXPIREAT', KEYS[2], forgetAt)
-- The user set's name derives from the family's sub, so it cannot be a declared key (fine outside Redis Cluster).
redis.call('PEXPIREAT', ARGV[5] .. family[1] .. ':families', forgetAt, 'GT')
return {'rotated', family[1]}`;

// KEYS: family, tokens; ARGV: digest, reason. Returns 1 if this call revoked the family.
const REVOKE = `
local revoked = redis.call('HGET', KEYS[1], 'revoked')
if revoked ~= '' or redis.call('HEXISTS', KEYS[2], ARGV[1]) == 0 then return 0 end
redis.call('HSET', KEYS[1], 'revoked', ARGV[2])
return 1`;

// KEYS: user set; ARGV: reason. Revokes every live family in the set; returns their keys.
const REVOKE_USER = `
local revoked = {}
for _, family in ipairs(redis.call('SMEMBERS', KEYS[1])) do
  local state = redis.call('HGET', family, 'revoked')
  if not state then redis.call('SREM', KEYS[1], family)
  elseif state == '' then
    redis.call('HSET', family, 'revoked', ARGV[1])
    table.insert(revoked, family)
  end
end
return revoked`;

export function createRedisRefreshTokens({ prefix, now, ttlMs, evalScript, run }) {
  const familyKey = (id) => `${prefix}family:{${id}}`;
  const tokensKey = (id) => `${familyKey(id)}:tokens`;
  const userKey = (sub) => `${prefix}user:${sub}:families`;
  const idOfKey = (key) => key.slice(familyKey('').length - 1, -1);
  const newToken = (familyId) => `${familyId}.${randomBytes(32).toString('base64url')}`;

  const parse = (token) => (typeof token === 'string' ? TOKEN_SHAPE.exec(token)?.[1] : undefined);
  const invalid = () => new RefreshTokenError('refresh_token_invalid', 'unknown refresh token');

  return {
    async start(sub) {
      const familyId = randomUUID();
      const token = newToken(familyId);
      await evalScript(START, [familyKey(familyId), tokensKey(familyId), userKey(sub)], [sub, digest(token), now() + ttlMs, ttlMs]);
      return { familyId, sub, token };
    },

    async rotate(token) {
      const familyId = parse(token);
      if (!familyId) throw invalid();
      const token2 = newToken(familyId);
      const [outcome, detail] = await evalScript(ROTATE, [familyKey(familyId), tokensKey(familyId)], [
        digest(token), now(), digest(token2), ttlMs, `${prefix}user:`,
      ]);
      switch (outcome) {
        case 'rotated': return { familyId, sub: detail, token: token2 };
        case 'revoked': throw new RefreshTokenError('refresh_token_revoked', `the session has ended (${detail})`, familyId);
        case 'reused':
          throw new RefreshTokenError('refresh_token_reused', 'refresh token used twice; the session is revoked', familyId);
        case 'expired': throw new RefreshTokenError('refresh_token_expired', 'refresh token expired', familyId);
        default: throw invalid();
      }
    },

    /** As refresh-tokens.js's inspect: a spent token names its session too. */
    async inspect(token) {
      const familyId = parse(token);
      if (!familyId) throw invalid();
      const [[sub, revoked], expiresAt] = await run((redis) =>
        redis.multi().hmGet(familyKey(familyId), ['sub', 'revoked']).hGet(tokensKey(familyId), digest(token)).exec(),
      );
      if (sub === null || expiresAt === null) throw invalid();
      if (revoked !== '') throw new RefreshTokenError('refresh_token_revoked', `the session has ended (${revoked})`, familyId);
      if (now() >= Number(expiresAt)) throw new RefreshTokenError('refresh_token_expired', 'refresh token expired', familyId);
      return { familyId, sub };
    },

    async revokeByToken(token, reason) {
      const familyId = parse(token);
      if (!familyId) return undefined;
      const revoked = await evalScript(REVOKE, [familyKey(familyId), tokensKey(familyId)], [digest(token), reason]);
      return revoked === 1 ? familyId : undefined;
    },

    async revokeUser(sub, reason) {
      return (await evalScript(REVOKE_USER, [userKey(sub)], [reason])).map(idOfKey);
    },

    isActive: async (familyId) => (await run((redis) => redis.hGet(familyKey(familyId), 'revoked'))) === '',
  };
}
