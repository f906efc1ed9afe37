// A token's header and claims as people read them: pretty-printed JSON, then
// each time claim (exp, nbf, iat) as an ISO date and relative to now. Shared
// by decode (nothing verified) and verify (everything verified).
import { describeTime } from './time-format.js';

const TIME_CLAIMS = ['exp', 'nbf', 'iat'];

function timeColor(colors, claim, at, nowMs) {
  const past = at.getTime() <= nowMs;
  if (claim === 'exp') return past ? colors.red : colors.green;
  if (claim === 'nbf') return past ? colors.green : colors.yellow;
  return past ? colors.dim : colors.yellow;
}

export function printTokenView(output, { protectedHeader, payload }, nowMs, note) {
  const { colors } = output;
  const heading = (title) => output.line(`${colors.bold(title)}${note ? ` ${colors.dim(note)}` : ''}`);
  heading('Header');
  output.line(JSON.stringify(protectedHeader, null, 2));
  heading('Claims');
  output.line(JSON.stringify(payload, null, 2));
  // A claim that is not a number, or beyond what a Date holds, has no date to show.
  const times = TIME_CLAIMS.map((claim) => [claim, new Date(typeof payload[claim] === 'number' ? payload[claim] * 1000 : NaN)])
    .filter(([, at]) => Number.isFinite(at.getTime()));
  if (times.length) output.line(colors.bold('Times'));
  for (const [claim, at] of times) {
    output.line(`  ${claim}  ${at.toISOString()}  ${timeColor(colors, claim, at, nowMs)(describeTime(claim, at, nowMs))}`);
  }
}
