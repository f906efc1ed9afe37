// The command's exit statuses, and the error that means "the command line is
// wrong" (status 2) as opposed to "the token is not valid" (status 1).
export const EXIT = Object.freeze({ valid: 0, invalid: 1, usage: 2 });

export class UsageError extends Error {
  name = 'UsageError';
}
