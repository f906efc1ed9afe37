// The demo SPA's backend: its routes, and the wiring of keys, tokens,
// refresh-token families, revocation and events into one node:http server.
// Everything lives in memory; a restart ends every session.
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
import { createKeyStore } from './keys.js';
import { RefreshTokenError, createRefreshTokenStore } from './refresh-tokens.js';
import { createAccessTokenLedger } from './revocation.js';
import { createStaticHandler } from './static-files.js';
import { CLOCK_TOLERANCE_SECONDS, TokenError, signJwt, verifyJwt } from './tokens.js';
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

function positiveInteger(name, value) {
  if (!Number.isSafeInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer`);
  return value;
}

/**
 * Options: `accessTokenTtl` and `refreshTokenTtl` (seconds; 30 and 8 h),
 * `now` (the clock, in ms), `staticDir` (the built SPA, served for non-API
 * GETs), `secureCookies` (the server is reached over https), `issuer` and
 * `audience` (of access tokens), `onError` (receives unexpected exceptions).
 * The server's close() also ends the open event streams.
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
  } = options;
  positiveInteger('accessTokenTtl', accessTokenTtl);
  positiveInteger('refreshTokenTtl', refreshTokenTtl);

  const users = createUserStore();
  const keys = createKeyStore({ now, retireAfterMs: (accessTokenTtl + CLOCK_TOLERANCE_SECONDS) * 1000 });
  const refreshTokens = createRefreshTokenStore({ ttlMs: refreshTokenTtl * 1000, now });
  const ledger = createAccessTokenLedger({ now });
  const hub = createEventHub();
  const serveStatic = staticDir === undefined ? undefined : createStaticHandler(staticDir);

  function setRefreshCookie(req, res, token) {
    const attributes = { maxAge: token ? refreshTokenTtl : 0, path: REFRESH_COOKIE_PATH, secure: isHttps(req, secureCookies) };
    res.setHeader('Set-Cookie', serializeCookie(REFRESH_COOKIE, token, attributes));
  }
  // An empty value that expires at once is how a cookie is deleted.
  const clearRefreshCookie = (req, res) => setRefreshCookie(req, res, '');

  function issueAccessToken(sub, sid) {
    const iat = Math.floor(now() / 1000);
    const claims = { iss: issuer, sub, aud: audience, iat, exp: iat + accessTokenTtl, jti: randomUUID(), sid };
    ledger.record(sub, claims.jti, claims.exp);
    return { access_token: signJwt(claims, keys.current()), token_type: 'Bearer', expires_in: accessTokenTtl };
  }

  /** The verified claims of an access token still in force; throws a 401 HttpError otherwise. */
  function authenticate(token) {
    if (token === undefined) {
      throw new HttpError(401, 'missing_token', 'a Bearer access token is required', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    try {
      const claims = verifyJwt(token, { findKey: keys.find, issuer, audience, nowSeconds: Math.floor(now() / 1000) });
      if (ledger.isDenied(claims.jti)) throw new TokenError('revoked', 'the token was revoked');
      if (!refreshTokens.isActive(claims.sid)) throw new TokenError('revoked', 'the session of the token has ended');
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
    const session = refreshTokens.start(user.sub);
    setRefreshCookie(req, res, session.token);
    sendJson(res, 200, issueAccessToken(user.sub, session.familyId));
  }

  function refresh(req, res) {
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new HttpError(401, 'refresh_token_missing', 'no refresh token cookie');
    let session;
    try {
      session = refreshTokens.rotate(token);
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      if (error.code === 'refresh_token_reused') hub.revokeFamily(error.familyId, error.code);
      throw refusedRefresh(req, res, error);
    }
    setRefreshCookie(req, res, session.token);
    sendJson(res, 200, issueAccessToken(session.sub, session.familyId));
  }

  // Whether the refresh cookie names a live session, without spending it: the
  // SPA asks this on load, so a visitor who is not signed in causes no 401.
  function session(req, res) {
    try {
      const { sub } = refreshTokens.inspect(readCookie(req, REFRESH_COOKIE));
      sendJson(res, 200, { active: true, sub });
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      sendJson(res, 200, { active: false });
    }
  }

  function logout(req, res) {
    const sid = refreshTokens.revokeByToken(readCookie(req, REFRESH_COOKIE), 'logout');
    if (sid) hub.revokeFamily(sid, 'logout');
    clearRefreshCookie(req, res);
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
  }

  function events(req, res, body, query) {
    const accessToken = query.get('access_token');
    if (accessToken !== null) {
      const { sub, sid } = authenticate(accessToken);
      hub.open(res, { sub, sid });
      return;
    }
    const token = readCookie(req, REFRESH_COOKIE);
    if (!token) throw new HttpError(401, 'missing_credentials', 'a refresh token cookie or ?access_token= is required');
    try {
      const { sub, familyId } = refreshTokens.inspect(token);
      hub.open(res, { sub, sid: familyId });
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      throw refusedRefresh(req, res, error);
    }
  }

  function revokeSessions(req, res, body) {
    const { sub } = authenticate(bearerToken(req));
    if (body.sub !== undefined && body.sub !== sub) {
      throw new HttpError(403, 'forbidden', 'only your own sessions can be revoked');
    }
    const sessions = refreshTokens.revokeUser(sub, 'admin_revoke');
    const deniedTokens = ledger.revokeUser(sub);
    hub.revokeUser(sub, 'admin_revoke');
    clearRefreshCookie(req, res);
    sendJson(res, 200, { sub, revoked_sessions: sessions.length, revoked_access_tokens: deniedTokens });
  }

  function rotateKey(req, res) {
    authenticate(bearerToken(req));
    const { current, previous } = keys.rotate();
    sendJson(res, 200, {
      kid: current.kid,
      previous_kid: previous.kid,
      previous_kid_published_until: Math.ceil(previous.retiresAt / 1000),
    });
  }

  const jwks = (req, res) => sendJson(res, 200, keys.jwks(), { 'Cache-Control': `public, max-age=${JWKS_MAX_AGE_SECONDS}` });

  function me(req, res) {
    const claims = authenticate(bearerToken(req));
    sendJson(res, 200, { claims, user: users.profile(claims.sub) });
  }

  function notes(req, res) {
    const { sub } = authenticate(bearerToken(req));
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
    handle(req, res).catch((error) => sendError(req, res, error, onError));
  });
  const closeServer = server.close.bind(server);
  server.close = (callback) => {
    hub.close();
    return closeServer(callback);
  };
  return server;
}
