// Timing helpers: ops/s over repeated rounds, reported as min/median/max.
// Rows of one table are measured round-robin (every row once per round, after
// a warm-up round of each), so background work -- V8 tiering up another
// library's wasm, a neighbour on these shared 2-core machines -- falls on all
// rows alike instead of on whichever ran first. Work runs in batches of 50
// calls, so awaiting a batch (needed for async functions) costs one microtask
// per 50 calls and sync figures stay honest.
const BATCH = 50;

/** A batch of `fn` calls, for a row of compare(). */
export const syncBatch = (fn) => () => {
  for (let i = 0; i < BATCH; i++) fn();
};

/** A batch of awaited `fn` calls, for a row of compare(). */
export const asyncBatch = (fn) => async () => {
  for (let i = 0; i < BATCH; i++) await fn();
};

async function round(batch, roundMs) {
  let ops = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < roundMs) {
    await batch();
    ops += BATCH;
    elapsed = performance.now() - start;
  }
  return (ops * 1000) / elapsed;
}

/** rows: [name, batch][] → [{ name, min, median, max }] in ops/s. */
export async function compare(rows, { rounds = 7, roundMs = 300 } = {}) {
  for (const [, batch] of rows) await round(batch, roundMs);  // warm-up: JIT, wasm tier-up, caches
  const rates = rows.map(() => []);
  for (let r = 0; r < rounds; r++) {
    for (const [i, [, batch]] of rows.entries()) rates[i].push(await round(batch, roundMs));
  }
  return rows.map(([name], i) => ({ name, ...summarize(rates[i]), rounds: rates[i] }));
}

export function summarize(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}
