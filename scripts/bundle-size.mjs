// What a browser downloads for a library's verify path: an esbuild bundle
// (--bundle --minify, ESM, browser), gzip -9. One measure for the bench, the
// build's size report and the size budget test, so their figures agree.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** { raw, gzip } bytes of `bytes`. */
export const measure = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/** { raw, gzip } of the minified bundle of an entry module's source text. */
export function bundleSize(source) {
  const { outputFiles } = buildSync({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true, minify: true, format: 'esm', platform: 'browser', write: false, outdir: 'out',
    loader: { '.wasm': 'file' }, logLevel: 'error',
  });
  return measure(outputFiles.find((file) => file.path.endsWith('.js')).contents);
}

/** edjwt's browser bundle of jwtVerify (JS and glue) and its .wasm, each { raw, gzip }, and their total. */
export function edjwtBrowserSize() {
  const js = bundleSize(`export { jwtVerify } from ${JSON.stringify(`${root}js/index.js`)};`);
  const wasm = measure(readFileSync(`${root}dist/edjwt-core.wasm`));
  return { js, wasm, total: { raw: js.raw + wasm.raw, gzip: js.gzip + wasm.gzip } };
}
