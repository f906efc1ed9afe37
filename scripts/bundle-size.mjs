// What a browser downloads for a library's verify path: an esbuild bundle
// (--bundle --minify, ESM, browser, code splitting as app bundlers do), gzip
// -9: the entry chunk and the chunks it imports statically. A chunk loaded by
// a dynamic import() (edjwt's WebCrypto adapter, fetched on the first RSA, EC
// or HMAC key) is not part of it. One measure for the bench, the build's size
// report and the size budget test, so their figures agree.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';

const root = new URL('..', import.meta.url).pathname;

/** { raw, gzip } bytes of `bytes`. */
export const measure = (bytes) => ({ raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });

/** { raw, gzip } of the minified bundle of an entry module's source text, as loaded at start. */
export function bundleSize(source) {
  const { outputFiles, metafile } = buildSync({
    stdin: { contents: source, resolveDir: root, loader: 'js' },
    bundle: true, minify: true, splitting: true, format: 'esm', platform: 'browser', write: false, outdir: 'out',
    loader: { '.wasm': 'file' }, logLevel: 'error', metafile: true,
  });
  const contents = new Map(outputFiles.map((file) => [relative(process.cwd(), file.path), file.contents]));
  const loaded = new Set();
  const load = (path) => {
    if (loaded.has(path)) return;
    loaded.add(path);
    for (const { path: next, kind } of metafile.outputs[path].imports) if (kind === 'import-statement' && contents.has(next)) load(next);
  };
  load(Object.keys(metafile.outputs).find((path) => metafile.outputs[path].entryPoint !== undefined));
  return measure(Buffer.concat([...loaded].map((path) => contents.get(path))));
}

/** edjwt's browser bundle of jwtVerify (JS and glue) and its .wasm, each { raw, gzip }, and their total. */
export function edjwtBrowserSize() {
  const js = bundleSize(`export { jwtVerify } from ${JSON.stringify(`${root}js/index.js`)};`);
  const wasm = measure(readFileSync(`${root}dist/edjwt-core.wasm`));
  return { js, wasm, total: { raw: js.raw + wasm.raw, gzip: js.gzip + wasm.gzip } };
}
