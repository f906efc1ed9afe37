// Refresh tokens: opaque, single-use, in rotating families, one family per
// login. A token presented a second time means two parties hold it, so the
// whole family is revoked (OAuth 2.0 Security BCP, refresh token rotation).
// Only SHA-256 digests are stored: a look-up by an attacker-chosen value
// cannot leak a stored token through timing, and the store holds nothing
// usable as a credential.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

/** Why a refresh token was refused; `code` is the API's error code. */
export class RefreshTokenError extends Error {
  constructor(code, message, familyId) {
    super(message);
    this.code = code;
    this.familyId = familyId;
  }
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes, base64url
const digest = (token) => createHash('sha256').update(token).digest('base64url');

/** `ttlMs`: how long each issued token stays usable (the session slides with every rotation). */
export function createRefreshTokenStore({ ttlMs, now }) {
  const tokens = new Map(); // digest → { familyId, expiresAt, used }
  const families = new Map(); // id → { id, sub, revoked: reason | null, expiresAt, digests }

  function issue(family) {
    const token = randomBytes(32).toString('base64url');
    const key = digest(token);
    family.expiresAt = now() + ttlMs;
    family.digests.push(key);
    tokens.set(key, { familyId: family.id, expiresAt: family.expiresAt, used: false });
    return token;
  }

  // A family is forgotten one ttl after its last token expired: until then a
  // late client still learns "expired" or "revoked" rather than "invalid".
  function sweep() {
    const time = now();
    for (const family of families.values()) {
      if (family.expiresAt + ttlMs > time) continue;
      for (const key of family.digests) tokens.delete(key);
      families.delete(family.id);
    }
  }

  const recordOf = (token) => (typeof token === 'string' && TOKEN_SHAPE.test(token) ? tokens.get(digest(token)) : undefined);

  /** The token's record and family; throws for unknown tokens and revoked families. */
  function lookup(token) {
    const record = recordOf(token);
    if (!record) throw new RefreshTokenError('refresh_token_invalid', 'unknown refresh token');
    const family = families.get(record.familyId);
    if (family.revoked) {
      throw new RefreshTokenError('refresh_token_revoked', `the session has ended (${family.revoked})`, family.id);
    }
    return { record, family };
  }

  function revoke(family, reason) {
    if (family.revoked) return false;
    family.revoked = reason;
    return true;
  }

  return {
    /** Opens a family for `sub`: `{ familyId, token }`. */
    start(sub) {
      sweep();
      const family = { id: randomUUID(), sub, revoked: null, expiresAt: 0, digests: [] };
      families.set(family.id, family);
      return { familyId: family.id, sub, token: issue(family) };
    },

    /** Spends `token` for its successor: `{ familyId, sub, token }`; throws RefreshTokenError. */
    rotate(token) {
      const { record, family } = lookup(token);
      if (record.used) {
        revoke(family, 'refresh_token_reused');
        throw new RefreshTokenError('refresh_token_reused', 'refresh token used twice; the session is revoked', family.id);
      }
      if (now() >= record.expiresAt) throw new RefreshTokenError('refresh_token_expired', 'refresh token expired', family.id);
      record.used = true;
      return { familyId: family.id, sub: family.sub, token: issue(family) };
    },

    /**
     * The live family `token` belongs to, without spending it. A spent token
     * is accepted here: a request racing a rotation in another tab carries
     * the previous cookie, and this only answers "which session is this".
     */
    inspect(token) {
      const { record, family } = lookup(token);
      if (now() >= record.expiresAt) throw new RefreshTokenError('refresh_token_expired', 'refresh token expired', family.id);
      return { familyId: family.id, sub: family.sub };
    },

    /** Revokes the family of `token`, spent or not; returns its id if this revoked it. */
    revokeByToken(token, reason) {
      const record = recordOf(token);
      const family = record && families.get(record.familyId);
      return family && revoke(family, reason) ? family.id : undefined;
    },

    /** Revokes every live family of `sub`; returns their ids. */
    revokeUser(sub, reason) {
      return [...families.values()].filter((family) => family.sub === sub && revoke(family, reason)).map((family) => family.id);
    },

    isActive: (familyId) => families.get(familyId)?.revoked === null,
  };
}
