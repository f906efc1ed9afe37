// Where results go: text for people on stdout (coloured on a terminal), or one
// JSON document on stdout with --json; diagnostics on stderr. Error messages
// pass through redact(), so no token is ever printed back.
import { EXIT } from './exit-status.js';
import { redact } from './redact.js';
import { colorsFor } from './style.js';

export function createOutput({ stdout, stderr, env }) {
  const secrets = [];
  return {
    colors: colorsFor(stdout, env),
    errorColors: colorsFor(stderr, env),
    keepSecret(text) {
      secrets.push(text);
    },
    line(text) {
      stdout.write(`${text}\n`);
    },
    json(value) {
      stdout.write(`${JSON.stringify(value, null, 2)}\n`);
    },
    diagnostic(text) {
      stderr.write(`${redact(text, secrets)}\n`);
    },
    /** An error as JSON: jose's `code` (null when it has none), the message and, for claim errors, `claim` and `reason`. */
    errorRecord(error) {
      const cause = error.cause instanceof Error && error.cause.message !== error.message ? `: ${error.cause.message}` : '';
      const record = { code: error.code ?? null, name: error.name, message: redact(`${error.message}${cause}`, secrets) };
      if (typeof error.claim === 'string') Object.assign(record, { claim: error.claim, reason: error.reason });
      return record;
    },
    /** A token that failed: "invalid: message (CODE)" on stderr, or `{ ...fields, error }` on stdout with --json. */
    tokenFailure(error, json, fields) {
      const record = this.errorRecord(error);
      if (json) this.json({ ...fields, error: record });
      else this.diagnostic(`${this.errorColors.red('invalid')}: ${record.message}${record.code ? ` (${record.code})` : ''}`);
      return EXIT.invalid;
    },
  };
}
