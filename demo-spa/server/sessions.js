// Server-side sessions, the model the articles set against JWTs: an opaque
// random id in a cookie and a record per id in the store, looked up on every
// request. A record lives while it is used (sliding idle timeout) and never
// past its absolute lifetime; deleting it ends the session at once.
// As for refresh tokens, only SHA-256 digests of ids are stored: a lookup by
// an attacker-chosen id cannot leak a stored one through timing, and a dump of
// the store holds no usable cookie. Each session also has a public `handle`
// (a UUID) that names it in revocation messages and event streams.
import { createHash, randomBytes, randomUUID } from 'node:crypto';

const ID_SHAPE = /^[A-Za-z0-9_-]{43}$/; // 32 random bytes (256 bits), base64url

export const sessionDigest = (id) => createHash('sha256').update(id).digest('base64url');
export const newSessionId = () => randomBytes(32).toString('base64url');
/** The digest of a well-formed id, else undefined (never looked up). */
export const digestOfId = (id) => (typeof id === 'string' && ID_SHAPE.test(id) ? sessionDigest(id) : undefined);

/** `idleMs`: how long an unused session lives; `absoluteMs`: how long any session lives. */
export function createSessionStore({ now, idleMs, absoluteMs }) {
  const records = new Map(); // digest → { sub, handle, idleUntil, expiresAt }

  const live = (record, time) => time < record.idleUntil && time < record.expiresAt;
  function sweep(time) {
    for (const [key, record] of records) if (!live(record, time)) records.delete(key);
  }

  return {
    /** Opens a session for `sub`: `{ id, handle, sub, idleUntil, expiresAt }` (times in ms). */
    start(sub) {
      const time = now();
      sweep(time);
      const id = newSessionId();
      const record = { sub, handle: randomUUID(), idleUntil: time + idleMs, expiresAt: time + absoluteMs };
      records.set(sessionDigest(id), record);
      return { id, ...record };
    },

    /** The live session `id` names, its idle timeout moved on; undefined for unknown and ended ones. */
    touch(id) {
      const key = digestOfId(id);
      const record = key && records.get(key);
      if (!record) return undefined;
      const time = now();
      if (!live(record, time)) {
        records.delete(key);
        return undefined;
      }
      record.idleUntil = Math.min(time + idleMs, record.expiresAt);
      return { ...record };
    },

    /** Deletes the session `id` names; returns its handle if there was one. */
    end(id) {
      const key = digestOfId(id);
      const record = key && records.get(key);
      if (!record) return undefined;
      records.delete(key);
      return record.handle;
    },

    /** Deletes every session of `sub`; returns their handles. */
    endUser(sub) {
      const handles = [];
      for (const [key, record] of records) {
        if (record.sub !== sub) continue;
        records.delete(key);
        handles.push(record.handle);
      }
      return handles;
    },
  };
}
