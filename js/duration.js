// jose's time spans ("30s", "2 minutes", "1h ago") in seconds, for clockTolerance and maxTokenAge.
const multipliers = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, y: 31557600 };
const SPAN =
  /^(\+|-)? ?(\d+|\d+\.\d+) ?(seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|weeks?|w|years?|yrs?|y)(?: (ago|from now))?$/i;

export function seconds(span) {
  const matched = typeof span === 'string' ? SPAN.exec(span) : null;
  if (!matched || (matched[4] && matched[1])) throw new TypeError('Invalid time period format');
  const value = Math.round(parseFloat(matched[2]) * multipliers[matched[3][0].toLowerCase()]);
  if (!Number.isFinite(value)) throw new TypeError('Invalid time period format');
  return matched[1] === '-' || matched[4]?.toLowerCase() === 'ago' ? -value : value;
}
