// Times as people read them: ISO 8601 dates, spans such as "4m 12s" or "3h"
// (the two largest units, a zero second unit left out), and the phrase for
// each registered time claim relative to now ("expires in 4m 12s", "expired 3h ago").
const UNITS = [['d', 86_400_000], ['h', 3_600_000], ['m', 60_000], ['s', 1_000]];

export function formatSpan(ms) {
  let rest = Math.floor(Math.abs(ms) / 1000) * 1000;
  const parts = [];
  for (const [unit, size] of UNITS) {
    const count = Math.floor(rest / size);
    rest -= count * size;
    if (parts.length || count) parts.push(count ? `${count}${unit}` : '');
    if (parts.length === 2) break;
  }
  return parts.filter(Boolean).join(' ') || '0s';
}

const PHRASES = {
  exp: { future: (span) => `expires in ${span}`, past: (span) => `expired ${span} ago` },
  nbf: { future: (span) => `not valid for another ${span}`, past: (span) => `valid since ${span} ago` },
  iat: { future: (span) => `issued ${span} in the future`, past: (span) => `issued ${span} ago` },
};

/** "expires in 4m 12s" for claim "exp" at `at` (a Date); a time equal to now is past, as jose judges exp. */
export function describeTime(claim, at, nowMs) {
  const span = formatSpan(at.getTime() - nowMs);
  return at.getTime() <= nowMs ? PHRASES[claim].past(span) : PHRASES[claim].future(span);
}
