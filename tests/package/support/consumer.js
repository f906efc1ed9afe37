// A fresh consumer project under os.tmpdir() with edjwt installed from the
// tarball `npm pack` makes of this checkout -- the files a registry install
// would get, with nothing borrowed from the repository. Build tools (Vite,
// esbuild, tsc, Chromium's driver) run from the repository's node_modules.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const repoRoot = new URL('../../../', import.meta.url).pathname;

const npm = (args, cwd) => execFileSync('npm', [...args, '--loglevel=error'], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `{ dir, pack, remove }`: `pack` is npm's record of the tarball (filename, size, files). */
export function installPackedPackage() {
  const dir = mkdtempSync(join(tmpdir(), 'edjwt-consumer-'));
  const [pack] = JSON.parse(npm(['pack', '--json', '--pack-destination', dir], repoRoot));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'edjwt-consumer', private: true, type: 'module' }));
  // The package has no dependencies: the install needs no registry.
  npm(['install', '--offline', '--no-audit', '--no-fund', `./${pack.filename}`], dir);
  return { dir, pack, remove: () => rmSync(dir, { recursive: true, force: true }) };
}
