// Builds the browser bench page (top-level await needs ES2022).
import { defineConfig } from 'vite';

export default defineConfig({
  root: new URL('.', import.meta.url).pathname,
  build: { target: 'es2022', outDir: new URL('../../build/bench-browser', import.meta.url).pathname, emptyOutDir: true },
  logLevel: 'warn',
});
