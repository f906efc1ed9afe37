// The verified-signature cache option (beyond jose): `cache: { size }` on a
// key or a key set. The cache itself lives in the core
// (wasm/core/verified_signatures.hpp), keyed by the key's bytes and the
// token's exact text, so a hit can only mean that this signing input and
// signature verified under this key; a key carries only its share's size.
// Only the signature is remembered; header and claims are checked on every call.
const MAX_SIZE = 0xffffffff;

/** The cache size a key's options ask for: 0 when there is no `cache` option. */
export function cacheSizeFromOptions(options) {
  const cache = options?.cache;
  if (cache === undefined) return 0;
  if (typeof cache !== 'object' || cache === null) throw new TypeError('"cache" option must be an object');
  if (!Number.isSafeInteger(cache.size) || cache.size < 1 || cache.size > MAX_SIZE) {
    throw new TypeError('"cache.size" must be a positive integer');
  }
  return cache.size;
}
