// The token to work on: the argument itself, or all of standard input for "-"
// (surrounding whitespace and a trailing newline are not part of a token).
import { UsageError } from './exit-status.js';

async function readAll(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString('utf8');
}

export async function readToken(argument, stdin) {
  const token = (argument === '-' ? await readAll(stdin) : argument).trim();
  if (!token) throw new UsageError(argument === '-' ? 'standard input held no token' : 'the token is empty');
  return token;
}
