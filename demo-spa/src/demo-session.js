// The demo's TokenSession: tokens verified against the backend's JWKS, the
// refresh made over the HttpOnly cookie, an optional simulated clock skew
// (the session sees a local clock that is off by `skewMs` and must estimate
// it), and revocations pushed by the server over server-sent events.
import { createRemoteJWKSet, RefreshError, TokenSession } from 'edjwt';
import * as api from './api.js';

export const VERIFY_OPTIONS = Object.freeze({ issuer: 'edjwt-demo', audience: 'edjwt-demo-spa', algorithms: ['EdDSA'] });

// A short cooldown so that a rotated key's new kid is fetched at once; the
// backend keeps the old key published until its tokens expire.
export const jwks = createRemoteJWKSet(new URL(api.JWKS_PATH, location.origin), { cooldownDuration: 1000, cacheMaxAge: 10_000 });

export function createDemoSession({ skewMs = 0 } = {}) {
  return new TokenSession({
    jwks,
    verifyOptions: VERIFY_OPTIONS,
    clock: { now: () => Date.now() + skewMs, setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (id) => clearTimeout(id) },
    refresh: async ({ signal }) => {
      const response = await api.refresh(signal);
      const body = await response.json().catch(() => ({}));
      // 401: the refresh token is missing, expired, revoked or was replayed: log in again.
      if (response.status === 401) throw new RefreshError(body.error ?? 'unauthorized', { fatal: true });
      if (!response.ok) throw new RefreshError(`http_${response.status}`);
      return { accessToken: body.access_token, serverDate: response.headers.get('date') };
    },
  });
}

export function watchRevocations(onRevoked) {
  const source = new EventSource('/auth/events');
  source.addEventListener('revoked', (event) => {
    source.close();
    onRevoked(JSON.parse(event.data));
  });
  return () => source.close();
}
