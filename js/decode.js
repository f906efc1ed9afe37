// Unverified decoding: decodeJwt and decodeProtectedHeader with jose v6's
// names, results and errors. The core checks structure, strict base64url and
// the JSON policy and hands back the decoded JSON text; JSON.parse builds the
// result, so the objects are exactly the ones jose returns.
import { JWTInvalid } from './errors.js';
import { lengthFailure } from './limits.js';
import { errorFor, Status } from './status.js';
import { decode } from './transfer.js';

// `part` names what the core decodes; `operation` the row of the error table.
function decoded(text, part, operation) {
  const result = lengthFailure(text) ?? decode(part, text);
  if (result.status !== Status.ok) throw errorFor(result, operation);
  return JSON.parse(result.json);
}

/** The claims of a JWT, without verifying it. Throws JWTInvalid. */
export function decodeJwt(jwt) {
  if (typeof jwt !== 'string') {
    throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
  }
  return decoded(jwt, 'claims', 'decode');
}

/** The protected header of a compact JWS/JWE or a flattened object, without verifying it. Throws TypeError. */
export function decodeProtectedHeader(token) {
  if (typeof token === 'string') {
    return decoded(token, 'header', 'header');
  }
  if (typeof token === 'object' && token !== null) {
    if (!('protected' in token)) throw new TypeError('Token does not contain a Protected Header');
    const segment = token.protected;
    if (typeof segment === 'string' && segment) {
      return decoded(segment, 'headerSegment', 'header');
    }
  }
  throw new TypeError('Invalid Token or Protected Header formatting');
}
