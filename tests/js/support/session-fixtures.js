// A fake issuer and session set-up shared by the TokenSession tests: the
// issuer's clock runs `skewMs` ahead of the test's (fake) local clock.
import { TokenSession } from 'edjwt';
import { makeSigner } from './signing.js';

export const signer = makeSigner();

export function issuer(clock, { ttlSeconds = 3600, skewMs = 0, by = signer } = {}) {
  const calls = { count: 0 };
  const mint = ({ ageSeconds = 0, lifetimeSeconds = ttlSeconds } = {}) => {
    const iat = Math.floor((clock.now() + skewMs) / 1000) - ageSeconds;
    return by.sign({ alg: 'EdDSA', typ: 'JWT' }, { sub: 'u', iat, exp: iat + lifetimeSeconds, n: calls.count });
  };
  const refresh = async () => {
    calls.count++;
    return { accessToken: mint() };
  };
  return { calls, mint, refresh };
}

export function session(clock, refresh, extra = {}) {
  return new TokenSession({ refresh, key: signer.jwk, clock, random: () => 0, channel: false, ...extra });
}

export function record(target, ...types) {
  const seen = [];
  for (const type of types) target.addEventListener(type, (e) => seen.push({ type, ...e.detail }));
  return seen;
}
