// Human-readable durations and times for the dashboard and the inspector.
export function duration(ms) {
  const negative = ms < 0;
  let rest = Math.round(Math.abs(ms) / 1000);
  const parts = [];
  for (const [unit, size] of [['d', 86400], ['h', 3600], ['m', 60], ['s', 1]]) {
    if (rest >= size || (unit === 's' && parts.length === 0)) {
      parts.push(`${Math.floor(rest / size)}${unit}`);
      rest %= size;
    }
  }
  return `${negative ? '-' : ''}${parts.slice(0, 2).join(' ')}`;
}

export function relative(date, now = Date.now()) {
  if (!date) return '—';
  const ms = date.getTime() - now;
  return ms >= 0 ? `in ${duration(ms)}` : `${duration(-ms)} ago`;
}

export const clockTime = (date) => (date ? date.toLocaleTimeString([], { hour12: false }) : '—');

export const json = (value) => JSON.stringify(value, null, 2);
