// Entry for browsers, workers and bundlers: top-level await over loading the
// package's own .wasm (compiled while it streams), so the API is usable
// synchronously once the import resolves. A failure (blocked by CSP, not
// served) does not reject the import: the first call throws it with its fix.
import { init } from './module.js';

await init().catch(() => {});

export * from './api.js';
