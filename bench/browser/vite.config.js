// Builds the browser bench pages (top-level await needs ES2022): the
// throughput page and one cold-load page per library.
import { defineConfig } from 'vite';

const page = (name) => new URL(name, import.meta.url).pathname;

export default defineConfig({
  root: page('.'),
  build: {
    target: 'es2022', outDir: new URL('../../build/bench-browser', import.meta.url).pathname, emptyOutDir: true,
    rollupOptions: { input: [page('index.html'), page('cold-edjwt.html'), page('cold-jose.html')] },
  },
  logLevel: 'warn',
});
