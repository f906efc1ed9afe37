// Running a differential case, in Node or in a browser page: a case's key as a
// verify call takes it, and what the call did, comparable across libraries.

/** The JWK as it is; an HMAC secret ({ secret: base64url }) as bytes. */
export const keyOf = (key) => (key.secret ? Uint8Array.from(atob(key.secret.replace(/-/g, '+').replace(/_/g, '/')), (c) => c.charCodeAt(0)) : key);

/**
 * What a verify call did: { ok, payload }, or { ok: false, code } for a jose
 * error (its code names its class; a bundler may rename the class itself), or
 * { ok: false, name } for any other error (TypeError, WebCrypto's DataError).
 */
export async function outcomeOf(verifying) {
  try {
    const { payload } = await verifying();
    return { ok: true, payload };
  } catch (error) {
    return typeof error.code === 'string' ? { ok: false, code: error.code } : { ok: false, name: error.name };
  }
}
