// The demo SPA's backend: its routes, and the wiring of keys, tokens,
// refresh-token families, revocation and events into one node:http server.
// Their state lives in a store (store.js): this process's memory by default
// (a restart ends every session), or Redis, shared by several instances.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createEventHub } from './events.js';
import {
  HttpError,
  assertSameOrigin,
  bearerToken,
  isHttps,
  readCookie,
  readJson,
  sendError,
  sendJson,
  serializeCookie,
  setSecurityHeaders,
} from './http.js';
import { findKey, jwksOf } from './keys.js';
import { RefreshTokenError } from './refresh-tokens.js';
import { createStaticHandler } from './static-files.js';
import { StoreUnavailableError, createStore } from './store.js';
import { TokenError, signJwt, verifyJwt } from './tokens.js';
import { createUserStore } from './users.js';

const REFRESH_COOKIE = 'refresh_token';
// The cookie goes only to /auth/*: refresh, logout and the event stream.
const REFRESH_COOKIE_PATH = '/auth';
const API_PATH = /^\/(?:auth|api|admin|\.well-known)(?:\/|$)/;
const JWKS_MAX_AGE_SECONDS = 10;

const NOTES = [
  { id: 1, title: 'Tokens are short-lived', body: 'The access token lives for seconds; the refresh cookie renews it.' },
  { id: 2, title: 'Refresh tokens rotate', body: 'Each one works once. A replay ends the whole session.' },
  { id: 3, title: 'Keys rotate too', body: 'The JWKS keeps a replaced key until the tokens it signed have expired.' },
];

// The store's backing service is down: the client may retry soon, the process stays up.
function unavailableAs503(error) {
  if (!(error instanceof StoreUnavailableError)) return error;
  return new HttpError(503, 'store_unavailable', 'the session store is unreachable; try again shortly', { headers: { 'Retry-After': '1' } });
}

