// Helpers to build tokens byte by byte, for cases that no signer would produce.
export const b64u = (text) => Buffer.from(text).toString('base64url');
export const header = b64u('{"alg":"EdDSA","typ":"JWT"}');
export const tokenWithPayload = (segment) => `${header}.${segment}.c2ln`;
export const tokenWithHeader = (segment) => `${segment}.${b64u('{}')}.c2ln`;
