// One command's command line, read with node:util parseArgs: the command's own
// options plus --help and --json, exactly one token argument ("-" for standard
// input), and --clock-tolerance as seconds or a span such as "30s".
import { parseArgs } from 'node:util';
import { seconds } from '../duration.js';
import { UsageError } from './exit-status.js';

const SHARED_OPTIONS = {
  help: { type: 'boolean', short: 'h' },
  json: { type: 'boolean' },
};

/** `{ help: true }`, or `{ values, tokenArgument }`; UsageError for anything parseArgs or the count rejects. */
export function parseCommandLine(args, options) {
  let parsed;
  try {
    parsed = parseArgs({ args, options: { ...SHARED_OPTIONS, ...options }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error.message);
  }
  const { values, positionals } = parsed;
  if (values.help) return { help: true };
  if (positionals.length === 0) throw new UsageError('missing the token (give it, or - to read it from standard input)');
  if (positionals.length > 1) throw new UsageError(`expected one token, got ${positionals.length} arguments`);
  return { values, tokenArgument: positionals[0] };
}

/** --clock-tolerance as seconds: a number ("30", "1.5") or one of jose's spans ("30s", "2 minutes"). */
export function clockToleranceSeconds(text) {
  if (text === undefined) return undefined;
  let value;
  try {
    value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : seconds(text);
  } catch {
    value = NaN;
  }
  if (!(value >= 0)) throw new UsageError(`--clock-tolerance takes seconds or a span such as "30s", not "${text}"`);
  return value;
}
