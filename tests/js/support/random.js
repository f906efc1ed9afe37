// Seeded generators shared by the differential tests, so a failure can be replayed.
export function rng(seed) {
  let state = seed >>> 0 || 1;
  const next = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[next.int(list.length)];
  return next;
}

const alphabet = ['a', 'Z', '0', ' ', '"', '\\', '/', '\n', '\u00e9', '\u4e2d', '\u{1f600}', '\u2028', '\u0000', '.'];

export function randomString(r, max = 12) {
  let s = '';
  for (let i = r.int(max); i > 0; i--) s += r.pick(alphabet);
  return s;
}

export function randomValue(r, depth = 0) {
  switch (r.int(depth > 3 ? 4 : 6)) {
    case 0: return randomString(r);
    case 1: return r.pick([0, -1, 1.5, 2 ** 53 + 2, -(2 ** 31), 1e300, 5e-324, 1700000000, r.int(1e9)]);
    case 2: return r.pick([true, false]);
    case 3: return null;
    case 4: return Array.from({ length: r.int(4) }, () => randomValue(r, depth + 1));
    default: return randomObject(r, depth + 1);
  }
}

export function randomObject(r, depth = 0) {
  const object = {};
  for (let i = r.int(6); i > 0; i--) object[randomString(r, 6) || 'k'] = randomValue(r, depth);
  return object;
}

export function randomClaims(r) {
  const claims = randomObject(r);
  const now = 1700000000 + r.int(1e6);
  if (r() < 0.7) claims.exp = r() < 0.8 ? now + r.int(3600) : now + r() * 100;
  if (r() < 0.5) claims.iat = now - r.int(60);
  if (r() < 0.3) claims.nbf = now - r.int(60);
  if (r() < 0.6) claims.iss = 'https://issuer.example/' + randomString(r, 4);
  if (r() < 0.6) claims.sub = randomString(r, 8);
  if (r() < 0.5) claims.aud = r() < 0.5 ? 'api' : ['api', randomString(r, 4)];
  if (r() < 0.4) claims.jti = randomString(r, 10);
  return claims;
}
