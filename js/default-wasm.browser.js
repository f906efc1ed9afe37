// Browsers and workers: the package's own .wasm as a URL. Bundlers (Vite,
// esbuild with a file loader, webpack 5) see this pattern and emit the asset.
export const defaultWasm = () => new URL('../dist/edjwt-core.wasm', import.meta.url);
