// Entry that loads nothing by itself, for hosts that serve the .wasm from
// elsewhere (a CDN, a strict CSP origin): call `await init({ wasm })` first.
export * from './api.js';
