// Tokens signed by hand with node:crypto's Ed25519 -- independent of both jose
// and edjwt -- so that tests can put anything in a header (alg none, crit,
// b64:false) that no JWT library would sign.
import { generateKeyPairSync, sign } from 'node:crypto';

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');

export function makeSigner() {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const jwk = publicKey.export({ format: 'jwk' });
  return {
    jwk,
    publicKey,
    signSegments(header, payload) {
      const input = `${header}.${payload}`;
      return `${input}.${b64u(sign(null, Buffer.from(input), privateKey))}`;
    },
    sign(header, claims) {
      const payload = typeof claims === 'string' ? claims : JSON.stringify(claims);
      return this.signSegments(b64u(JSON.stringify(header)), b64u(payload));
    },
  };
}
