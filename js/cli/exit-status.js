// The command's exit statuses, and the errors that mean "the command line is
// wrong" (status 2) and "the key could not be obtained" (status 3, worth a
// retry later) as opposed to "the token is not valid" (status 1, reject it).
export const EXIT = Object.freeze({ valid: 0, invalid: 1, usage: 2, keyUnavailable: 3 });

export const EXIT_STATUS_HELP = 'Exit status: 0 valid, 1 invalid, 2 usage error, 3 key unavailable (--jwks URL unreachable,\nan HTTP error, or not a JWK Set: retry later).';

export class UsageError extends Error {
  name = 'UsageError';
}

export class KeyUnavailable extends Error {
  name = 'KeyUnavailable';
}
