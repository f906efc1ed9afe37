// Unverified decoding: decodeJwt and decodeProtectedHeader with jose v6's
// names, results and errors. The core checks structure, strict base64url and
// the JSON policy and hands back the decoded JSON text; JSON.parse builds the
// result, so the objects are exactly the ones jose returns.
import { JWTInvalid } from './errors.js';
import { lengthFailure } from './limits.js';
import { core } from './module.js';
import { coreError, errorFor, Status } from './status.js';
import { readText, writeInput } from './transfer.js';

// `decode` names the core function; `operation` the row of the error table.
function decoded(text, decode, operation) {
  const tooLong = lengthFailure(text);
  if (tooLong) throw errorFor(tooLong, operation);
  const status = core()[decode](writeInput(text));
  if (status !== Status.ok) throw coreError(status, operation);
  return JSON.parse(readText(core().decodedJson()));
}

/** The claims of a JWT, without verifying it. Throws JWTInvalid. */
export function decodeJwt(jwt) {
  if (typeof jwt !== 'string') {
    throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
  }
  return decoded(jwt, 'decodeJwtClaims', 'decode');
}

/** The protected header of a compact JWS/JWE or a flattened object, without verifying it. Throws TypeError. */
export function decodeProtectedHeader(token) {
  if (typeof token === 'string') {
    return decoded(token, 'decodeProtectedHeader', 'header');
  }
  if (typeof token === 'object' && token !== null) {
    if (!('protected' in token)) throw new TypeError('Token does not contain a Protected Header');
    const segment = token.protected;
    if (typeof segment === 'string' && segment) {
      return decoded(segment, 'decodeProtectedHeaderSegment', 'header');
    }
  }
  throw new TypeError('Invalid Token or Protected Header formatting');
}
