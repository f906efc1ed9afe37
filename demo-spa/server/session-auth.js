// Session mode: the server-side session behind the `session_id` cookie.
// The cookie is HttpOnly (page script cannot read it), SameSite=Strict (no
// request from another site carries it), Path=/ (every API route needs it)
// and Secure over https. Every authenticated request looks its record up,
// which also moves the idle timeout on (the response's X-Session-Idle-Until
// says to when, in ms, for the page's countdown); a cookie naming no live
// record is answered 401 and cleared.
import { HttpError, isHttps, readCookie, serializeCookie } from './http.js';
import { noteCredential } from './request-metrics.js';

export const SESSION_COOKIE = 'session_id';

/** `sessions`: the store's; `absoluteTtl` (s) bounds the cookie's life as it bounds the record's. */
export function createSessionAuth({ sessions, secureCookies, absoluteTtl }) {
  function setCookie(req, res, value, maxAge) {
    res.appendHeader('Set-Cookie', serializeCookie(SESSION_COOKIE, value, { maxAge, path: '/', secure: isHttps(req, secureCookies) }));
  }
  const clearCookie = (req, res) => setCookie(req, res, '', 0);
  const described = ({ sub, handle, idleUntil, expiresAt }) => ({ sub, sid: handle, idleUntil, expiresAt });

  return {
    has: (req) => readCookie(req, SESSION_COOKIE) !== undefined,

    /** Opens a session for `sub` and sets its cookie; returns it as `authenticate` does. */
    async start(req, res, sub) {
      const session = await sessions.start(sub);
      setCookie(req, res, session.id, absoluteTtl);
      return described(session);
    },

    /** `{ sub, sid, idleUntil, expiresAt }` of the cookie's live session; throws a 401 HttpError (and clears the cookie) otherwise. */
    async authenticate(req, res) {
      noteCredential(req, 'cookie', 'Cookie');
      const session = await sessions.touch(readCookie(req, SESSION_COOKIE));
      if (session) {
        res.setHeader('X-Session-Idle-Until', String(session.idleUntil));
        return described(session);
      }
      clearCookie(req, res);
      throw new HttpError(401, 'invalid_session', 'the session has ended or never existed');
    },

    /** The cookie's live session without counting it as a request's authentication, or undefined. */
    peek: async (req) => {
      const session = await sessions.touch(readCookie(req, SESSION_COOKIE));
      return session && described(session);
    },

    /** Deletes the cookie's session record and the cookie; returns the session's handle if there was one. */
    async end(req, res) {
      const handle = await sessions.end(readCookie(req, SESSION_COOKIE));
      clearCookie(req, res);
      return handle;
    },

    endUser: (sub) => sessions.endUser(sub),
  };
}
