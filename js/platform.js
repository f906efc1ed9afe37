// Which platform checks the signatures the core does not compute (RSA, ECDSA,
// HMAC): node:crypto where Node's entry registered it (synchronous, so
// jwtVerifySync works), else WebCrypto, loaded on first use so that an
// EdDSA-only app never fetches or parses it. A CryptoKey always goes to
// WebCrypto. An adapter is { kindOf, importSpki, verify(material, alg, data, signature) }.
let nodePlatform;
let webPlatform;

/** Called by Node's entry with js/platform-node.js. */
export function registerPlatform(adapter) {
  nodePlatform = adapter;
}

const isCryptoKey = (material) => material.source?.[Symbol.toStringTag] === 'CryptoKey';

/** The synchronous adapter for `material`; TypeError where only WebCrypto's asynchronous one exists. */
export function platformSync(material) {
  if (nodePlatform && !isCryptoKey(material)) return nodePlatform;
  throw new TypeError('this key is verified by WebCrypto, which is asynchronous: use jwtVerify instead of jwtVerifySync');
}

/** The adapter for `material`, loading WebCrypto's on first use (then without a Promise). */
export function platformAsync(material) {
  if (nodePlatform && !isCryptoKey(material)) return nodePlatform;
  return webPlatform ?? import('./platform-web.js').then((module) => (webPlatform = module.webPlatform));
}

/** The adapter that imports keys: Node's where registered, else WebCrypto's. */
export const importingPlatform = () => platformAsync({});
