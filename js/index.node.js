// Entry for Node: the module is instantiated synchronously at import, so the
// API is usable at once and importing costs no top-level await. A failure is
// kept and thrown, with its fix, by the first call. node:crypto checks RSA,
// ECDSA and HMAC signatures here (synchronously: jwtVerifySync works).
import { defaultWasm } from '#default-wasm';
import { initSync } from './module.js';
import { registerPlatform } from './platform.js';
import { nodePlatform } from './platform-node.js';

registerPlatform(nodePlatform);

try {
  initSync(defaultWasm());
} catch {
  // Remembered by module.js; reported on first use.
}

export * from './api.js';
