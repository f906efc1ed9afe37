// jose's verify options, checked (TypeError, before anything reaches wasm) and
// turned into the plain object js/verify.js writes into the core's verify request.
import { seconds } from './duration.js';

const isStringArray = (value) => Array.isArray(value) && value.every((item) => typeof item === 'string');

function stringList(value, name) {
  if (value === undefined) return undefined;
  if (typeof value === 'string') return [value];
  if (isStringArray(value)) return value;
  throw new TypeError(`"${name}" option must be a string or an array of strings`);
}

function optionalString(value, name) {
  if (value === undefined || typeof value === 'string') return value;
  throw new TypeError(`"${name}" option must be a string`);
}

function finite(value, name) {
  if (!Number.isFinite(value)) throw new TypeError(`Invalid ${name} input`);
  return value;
}

function span(value, name) {
  if (typeof value === 'string') return seconds(value);
  if (typeof value !== 'number') throw new TypeError(`Invalid ${name} option type`);
  return finite(value, `${name} option`);
}

/**
 * @param {object|undefined} options  jose's JWTVerifyOptions (or VerifyOptions for compactVerify)
 * @param {boolean} jwt  whether the payload is a JWT claims set to validate
 */
export function coreOptions(options = {}, jwt) {
  if (typeof options !== 'object' || options === null) throw new TypeError('options must be an object');
  const { algorithms, crit, currentDate, clockTolerance, maxTokenAge, requiredClaims } = options;
  if (algorithms !== undefined && !isStringArray(algorithms)) {
    throw new TypeError('"algorithms" option must be an array of strings');
  }
  if (crit !== undefined && (typeof crit !== 'object' || crit === null)) throw new TypeError('"crit" option must be an object');
  if (requiredClaims !== undefined && !isStringArray(requiredClaims)) {
    throw new TypeError('"requiredClaims" option must be an array of strings');
  }
  if (currentDate !== undefined && !(currentDate instanceof Date)) throw new TypeError('"currentDate" option must be a Date');
  const tolerance = clockTolerance === undefined ? 0 : span(clockTolerance, 'clockTolerance');
  if (tolerance < 0) throw new TypeError('Invalid clockTolerance option input');
  const maxAge = maxTokenAge === undefined ? undefined : span(maxTokenAge, 'maxTokenAge');
  if (maxAge < 0) throw new TypeError('Invalid maxTokenAge option input');
  return {
    algorithms,
    crit: crit ? Object.keys(crit) : [],
    jwt,
    claims: {
      issuers: stringList(options.issuer, 'issuer'),
      audiences: stringList(options.audience, 'audience'),
      requiredClaims,
      subject: optionalString(options.subject, 'subject'),
      typ: optionalString(options.typ, 'typ'),
      now: finite(Math.floor((currentDate ?? new Date()).getTime() / 1000), 'currentDate option'),
      clockTolerance: tolerance,
      maxTokenAge: maxAge,
    },
  };
}
