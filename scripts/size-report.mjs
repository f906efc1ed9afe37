// Prints what a browser loads from edjwt: the .wasm and its JS glue, raw and
// gzip, and the .wasm's largest functions, so a size regression shows in the
// build that caused it.
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { edjwtBrowserSize } from './bundle-size.mjs';
import { functionSizes } from './wasm-functions.mjs';

const files = ['dist/edjwt-core.wasm', 'dist/edjwt-core.mjs'];
let raw = 0;
let gzip = 0;
for (const file of files) {
  const bytes = readFileSync(new URL(`../${file}`, import.meta.url));
  const zipped = gzipSync(bytes, { level: 9 }).length;
  raw += bytes.length;
  gzip += zipped;
  console.log(`size: ${file.padEnd(22)} ${(bytes.length / 1024).toFixed(1).padStart(6)} KB raw ${(zipped / 1024).toFixed(1).padStart(6)} KB gzip`);
}
console.log(`size: ${'total'.padEnd(22)} ${(raw / 1024).toFixed(1).padStart(6)} KB raw ${(gzip / 1024).toFixed(1).padStart(6)} KB gzip`);
const bundle = edjwtBrowserSize();
console.log(`size: browser bundle of jwtVerify, as npm run bench measures it: ${(bundle.js.gzip / 1024).toFixed(1)} KB JS + ` +
  `${(bundle.wasm.gzip / 1024).toFixed(1)} KB .wasm = ${(bundle.total.gzip / 1024).toFixed(1)} KB gzip`);
console.log('size: largest functions in dist/edjwt-core.wasm (bytes):');
for (const { bytes, name } of functionSizes(new URL('../dist/edjwt-core.wasm', import.meta.url).pathname).slice(0, 15)) {
  console.log(`size: ${String(bytes).padStart(7)}  ${decodeURIComponent(name.replace(/\\([0-9a-f]{2})/g, '%$1')).slice(0, 110)}`);
}
