// `edjwt verify`: checks a token's signature and claims with jwtVerify, against
// a JWK, a JWK Set (file or URL), a PEM or an HMAC secret, and says why it is
// not valid with jose's error code.
import { jwtVerify } from '../../index.node.js';
import { clockToleranceSeconds } from '../arguments.js';
import { EXIT } from '../exit-status.js';
import { TOKEN_INPUT_HELP } from '../token-input.js';
import { KEY_OPTIONS, loadKey } from '../key-source.js';
import { describeTime, formatSpan } from '../time-format.js';
import { printTokenView } from '../token-view.js';

function verifyOptions(values, nowMs) {
  return {
    issuer: values.iss,
    audience: values.aud,
    typ: values.typ,
    algorithms: values.alg,
    clockTolerance: clockToleranceSeconds(values['clock-tolerance']),
    currentDate: new Date(nowMs),
  };
}

// "valid" alone, or with the expiry the clock tolerance let through, said
// plainly rather than beside a "valid" that seems to contradict it.
function verdict(payload, toleranceSeconds, nowMs) {
  if (typeof payload.exp !== 'number' || payload.exp * 1000 > nowMs) return 'valid';
  const tolerance = formatSpan((toleranceSeconds ?? 0) * 1000);
  return `valid (${describeTime('exp', new Date(payload.exp * 1000), nowMs)}, within the ${tolerance} tolerance)`;
}

function summary({ protectedHeader, payload }, description, nowMs) {
  const kid = protectedHeader.kid === undefined ? '' : ` (kid ${JSON.stringify(protectedHeader.kid)})`;
  const expiry = typeof payload.exp !== 'number' ? '; no exp claim' : payload.exp * 1000 > nowMs ? `; ${describeTime('exp', new Date(payload.exp * 1000), nowMs)}` : '';
  return `${protectedHeader.alg} signature verified with ${description}${kid}${expiry}`;
}

export const verify = {
  name: 'verify',
  summary: 'verify the signature and claims with a JWK, a JWK Set, a PEM or a secret',
  usage: `Usage: edjwt verify <token|-> (--jwk FILE | --jwks URL | --pem FILE | --secret-file FILE) [options]

Verifies a JWT's signature (EdDSA, RS/PS/ES 256/384/512, HS256/384/512) and
its claims, as jwtVerify does. The key decides the algorithm family.

  <token|->               the token, or - to read it from standard input
  --jwk FILE              a public JWK, or a JWK Set ({"keys": [...]}), as JSON
  --jwks URL              a JWK Set to fetch (http or https)
  --pem FILE              an SPKI "PUBLIC KEY" PEM or a certificate (Ed25519, RSA, EC)
  --secret-file FILE      an HMAC secret for HS*: the file's bytes, exactly
                          (a trailing newline is part of the secret)
  --iss ISSUER            required "iss" (repeat to allow several)
  --aud AUDIENCE          required "aud" (repeat to allow several)
  --typ TYPE              required "typ" header
  --alg ALG               allowed "alg" (repeat to allow several)
  --clock-tolerance SPAN  seconds, or a span such as "30s", allowed for exp/nbf
  --json                  print {"valid", "protectedHeader", "payload"} or
                          {"valid": false, "error": {"code", "message"}} on stdout
  -h, --help              show this help

${TOKEN_INPUT_HELP}

Exit status: 0 valid, 1 invalid (the reason and jose's error code, such as
ERR_JWT_EXPIRED, are printed), 2 usage error, 3 the key could not be obtained
(the --jwks URL is unreachable, times out, answers an HTTP error or serves
something that is not a JWK Set): retry later rather than reject the token.`,
  options: {
    ...KEY_OPTIONS,
    iss: { type: 'string', multiple: true },
    aud: { type: 'string', multiple: true },
    typ: { type: 'string' },
    alg: { type: 'string', multiple: true },
    'clock-tolerance': { type: 'string' },
  },

  async run({ values, readToken, output, now }) {
    const nowMs = now();
    const options = verifyOptions(values, nowMs);
    const { key, description } = await loadKey(values);
    const token = await readToken();
    let result;
    try {
      result = await jwtVerify(token, key, options);
    } catch (error) {
      return output.tokenFailure(error, values.json, { valid: false });
    }
    const { protectedHeader, payload } = result;
    if (values.json) {
      output.json({ valid: true, protectedHeader, payload });
    } else {
      output.line(`${output.colors.green(verdict(payload, options.clockTolerance, nowMs))}: ${summary(result, description, nowMs)}`);
      printTokenView(output, { protectedHeader, payload }, nowMs);
    }
    return EXIT.valid;
  },
};
