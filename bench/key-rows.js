// Rows shared by the Node and Chromium benches: verifying with a key used for
// the first time, and one-shot (importJWK + jwtVerify), edjwt beside jose.
// `keys` are more than the core remembers as candidates (64), so cycling
// through them never gives one a table: every use is a first use.
import { asyncBatch, syncBatch } from './measure.js';

/** A function that returns the next item of `items`, round and round. */
export const cycle = (items) => {
  let next = 0;
  return () => items[next++ % items.length];
};

/** keys: [{ jwk, token, edjwt: imported key, jose: imported key }]. */
export function keyRows({ edjwt, jose, keys, options }) {
  const [firstEd, firstJose, oneShotEd, oneShotJose] = Array.from({ length: 4 }, () => cycle(keys));
  return [
    ['edjwt jwtVerifySync, first use of a key', syncBatch(() => { const k = firstEd(); edjwt.jwtVerifySync(k.token, k.edjwt, options); })],
    ['jose jwtVerify, first use of a key', asyncBatch(() => { const k = firstJose(); return jose.jwtVerify(k.token, k.jose, options); })],
    ['edjwt one-shot: importJWK + jwtVerify', asyncBatch(async () => {
      const k = oneShotEd();
      return edjwt.jwtVerify(k.token, await edjwt.importJWK(k.jwk, 'EdDSA'), options);
    })],
    ['jose one-shot: importJWK + jwtVerify', asyncBatch(async () => {
      const k = oneShotJose();
      return jose.jwtVerify(k.token, await jose.importJWK(k.jwk, 'EdDSA'), options);
    })],
  ];
}
