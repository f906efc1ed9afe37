// The token to work on: the argument itself, or all of standard input for "-".
// Surrounding whitespace (a trailing newline, an indented paste) and a leading
// "Bearer " (a token copied from an Authorization header) are not part of a
// token: they are dropped here, while the library itself refuses them.
import { UsageError } from './exit-status.js';

export const TOKEN_INPUT_HELP = 'Surrounding whitespace and a leading "Bearer " (as copied from an\nAuthorization header) are dropped from the token.';

const BEARER = /^bearer\s+/i;

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readToken(argument, stdin) {
  const token = (argument === '-' ? await readAll(stdin) : argument).trim().replace(BEARER, '');
  if (!token) throw new UsageError(argument === '-' ? 'standard input held no token' : 'the token is empty');
  return token;
}
