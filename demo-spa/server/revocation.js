// Early ends for access tokens. A signed token stays valid until its exp, so
// ending a user's sessions now needs server state: the jtis each user still
// holds, which a revocation moves to a deny-list. Both keep a jti only until
// its token would be refused as expired anyway, so they stay small.
import { CLOCK_TOLERANCE_SECONDS } from './tokens.js';

export function createAccessTokenLedger({ now }) {
  const outstanding = new Map(); // sub → Map(jti → exp)
  const denied = new Map(); // jti → exp

  const nowSeconds = () => Math.floor(now() / 1000);
  function dropExpired(jtis) {
    const time = nowSeconds();
    for (const [jti, exp] of jtis) if (time >= exp + CLOCK_TOLERANCE_SECONDS) jtis.delete(jti);
  }

  return {
    record(sub, jti, exp) {
      dropExpired(denied);
      const jtis = outstanding.get(sub) ?? new Map();
      dropExpired(jtis);
      outstanding.set(sub, jtis.set(jti, exp));
    },
    /** Denies every token `sub` still holds; returns how many. */
    revokeUser(sub) {
      const jtis = outstanding.get(sub) ?? new Map();
      dropExpired(jtis);
      for (const [jti, exp] of jtis) denied.set(jti, exp);
      outstanding.delete(sub);
      return jtis.size;
    },
    isDenied: (jti) => denied.has(jti),
  };
}
