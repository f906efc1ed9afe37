// The demo backend's HTTP API. The refresh token and the session id are
// HttpOnly cookies the browser sends by itself; this code never sees them.
// Each answer carries the figures the backend measured on the request
// (credential bytes, store lookups, server time) for the comparison panel.

/** The backend's per-request figures, from the response's headers. */
function figuresOf(response) {
  const number = (name) => (response.headers.get(name) === null ? undefined : Number(response.headers.get(name)));
  const serverTiming = /(?:^|,\s*)app;dur=([\d.]+)/.exec(response.headers.get('server-timing') ?? '');
  return { credentialBytes: number('x-credential-bytes'), lookups: number('x-store-lookups'), serverMs: serverTiming ? Number(serverTiming[1]) : undefined };
}

async function call(path, { method = 'GET', token, body } = {}) {
  const headers = {};
  if (token) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const data = response.status === 204 ? null : await response.json().catch(() => null);
  return {
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    data,
    date: response.headers.get('date'),
    challenge: response.headers.get('www-authenticate'),
    retryAfter: response.headers.get('retry-after'),
    sessionIdleUntil: Number(response.headers.get('x-session-idle-until')) || undefined,
    figures: figuresOf(response),
  };
}

export const login = (username, password, mode) => call('/auth/login', { method: 'POST', body: { username, password, mode } });
export const refresh = (signal) => fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin', signal });
export const logout = () => call('/auth/logout', { method: 'POST' });
/** `{ active, mode?, sub?, … }` of the session a cookie names, without spending it. */
export const currentSession = async () => (await call('/auth/session')).data ?? { active: false };
export const revokeAll = (token) => call('/admin/revoke', { method: 'POST', token, body: {} });
export const rotateKey = (token) => call('/admin/rotate-key', { method: 'POST', token, body: {} });
export const setDenyList = (token, enabled) => call('/admin/deny-list', { method: 'POST', token, body: { enabled } });
export const denyList = (token) => call('/admin/deny-list', { token });
export const crossSiteAttempts = (token) => call('/admin/cross-site-attempts', { token });
export const me = (token) => call('/api/me', { token });
export const notes = (token) => call('/api/notes', { token });
export const JWKS_PATH = '/.well-known/jwks.json';
