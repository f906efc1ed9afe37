// Human-readable durations, countdowns, clock offsets and times for the
// dashboard, the timeline and the inspector.
const UNITS = [['d', 86400], ['h', 3600], ['min', 60], ['s', 1]];

/** "8 s", "1 min 5 s", "2 h 10 min": the two largest units of |ms|. */
export function duration(ms) {
  let rest = Math.round(Math.abs(ms) / 1000);
  const parts = [];
  for (const [unit, size] of UNITS) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)} ${unit}`);
      rest %= size;
    }
  }
  return parts.slice(0, 2).join(' ');
}

/** "expires in 8 s" / "expired 14 s ago". */
export const countdown = (ms) => (ms >= 0 ? `expires in ${duration(ms)}` : `expired ${duration(ms)} ago`);

/** "in 8 s" / "14 s ago". */
export function relative(date, now = Date.now()) {
  if (!date) return '—';
  const ms = date.getTime() - now;
  return ms >= 0 ? `in ${duration(ms)}` : `${duration(ms)} ago`;
}

/** The issuer's clock against this one, in words, from an estimate in ms (issuer minus local). */
export function describeOffset(ms) {
  if (Math.abs(ms) < 1000) return "the issuer's clock agrees with this one (within a second)";
  const seconds = Math.abs(ms) / 1000;
  const minutes = Math.round(seconds / 60);
  const about = seconds >= 45 ? `${minutes} minute${minutes === 1 ? '' : 's'}` : `${Math.round(seconds)} seconds`;
  return `the issuer's clock is about ${about} ${ms > 0 ? 'ahead of' : 'behind'} this one`;
}

export const clockTime = (date) => (date ? date.toLocaleTimeString([], { hour12: false }) : '—');

/** A NumericDate claim as a local date and time. */
export const localDate = (seconds) => new Date(seconds * 1000).toLocaleString([], { hour12: false });

export const json = (value) => JSON.stringify(value, null, 2);
