// Memory stays flat under sustained use (issue 7): 1,000,000 decodes, 100,000
// verifications (valid and failing, with and without the verified-signature
// cache) and 10,000 key imports. The work runs in a child process with
// --expose-gc (support/leak-workload.js). After a warm-up, wasm linear memory
// must not grow at all and the top of the wasm heap must stay put (a leak of
// one 16-byte chunk per call moves it by megabytes); the collected JS heap,
// external and ArrayBuffer memory must stay within small bounds (keeping every
// imported key alive already breaks the heap bound).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';

const KiB = 1024;
const MiB = 1024 * KiB;
const bounds = { wasmMemory: 0, wasmHeapTop: 4 * KiB, heapUsed: 2 * MiB, external: 1 * MiB, arrayBuffers: 1 * MiB };
const expected = [
  ['decode', 1_000_000],
  ['verify, valid, no cache', 25_000],
  ['verify, failing, no cache', 25_000],
  ['verify, valid, cache of 1000', 25_000],
  ['verify, failing, cache of 1000', 25_000],
  ['key imports', 10_000],
];

let phases;
before(() => {
  const workload = fileURLToPath(new URL('./support/leak-workload.js', import.meta.url));
  const child = spawnSync(process.execPath, ['--expose-gc', workload], { encoding: 'utf8', timeout: 240_000 });
  assert.equal(child.status, 0, `leak workload failed: ${child.stderr}`);
  phases = new Map(JSON.parse(child.stdout).map((phase) => [phase.name, phase]));
});

const kib = (bytes) => `${(bytes / KiB).toFixed(1)} KiB`;

for (const [name, count] of expected) {
  test(`memory stays flat: ${count.toLocaleString('en')} × ${name}`, (t) => {
    const phase = phases.get(name);
    assert.ok(phase, `phase ${name} did not run`);
    assert.equal(phase.count, count);
    const growth = Object.entries(phase.growth).map(([measure, bytes]) => `${measure} ${kib(bytes)}`);
    t.diagnostic(`${phase.seconds.toFixed(1)} s; growth: ${growth.join(', ')}`);
    for (const [measure, bound] of Object.entries(bounds)) {
      assert.ok(
        phase.growth[measure] <= bound,
        `${measure} grew by ${kib(phase.growth[measure])} over ${count} operations (bound ${kib(bound)}; from ${kib(phase.before[measure])})`,
      );
    }
  });
}
