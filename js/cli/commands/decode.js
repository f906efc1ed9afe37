// `edjwt decode`: the header and claims of a token, not verified, with its
// times as dates and relative to now.
import { decodeJwt, decodeProtectedHeader } from '../../index.node.js';
import { EXIT } from '../exit-status.js';
import { TOKEN_INPUT_HELP } from '../token-input.js';
import { printTokenView } from '../token-view.js';

export const decode = {
  name: 'decode',
  summary: 'show the header and claims (not verified), with exp/nbf/iat as dates',
  usage: `Usage: edjwt decode <token|-> [--json]

Shows a JWT's protected header and claims, pretty-printed, and its exp, nbf
and iat as ISO dates and relative to now ("expires in 4m 12s"). The signature
is NOT checked: use "edjwt verify" to trust the content.

  <token|->   the token, or - to read it from standard input
  --json      print {"protectedHeader", "payload"} as JSON on stdout
  -h, --help  show this help

${TOKEN_INPUT_HELP}

Exit status: 0 decoded, 1 not a JWT, 2 usage error.`,
  options: {},

  async run({ values, readToken, output, now }) {
    const token = await readToken();
    let decoded;
    try {
      // Claims first: decodeJwt's JWTInvalid carries jose's code, the header's TypeError has none.
      const payload = decodeJwt(token);
      decoded = { protectedHeader: decodeProtectedHeader(token), payload };
    } catch (error) {
      return output.tokenFailure(error, values.json, {});
    }
    if (values.json) output.json(decoded);
    else printTokenView(output, decoded, now(), '(not verified)');
    return EXIT.valid;
  },
};
