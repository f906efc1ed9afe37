// Owns the wasm module: one instance per realm, loaded once, from bytes, a
// compiled WebAssembly.Module, a Response or a URL. API modules call core()
// synchronously; until a load has succeeded it throws WasmUnavailable naming
// the fix, never Emscripten's abort text.
import createEdjwtCore from '../dist/edjwt-core.mjs';
import { WasmUnavailable } from './errors.js';

let instance;
let loading;
let failure;

// We instantiate, so the glue never fetches or reads files on its own (its
// Node path breaks on Node 20's global fetch). Instantiating synchronously
// inside instantiateWasm makes the glue bind every function before it returns.
function instantiate(module) {
  const bindings = {
    instantiateWasm(imports, receiveInstance) {
      receiveInstance(new WebAssembly.Instance(module, imports), module);
      return {};
    },
  };
  createEdjwtCore(bindings).catch(() => {});
  instance = bindings;
  failure = undefined;
}

function explain(error) {
  const text =
    error instanceof WebAssembly.CompileError || error instanceof WebAssembly.LinkError
      ? "edjwt: WebAssembly could not be compiled. If the page has a Content-Security-Policy, its script-src must allow 'wasm-unsafe-eval'."
      : 'edjwt: the WebAssembly module could not be loaded. Serve edjwt-core.wasm beside edjwt-core.mjs, or call init({ wasm }) with its URL or bytes.';
  return new WasmUnavailable(text, { cause: error });
}

// The package's own .wasm: '#default-wasm' picks the Node or the browser way
// through package.json "imports". A browser importing these files unbundled
// has no package.json to consult, so it takes the browser way by relative path.
async function packageWasm() {
  const chosen = await import('#default-wasm').catch(() => import('./default-wasm.browser.js'));
  return chosen.defaultWasm();
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  if (typeof source === 'string' || source instanceof URL) source = fetch(source);
  if (source instanceof Promise || (typeof Response !== 'undefined' && source instanceof Response)) {
    const response = await source;
    if (!response.ok) throw new Error(`HTTP ${response.status} for ${response.url}`);
    // Streaming compilation needs the application/wasm type; other servers get the byte path.
    if (response.headers.get('content-type')?.split(';')[0].trim() === 'application/wasm') {
      return WebAssembly.compileStreaming(response);
    }
    source = await response.arrayBuffer();
  }
  return WebAssembly.compile(source);
}

/**
 * Loads the module from `wasm` (bytes, WebAssembly.Module, Response, URL), or
 * from the package's own edjwt-core.wasm. Safe to call many times: the first
 * successful load wins; a failed one may be retried.
 */
export function init({ wasm } = {}) {
  if (instance) return Promise.resolve();
  loading ??= (async () => {
    try {
      instantiate(await compile(wasm ?? await packageWasm()));
    } catch (error) {
      failure = explain(error);
      loading = undefined;
      throw failure;
    }
  })();
  return loading;
}

/** Synchronous load from bytes or a compiled module (Node, workers, tests). */
export function initSync(wasm) {
  if (instance) return;
  try {
    instantiate(wasm instanceof WebAssembly.Module ? wasm : new WebAssembly.Module(wasm));
  } catch (error) {
    failure = explain(error);
    throw failure;
  }
}

export function core() {
  if (instance) return instance;
  throw failure ?? new WasmUnavailable('edjwt: the WebAssembly module is not loaded yet; await init() first');
}
