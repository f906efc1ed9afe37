// The demo backend's HTTP API. The refresh token is an HttpOnly cookie the
// browser sends to /auth/* by itself; this code never sees it.
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
  };
}

export const login = (username, password) => call('/auth/login', { method: 'POST', body: { username, password } });
export const refresh = (signal) => fetch('/auth/refresh', { method: 'POST', credentials: 'same-origin', signal });
export const logout = () => call('/auth/logout', { method: 'POST' });
export const sessionExists = async () => (await call('/auth/session')).data?.active === true;
export const revokeAll = (token) => call('/admin/revoke', { method: 'POST', token, body: {} });
export const rotateKey = (token) => call('/admin/rotate-key', { method: 'POST', token, body: {} });
export const me = (token) => call('/api/me', { token });
export const notes = (token) => call('/api/notes', { token });
export const JWKS_PATH = '/.well-known/jwks.json';
