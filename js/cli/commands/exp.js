// `edjwt exp`: how long a token has left, read from its exp claim (not
// verified), judged as jwtVerify would at this instant.
import { getExpiry } from '../../index.node.js';
import { clockToleranceSeconds } from '../arguments.js';
import { EXIT } from '../exit-status.js';
import { TOKEN_INPUT_HELP } from '../token-input.js';
import { describeTime } from '../time-format.js';

function describe(expiry, nowMs, colors) {
  if (!expiry.expiresAt) return `${colors.green('never expires')} (no exp claim)`;
  const when = `(${expiry.expiresAt.toISOString()})`;
  const phrase = describeTime('exp', expiry.expiresAt, nowMs);
  if (!expiry.expired && expiry.expiresAt.getTime() <= nowMs) return `${colors.yellow(phrase)} ${when}, accepted within the clock tolerance`;
  return `${(expiry.expired ? colors.red : colors.green)(phrase)} ${when}`;
}

export const exp = {
  name: 'exp',
  summary: 'time left before the token expires',
  usage: `Usage: edjwt exp <token|-> [--clock-tolerance SPAN] [--json]

Prints how long a JWT has left ("expires in 4m 12s", "expired 3h ago"), from
its exp claim. The signature is NOT checked.

  <token|->               the token, or - to read it from standard input
  --clock-tolerance SPAN  seconds, or a span such as "30s", allowed past exp
  --json                  print {"expiresAt", "expiresInMs", "expired",
                          "notYetValid", "state"} on stdout
  -h, --help              show this help

${TOKEN_INPUT_HELP}

Exit status: 0 not expired (or no exp claim), 1 expired or not a JWT, 2 usage error.`,
  options: {
    'clock-tolerance': { type: 'string' },
  },

  async run({ values, readToken, output, now }) {
    const nowMs = now();
    const clockTolerance = clockToleranceSeconds(values['clock-tolerance']);
    const token = await readToken();
    let expiry;
    try {
      expiry = getExpiry(token, { currentDate: new Date(nowMs), clockTolerance });
    } catch (error) {
      return output.tokenFailure(error, values.json, {});
    }
    if (values.json) {
      const { expiresAt, expiresInMs, expired, notYetValid, state } = expiry;
      output.json({ expiresAt, expiresInMs, expired, notYetValid, state });
    } else {
      output.line(describe(expiry, nowMs, output.colors));
      if (expiry.notYetValid) output.line(output.colors.yellow(describeTime('nbf', expiry.notBefore, nowMs)));
    }
    return expiry.expired ? EXIT.invalid : EXIT.valid;
  },
};
