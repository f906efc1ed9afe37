// Unverified decoding: decodeJwt and decodeProtectedHeader with jose v6's
// names, results and errors. The core checks structure, strict base64url and
// the JSON policy and hands back the decoded JSON text; JSON.parse builds the
// result, so the objects are exactly the ones jose returns.
import { JWTInvalid } from './errors.js';
import { lengthFailure } from './limits.js';
import { core } from './module.js';
import { errorFor, Status } from './status.js';
import { readText, writeInput } from './transfer.js';

function parsed(result, operation) {
  if (result.status !== Status.ok) throw errorFor(result, operation);
  return JSON.parse(readText(core().decodedJson()));
}

/** The claims of a JWT, without verifying it. Throws JWTInvalid. */
export function decodeJwt(jwt) {
  if (typeof jwt !== 'string') {
    throw new JWTInvalid('JWTs must use Compact JWS serialization, JWT must be a string');
  }
  return parsed(lengthFailure(jwt) ?? core().decodeJwtClaims(writeInput(jwt)), 'decode');
}

/** The protected header of a compact JWS/JWE or a flattened object, without verifying it. Throws TypeError. */
export function decodeProtectedHeader(token) {
  if (typeof token === 'string') {
    return parsed(lengthFailure(token) ?? core().decodeProtectedHeader(writeInput(token)), 'header');
  }
  if (typeof token === 'object' && token !== null) {
    if (!('protected' in token)) throw new TypeError('Token does not contain a Protected Header');
    const segment = token.protected;
    if (typeof segment === 'string' && segment) {
      return parsed(lengthFailure(segment) ?? core().decodeProtectedHeaderSegment(writeInput(segment)), 'header');
    }
  }
  throw new TypeError('Invalid Token or Protected Header formatting');
}
