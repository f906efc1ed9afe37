// The demo SPA's backend: its routes, and the wiring of keys, tokens,
// refresh-token families, server-side sessions, revocation, login throttling
// and events into one node:http server. Two models share the routes: JWT
// mode (a Bearer access token, renewed over the refresh cookie) and session
// mode (an opaque id in the `session_id` cookie, looked up on every request).
// Their state lives in a store (store.js): this process's memory by default
// (a restart ends every session), or Redis, shared by several instances.
import http from 'node:http';
import { randomUUID } from 'node:crypto';
import { createCrossSiteLog } from './cross-site-log.js';
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
import { countingLookups, noteCredential, withMetrics } from './request-metrics.js';
import { createSessionAuth } from './session-auth.js';
import { createStaticHandler } from './static-files.js';
import { StoreUnavailableError, createStore } from './store.js';
import { createLoginThrottle } from './throttle.js';
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
 * `sessionIdleTtl` and `sessionAbsoluteTtl` (session mode, seconds; 15 min
 * and 8 h), `loginThrottle` ({ maxPerUser: 5, maxPerAddress: 20,
 * windowSeconds: 300 } failed sign-ins), `attackerPort` (where the demo's
 * attacker page listens, told to the SPA),
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
    sessionIdleTtl = 15 * 60,
    sessionAbsoluteTtl = 8 * 60 * 60,
    loginThrottle = {},
    attackerPort,
  } = options;
  for (const [name, value] of Object.entries({ accessTokenTtl, refreshTokenTtl, sessionIdleTtl, sessionAbsoluteTtl })) positiveInteger(name, value);
  const throttleLimits = { maxPerUser: 5, maxPerAddress: 20, windowSeconds: 300, ...loginThrottle };
  for (const [name, value] of Object.entries(throttleLimits)) positiveInteger(`loginThrottle.${name}`, value);

  const users = createUserStore();
  const store = createStore({ redisUrl, now, accessTokenTtl, refreshTokenTtl, sessionIdleTtl, sessionAbsoluteTtl });
  const { keys, refreshTokens, accessTokens, sessions, revocations } = countingLookups(store, ['refreshTokens', 'accessTokens', 'sessions']);
  const sessionAuth = createSessionAuth({ sessions, secureCookies, absoluteTtl: sessionAbsoluteTtl });
  const throttle = createLoginThrottle({ counters: store.loginFailures, now, ...throttleLimits });
  const crossSiteLog = createCrossSiteLog({ now });
  // A demo switch, so the comparison can show JWTs without server-side
  // revocation: off, API calls check only the signature and claims, and a
  // revoked user's access token works until it expires. A deployment has no such switch.
  let revocationChecks = true;
  const hub = createEventHub();
  // Revocations from any instance (this one included) end the matching streams here.
  revocations.subscribe(({ sid, sub }, reason) => (sid === undefined ? hub.revokeUser(sub, reason) : hub.revokeFamily(sid, reason)));
  const serveStatic = staticDir === undefined ? undefined : createStaticHandler(staticDir);

  function setRefreshCookie(req, res, token) {
    const attributes = { maxAge: token ? refreshTokenTtl : 0, path: REFRESH_COOKIE_PATH, secure: isHttps(req, secureCookies) };
    res.appendHeader('Set-Cookie', serializeCookie(REFRESH_COOKIE, token, attributes));
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
  async function authenticateToken(token) {
    if (token === undefined) {
      throw new HttpError(401, 'missing_token', 'a Bearer access token is required', { headers: { 'WWW-Authenticate': 'Bearer' } });
    }
    try {
      const published = await keys.live();
      const claims = verifyJwt(token, { findKey: (kid) => findKey(published, kid), issuer, audience, nowSeconds: Math.floor(now() / 1000) });
      if (revocationChecks && (await accessTokens.isDenied(claims.jti))) throw new TokenError('revoked', 'the token was revoked');
      if (revocationChecks && !(await refreshTokens.isActive(claims.sid))) throw new TokenError('revoked', 'the session of the token has ended');
      return claims;
    } catch (error) {
      if (!(error instanceof TokenError)) throw error;
      // The message is one of tokens.js's fixed strings, safe inside a quoted header parameter.
      const challenge = `Bearer error="invalid_token", error_description="${error.message}"`;
      throw new HttpError(401, 'invalid_token', error.message, { reason: error.reason, headers: { 'WWW-Authenticate': challenge } });
    }
  }

  /**
   * Who makes the request: by its Bearer access token (JWT mode) when it has
   * one, else by its session cookie (session mode). `{ sub, sid, mode, claims? }`;
   * throws a 401 HttpError.
   */
  async function authenticate(req, res) {
    const token = bearerToken(req);
    if (token !== undefined || !sessionAuth.has(req)) {
      if (token !== undefined) noteCredential(req, 'authorization', 'Authorization');
      const claims = await authenticateToken(token);
      return { sub: claims.sub, sid: claims.sid, mode: 'jwt', claims };
    }
    return { ...(await sessionAuth.authenticate(req, res)), mode: 'session' };
  }

  // Ends the sessions this browser's cookies name, in both modes: at logout,
  // and at a sign-in, so one browser is in one mode at a time.
  async function endBrowserSessions(req, res) {
    const sid = await refreshTokens.revokeByToken(readCookie(req, REFRESH_COOKIE), 'logout');
    if (sid) await revocations.publish({ sid }, 'logout');
    if (readCookie(req, REFRESH_COOKIE) !== undefined) clearRefreshCookie(req, res);
    if (!sessionAuth.has(req)) return;
    const handle = await sessionAuth.end(req, res);
    if (handle) await revocations.publish({ sid: handle }, 'logout');
  }

  function refusedRefresh(req, res, error) {
    clearRefreshCookie(req, res);
    return new HttpError(401, error.code, error.message);
  }

  async function login(req, res, body) {
    const { username, password, mode = 'jwt' } = body;
    if (typeof username !== 'string' || typeof password !== 'string' || !['jwt', 'session'].includes(mode)) {
      throw new HttpError(400, 'invalid_request', 'the body must be {"username": string, "password": string, "mode"?: "jwt" | "session"}');
    }
    const address = req.socket.remoteAddress;
    await throttle.check(username, address);
    const user = await users.authenticate(username, password);
    if (!user) {
      await throttle.failed(username, address);
      throw new HttpError(401, 'invalid_credentials', 'wrong username or password');
    }
    await throttle.succeeded(username);
    await endBrowserSessions(req, res);
    if (mode === 'session') {
      const { idleUntil, expiresAt } = await sessionAuth.start(req, res, user.sub);
      sendJson(res, 200, { mode, sub: user.sub, idle_timeout: sessionIdleTtl, idle_until: idleUntil, expires_at: expiresAt });
      return;
    }
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

  // Whether a cookie names a live session (the session cookie's, or the
  // refresh cookie's without spending it): the SPA asks this on load, so a
  // visitor who is not signed in causes no 401.
  async function session(req, res) {
    const cookieSession = sessionAuth.has(req) ? await sessionAuth.peek(req) : undefined;
    if (cookieSession) {
      const { sub, idleUntil, expiresAt } = cookieSession;
      sendJson(res, 200, { active: true, mode: 'session', sub, idle_timeout: sessionIdleTtl, idle_until: idleUntil, expires_at: expiresAt });
      return;
    }
    try {
      const { sub } = await refreshTokens.inspect(readCookie(req, REFRESH_COOKIE));
      sendJson(res, 200, { active: true, mode: 'jwt', sub });
    } catch (error) {
      if (!(error instanceof RefreshTokenError)) throw error;
      sendJson(res, 200, { active: false });
    }
  }

  async function logout(req, res) {
    await endBrowserSessions(req, res);
    res.writeHead(204, { 'Cache-Control': 'no-store' });
    res.end();
  }

  async function events(req, res, body, query) {
    const accessToken = query.get('access_token');
    if (accessToken !== null || sessionAuth.has(req)) {
      const { sub, sid } = accessToken === null ? await sessionAuth.authenticate(req, res) : await authenticateToken(accessToken);
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

  // Ends every session of the user in both modes. The caller's session
  // cookie is left in place, now naming no record: the demo then measures
  // how soon the credential it held is refused (the next call clears it).
  async function revokeSessions(req, res, body) {
    const { sub } = await authenticate(req, res);
    if (body.sub !== undefined && body.sub !== sub) {
      throw new HttpError(403, 'forbidden', 'only your own sessions can be revoked');
    }
    const families = await refreshTokens.revokeUser(sub, 'admin_revoke');
    const deniedTokens = await accessTokens.revokeUser(sub);
    const serverSessions = await sessionAuth.endUser(sub);
    await revocations.publish({ sub }, 'admin_revoke');
    clearRefreshCookie(req, res);
    sendJson(res, 200, {
      sub,
      revoked_sessions: families.length + serverSessions.length,
      revoked_access_tokens: deniedTokens,
      deny_list: revocationChecks,
    });
  }

  async function denyList(req, res, body) {
    await authenticate(req, res);
    if (req.method === 'POST') {
      if (typeof body.enabled !== 'boolean') throw new HttpError(400, 'invalid_request', 'the body must be {"enabled": boolean}');
      revocationChecks = body.enabled;
    }
    sendJson(res, 200, { enabled: revocationChecks });
  }

  // What the demo's cross-site attempt met, and where the attacker page is.
  async function crossSiteAttempts(req, res) {
    await authenticate(req, res);
    sendJson(res, 200, { attacker_port: attackerPort ?? null, attempts: crossSiteLog.list() });
  }

  async function rotateKey(req, res) {
    await authenticate(req, res);
    const { current, previous } = await keys.rotate();
    sendJson(res, 200, {
      kid: current.kid,
      previous_kid: previous.kid,
      previous_kid_published_until: Math.ceil(previous.retiresAt / 1000),
    });
  }

  const jwks = async (req, res) => sendJson(res, 200, jwksOf(await keys.live()), { 'Cache-Control': `public, max-age=${JWKS_MAX_AGE_SECONDS}` });

  async function me(req, res) {
    const { sub, mode, claims, idleUntil, expiresAt } = await authenticate(req, res);
    const credential = mode === 'jwt' ? { claims } : { session: { idle_until: idleUntil, expires_at: expiresAt } };
    sendJson(res, 200, { mode, ...credential, user: users.profile(sub) });
  }

  async function notes(req, res) {
    const { sub } = await authenticate(req, res);
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
    ['/admin/deny-list', { GET: denyList, POST: denyList }],
    ['/admin/cross-site-attempts', { GET: crossSiteAttempts }],
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
      try {
        assertSameOrigin(req, secureCookies);
      } catch (error) {
        const cookieSent = readCookie(req, REFRESH_COOKIE) !== undefined || sessionAuth.has(req);
        crossSiteLog.add({ method: req.method, path: pathname, origin: req.headers.origin, status: error.status, error: error.error, cookie_sent: cookieSent });
        throw error;
      }
      body = await readJson(req);
    }
    await handler(req, res, body, query);
  }

  const server = http.createServer((req, res) => {
    withMetrics(res, () => handle(req, res)).catch((error) => sendError(req, res, unavailableAs503(error), onError));
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
