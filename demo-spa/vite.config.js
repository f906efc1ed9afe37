// Vite builds the SPA exactly as a user's app would be built. Top-level await
// (edjwt's browser entry loads its .wasm with it) needs an ES2022 target.
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { target: 'es2022', outDir: 'dist', emptyOutDir: true },
  optimizeDeps: { exclude: ['edjwt'] },
  logLevel: 'warn',
});
