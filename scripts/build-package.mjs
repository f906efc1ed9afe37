// The npm package's own build step, after the wasm build: the CommonJS entry,
// and the size of the tarball `npm pack` makes.
//
// Node 20 cannot require() an ES module, so dist/edjwt.cjs bundles the Node
// entry (which has no top-level await) as CommonJS, and dist/edjwt.d.cts gives
// it the same types in CommonJS form. The bundle sits in dist/, one level down
// as js/ is, so the .wasm URL that js/default-wasm.node.js builds relative to
// import.meta.url -- defined here as the bundle's own file URL -- still finds
// dist/edjwt-core.wasm.
import { execFileSync } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { build } from 'esbuild';

const root = new URL('../', import.meta.url);
const importMetaUrl = '__edjwt_import_meta_url';

await build({
  entryPoints: [new URL('js/index.node.js', root).pathname],
  outfile: new URL('dist/edjwt.cjs', root).pathname,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  define: { 'import.meta.url': importMetaUrl },
  banner: { js: `const ${importMetaUrl} = require('node:url').pathToFileURL(__filename).href;` },
  logLevel: 'warning',
});
copyFileSync(new URL('js/index.d.ts', root), new URL('dist/edjwt.d.cts', root));

const [pack] = JSON.parse(
  execFileSync('npm', ['pack', '--dry-run', '--json', '--loglevel=error'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] }),
);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
console.log(`size: npm package ${pack.filename}: ${kb(pack.size)} tarball, ${kb(pack.unpackedSize)} unpacked, ${pack.entryCount} files`);
