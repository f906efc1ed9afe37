// RS256 and ES256 beside jose, in Node (node:crypto) and in Chromium
// (WebCrypto): the platform checks the signature that edjwt's core call leaves
// pending, jose's check runs on the same platform, so these rows measure what
// edjwt's core adds around the platform. Each row is named "… RS256" or
// "… ES256"; its reference is "jose jwtVerify <alg>".
import { asyncBatch, syncBatch } from './measure.js';

export const PLATFORM_ALGS = ['RS256', 'ES256'];

/** The rows for `claims` and verify `options`; `sync` adds jwtVerifySync (Node only). */
export async function algorithmRows({ edjwt, jose, claims, options, sync }) {
  const rows = [];
  for (const alg of PLATFORM_ALGS) {
    const { publicKey, privateKey } = await jose.generateKeyPair(alg, { extractable: true });
    const jwk = await jose.exportJWK(publicKey);
    const token = await new jose.SignJWT(claims).setProtectedHeader({ alg, typ: 'JWT', kid: 'bench' }).sign(privateKey);
    const edKey = await edjwt.importJWK(jwk, alg);
    const joseKey = await jose.importJWK(jwk, alg);
    if (sync) rows.push([`edjwt jwtVerifySync ${alg}`, syncBatch(() => edjwt.jwtVerifySync(token, edKey, options))]);
    rows.push([`edjwt jwtVerify (async) ${alg}`, asyncBatch(() => edjwt.jwtVerify(token, edKey, options))]);
    rows.push([`jose jwtVerify ${alg}`, asyncBatch(() => jose.jwtVerify(token, joseKey, options))]);
  }
  return rows;
}

/** The reference row of a row of algorithmRows(), or undefined for other rows. */
export function algorithmReference(name) {
  const alg = PLATFORM_ALGS.find((entry) => name.endsWith(` ${entry}`));
  return alg && `jose jwtVerify ${alg}`;
}
