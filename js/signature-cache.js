// The verified-signature cache (beyond jose): a bounded LRU of tokens whose
// signature already verified under one key, so verifying the same token again
// skips the curve arithmetic. Only the signature is remembered; header and
// claims are checked on every call. Off unless a key or set is given
// `cache: { size }`.
export class SignatureCache {
  #size;
  #entries = new Set();

  constructor(size) {
    if (!Number.isSafeInteger(size) || size < 1) throw new TypeError('"cache.size" must be a positive integer');
    this.#size = size;
  }

  // The whole compact token is the key: its first two segments are the
  // signing input and the third the signature, so equal strings mean equal inputs.
  has(token) {
    if (!this.#entries.has(token)) return false;
    this.#entries.delete(token);
    this.#entries.add(token);
    return true;
  }

  add(token) {
    this.#entries.add(token);
    if (this.#entries.size > this.#size) this.#entries.delete(this.#entries.values().next().value);
  }

  get size() {
    return this.#entries.size;
  }
}

export function cacheFromOptions(options) {
  const cache = options?.cache;
  if (cache === undefined) return undefined;
  if (typeof cache !== 'object' || cache === null) throw new TypeError('"cache" option must be an object');
  return new SignatureCache(cache.size);
}