function positiveInteger(name, value) {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

/**
 * Options: `accessTokenTtl` and `refreshTokenTtl` (seconds; 30 and 8 h),
 * `now` (the clock, in ms), `staticDir` (the built SPA, served for non-API
 * GETs), `secureCookies` (the server is reached over https), `issuer` and
 * `audience` (of access tokens), `onError` (receives unexpected exceptions),
 * `redisUrl` (keep the state in that Redis instead of in memory).
 * The server's close() also ends the open event streams and the store's
 * connections; `server.store` is the store.
 */
export function createServer(options = {}) {
  const {
    accessTokenTtl = 30,
    refreshTokenTtl = 8 * 60 * 60,
    now = Date.now,
    staticDir,
    secureCookies = false,
    issuer = 'edjwt-demo',
    audience = 'edjwt-demo-spa',
    onError = (error) => console.error('demo backend: unexpected error', error),
    redisUrl,
  } = options;
  positiveInteger('accessTokenTtl', accessTokenTtl);
  positiveInteger('refreshTokenTtl', refreshTokenTtl);

  const users = createUserStore();
  const store = createStore({ redisUrl, now, accessTokenTtl, refreshTokenTtl });
  const { keys, refreshTokens, accessTokens, revocations } = store;
  const hub = createEventHub();
  // Revocations from any instance (this one included) end the matching streams here.
  revocations.subscribe(({ sid, sub }, reason) => (sid === undefined ? hub.revokeUser(sub, reason) : hub.revokeFamily(sid, reason)));
  const serveStatic = staticDir === undefined ? undefined : createStaticHandler(staticDir);

  function setRefreshCookie(req, res, token) {
    const attributes = { maxAge: token ? refreshTokenTtl : 0, path: REFRESH_COOKIE_PATH, secure: isHttps(req, secureCookies) };
    res.setHeader('Set-Cookie', serializeCookie(REFRESH_COOKIE, token, attributes));
  }
  // An empty value that expires at once is how a cookie is deleted.
  const clearRefreshCookie = (req, res) => setRefreshCookie(req, res, '');

  async function issueAccessToken(sub, sid) {
    const iat = Math.floor(now() / 1000);
    const claims = { iss: issuer, sub, aud: audience, iat, exp: iat + accessTokenTtl, jti: randomUUID(), sid };
    const [signingKey] = await keys.live();
    await accessTokens.record(sub, claims.jti, claims.exp);
    return { access_token: signJwt(claims, signingKey), token_type: 'Bearer', expires_in: accessTokenTtl };
  }

  /** The verified claims of an access token still in force; throws a 401 HttpError otherwise. */
  async function authenticate(token) {
    if (token === undefined) {
      throw new HttpError(401, 'missing_token', 'a Bearer access token is required', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    try {
      const published = await keys.live();
      const claims = verifyJwt(token, { findKey: (kid) => findKey(published, kid), issuer, audience, nowSeconds: Math.floor(now() / 1000) });
      if (await accessTokens.isDenied(claims.jti)) throw new TokenError('revoked', 'the token was revoked');
      if (!(await refreshTokens.isActive(claims.sid))) throw new TokenError('revoked', 'the session of the token has ended');
      return claims;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      // The message is one of tokens.js's fixed strings, safe inside a quoted header parameter.
      const challenge = `Bearer error="invalid_token", error_description="${error.message}"`;
      throw new HttpError(401, 'invalid_token', error.message, { reason: error.reason, headers: { 'WWW-Authenticate': challenge } });
    }
  }

  function refusedRefresh(req, res, error) {
    clearRefreshCookie(req, res);
    return new HttpError(401, error.code, error.message);
  }

  async function login(req, res, body) {
    const { username, password } = body;
    if (typeof username !== 'string' || typeof password !== 'string') {
      throw new HttpError(400, 'invalid_request', 'the body must be {"username": string, "password": string}');
    }
    const user = await users.authenticate(username, password);
    if (!user) throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    const session = await refreshTokens.start(user.sub);
    const issued = await issueAccessToken(user.sub, session.familyId);
    setRefreshCookie(req, res, session.token);
    sendJson(res, 200, issued);
  }

  async function refresh(req, res) {
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new HttpError(401, 'refresh_token_missing', 'no refresh token cookie');
    let session;
    try {
      session = await refreshTokens.rotate(token);
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      if (error.code === 'refresh_token_reused') await revocations.publish({ sid: error.familyId }, error.code);
      throw refusedRefresh(req, res, error);
    }
    // The rotation is done: a failure from here on costs the client this
    // token pair (its next refresh is a reuse), never a half-rotated family.
    const issued = await issueAccessToken(session.sub, session.familyId);
    setRefreshCookie(req, res, session.token);
    sendJson(res, 200, issued);
  }

  // Whether the refresh cookie names a live session, without spending it: the
  // SPA asks this on load, so a visitor who is not signed in causes no 401.
  async function session(req, res) {
    try {
      const { sub } = await refreshTokens.inspect(readCookie(req, REFRESH_COOKIE));
      sendJson(res, 200, { active: true, sub });
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      sendJson(res, 200, { active: false });
    }
  }

  async function logout(req, res) {
    const sid = await refreshTokens.revokeByToken(readCookie(req, REFRESH_COOKIE), 'logout');
    if (sid) await revocations.publish({ sid }, 'logout');
    clearRefreshCookie(req, res);
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
  }

  async function events(req, res, body, query) {
    const accessToken = query.get('access_token');
    if (accessToken !== null) {
      const { sub, sid } = await authenticate(accessToken);
      hub.open(res, { sub, sid });
      return;
    }
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new HttpError(401, 'missing_credentials', 'a refresh token cookie or ?access_token= is required');
    try {
      const { sub, familyId } = await refreshTokens.inspect(token);
      hub.open(res, { sub, sid: familyId });
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      throw refusedRefresh(req, res, error);
    }
  }

  async function revokeSessions(req, res, body) {
    const { sub } = await authenticate(bearerToken(req));
    if (body.sub !== undefined && body.sub !== sub) {
      throw new HttpError(403, 'forbidden', 'only your own sessions can be revoked');
    }
    const sessions = await refreshTokens.revokeUser(sub, 'admin_revoke');
    const deniedTokens = await accessTokens.revokeUser(sub);
    await revocations.publish({ sub }, 'admin_revoke');
    clearRefreshCookie(req, res);
    sendJson(res, 200, { sub, revoked_sessions: sessions.length, revoked_access_tokens: deniedTokens });
  }

  async function rotateKey(req, res) {
    await authenticate(bearerToken(req));
    const { current, previous } = await keys.rotate();
    sendJson(res, 200, {
      kid: current.kid,
      previous_kid: previous.kid,
      previous_kid_published_until: Math.ceil(previous.retiresAt / 1000),
    });
  }

  const jwks = async (req, res) => sendJson(res, 200, jwksOf(await keys.live()), { 'Cache-Control': `public, max-age=${JWKS_MAX_AGE_SECONDS}` });

  async function me(req, res) {
    const claims = await authenticate(bearerToken(req));
    sendJson(res, 200, { claims, user: users.profile(claims.sub) });
  }

  async function notes(req, res) {
    const { sub } = await authenticate(bearerToken(req));
    sendJson(res, 200, { owner: sub, notes: NOTES });
  }

  const routes = new Map([
    ['/auth/login', { POST: login }],
    ['/auth/refresh', { POST: refresh }],
    ['/auth/session', { GET: session }],
    ['/auth/logout', { POST: logout }],
    ['/auth/events', { GET: events }],
    ['/admin/revoke', { POST: revokeSessions }],
    ['/admin/rotate-key', { POST: rotateKey }],
    ['/.well-known/jwks.json', { GET: jwks }],
    ['/api/me', { GET: me }],
    ['/api/notes', { GET: notes }],
  ]);

  async function handle(req, res) {
    setSecurityHeaders(res);
    if (!req.url.startsWith('/')) throw new HttpError(400, 'invalid_request', 'the request target must be a path');
    const queryAt = req.url.indexOf('?');
    const pathname = queryAt === -1 ? req.url : req.url.slice(0, queryAt);
    const query = new URLSearchParams(queryAt === -1 ? '' : req.url.slice(queryAt + 1));
    const route = routes.get(pathname);
    if (!route) {
      if (API_PATH.test(pathname) || !serveStatic) throw new HttpError(404, 'not_found', 'no such route');
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        throw new HttpError(405, 'method_not_allowed', 'static files are read-only', { headers: { Allow: 'GET, HEAD' } });
      }
      await serveStatic(req, res, pathname);
      return;
    }
    const handler = route[req.method];
    if (!handler) {
      const allow = Object.keys(route).join(', ');
      throw new HttpError(405, 'method_not_allowed', `use ${allow}`, { headers: { Allow: allow } });
    }
    let body = {};
    if (req.method === 'POST') {
      assertSameOrigin(req, secureCookies);
      body = await readJson(req);
    }
    await handler(req, res, body, query);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch((error) => sendError(req, res, unavailableAs503(error), onError));
  });
  const closeServer = server.close.bind(server);
  server.close = (callback) => {
    hub.close();
    store.close();
    return closeServer(callback);
  };
  server.store = store;
  return server;
}
