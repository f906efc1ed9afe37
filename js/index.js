// Entry for browsers, workers and bundlers: top-level await over loading the
// package's own .wasm (compiled while it streams), so the API is usable
// synchronously once the import resolves. A failure (blocked by CSP, not
// served) does not reject the import: the first call throws it with its fix.
// The .wasm's URL is imported statically, so its download starts as soon as
// this module runs; finding it through the dynamic import('#default-wasm')
// cost a round trip first (40–60 ms of a cold load locally, an RTT on a
// mobile link). Where fetch cannot load that URL — Node rendering this entry
// on a server, where it is a file: URL — init() takes the Node way instead.
import { defaultWasm } from './default-wasm.browser.js';
import { init } from './module.js';

await init({ wasm: defaultWasm() })
  .catch(() => init())
  .catch(() => {});

export * from './api.js';
