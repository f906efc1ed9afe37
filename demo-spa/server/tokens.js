// Access tokens: compact JWS with EdDSA over Ed25519 (RFC 8037), signed and
// verified by node:crypto. Verification accepts only what this server issues:
// alg EdDSA, a kid it publishes, its own iss and aud, and a live exp.
import { sign, verify } from 'node:crypto';

/** Seconds of clock skew allowed on exp and nbf. */
export const CLOCK_TOLERANCE_SECONDS = 5;

// Far above any token this server issues; bounds the work an attacker can ask for.
const MAX_TOKEN_LENGTH = 4096;
const BASE64URL = /^[A-Za-z0-9_-]+$/;

/** Why a token was refused; `reason` is a stable code, the message never quotes the token. */
export class TokenError extends Error {
  constructor(reason, message) {
    super(message);
    this.reason = reason;
  }
}

const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');

export function signJwt(claims, key) {
  const input = `${encode({ alg: 'EdDSA', typ: 'JWT', kid: key.kid })}.${encode(claims)}`;
  return `${input}.${sign(null, Buffer.from(input), key.privateKey).toString('base64url')}`;
}

function decodeSegment(segment, name) {
  let value;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(Buffer.from(segment, 'base64url')));
  } catch {
    throw new TokenError('malformed', `the ${name} is not base64url-encoded UTF-8 JSON`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new TokenError('malformed', `the ${name} is not a JSON object`);
  }
  return value;
}

/**
 * The claims of `token` once its signature, header and claims all check out;
 * throws TokenError otherwise. `findKey(kid)` returns a published key or undefined.
 */
export function verifyJwt(token, { findKey, issuer, audience, nowSeconds }) {
  const parts = typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH ? token.split('.') : [];
  // Node's base64url decoder skips characters outside the alphabet, so the
  // alphabet is checked first: a token has exactly one encoding.
  if (parts.length !== 3 || !parts.every((part) => BASE64URL.test(part))) {
    throw new TokenError('malformed', 'not a compact JWS');
  }
  const header = decodeSegment(parts[0], 'header');
  if (header.alg !== 'EdDSA') throw new TokenError('algorithm', 'only alg EdDSA is accepted');
  const key = typeof header.kid === 'string' ? findKey(header.kid) : undefined;
  if (!key) throw new TokenError('unknown_key', 'the kid names no published key');
  const signature = Buffer.from(parts[2], 'base64url');
  if (signature.length !== 64 || !verify(null, Buffer.from(`${parts[0]}.${parts[1]}`), key.publicKey, signature)) {
    throw new TokenError('signature', 'signature verification failed');
  }

  const claims = decodeSegment(parts[1], 'payload');
  if (claims.iss !== issuer) throw new TokenError('claims', 'unexpected iss');
  if (!(claims.aud === audience || (Array.isArray(claims.aud) && claims.aud.includes(audience)))) {
    throw new TokenError('claims', 'unexpected aud');
  }
  for (const name of ['sub', 'jti', 'sid']) {
    if (typeof claims[name] !== 'string') throw new TokenError('claims', `${name} must be a string`);
  }
  if (typeof claims.exp !== 'number') throw new TokenError('claims', 'exp must be a number');
  if (nowSeconds >= claims.exp + CLOCK_TOLERANCE_SECONDS) throw new TokenError('expired', 'the token has expired');
  if (claims.nbf !== undefined && !(typeof claims.nbf === 'number' && claims.nbf <= nowSeconds + CLOCK_TOLERANCE_SECONDS)) {
    throw new TokenError('not_yet_valid', 'the token is not valid yet');
  }
  return claims;
}
