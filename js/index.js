// Entry for browsers, workers and bundlers: top-level await over loading the
// package's own .wasm (compiled while it streams), so the API is usable
// synchronously once the import resolves. A failure (blocked by CSP, not
// served) does not reject the import: the first call throws it with its fix.
// The .wasm's URL is imported statically, so its download starts as soon as
// this module runs; a dynamic import would add a round trip before it
// (40–60 ms of a cold load on a local link, a full RTT on a mobile one).
import { defaultWasm } from './default-wasm.browser.js';
import { init } from './module.js';

await init({ wasm: defaultWasm() }).catch(() => {});

export * from './api.js';
