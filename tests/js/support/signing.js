// Tokens signed by hand with node:crypto's Ed25519 -- independent of both jose
// and edjwt -- so that tests can put anything in a header (alg none, crit,
// b64:false) that no JWT library would sign.
import { createPrivateKey, createPublicKey, randomBytes, sign } from 'node:crypto';

const b64u = (bytes) => Buffer.from(bytes).toString('base64url');
const PKCS8_ED25519 = Buffer.from('302e020100300506032b657004220420', 'hex');

/**
 * A new Ed25519 key pair from a random seed. Not generateKeyPairSync: on Node
 * 20 exporting a key as a JWK can deadlock when a garbage collection inside
 * the export finalises a key-generation job (bench/README.md, "Why
 * bench/previous-build.mjs hung"); keys made from a seed have no such job.
 */
export function ed25519KeyPair() {
  const privateKey = createPrivateKey({ key: Buffer.concat([PKCS8_ED25519, randomBytes(32)]), format: 'der', type: 'pkcs8' });
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

export function makeSigner() {
  const { publicKey, privateKey } = ed25519KeyPair();
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
