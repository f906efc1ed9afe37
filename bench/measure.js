// Timing helpers: ops/s over repeated rounds, reported as min/median/max.
// Work runs in batches of 50 calls, so awaiting a batch (needed for async
// functions) costs one microtask per 50 calls and sync figures stay honest.
const BATCH = 50;

async function rounds(batch, { rounds = 7, roundMs = 300 } = {}) {
  for (let i = 0; i < 4; i++) await batch();  // warm-up: JIT and caches
  const rates = [];
  for (let round = 0; round < rounds; round++) {
    let ops = 0;
    const start = performance.now();
    let elapsed = 0;
    while (elapsed < roundMs) {
      await batch();
      ops += BATCH;
      elapsed = performance.now() - start;
    }
    rates.push((ops * 1000) / elapsed);
  }
  return summarize(rates);
}

export const measure = (fn, options) =>
  rounds(() => {
    for (let i = 0; i < BATCH; i++) fn();
  }, options);

export const measureAsync = (fn, options) =>
  rounds(async () => {
    for (let i = 0; i < BATCH; i++) await fn();
  }, options);

export function summarize(values) {
  const sorted = [...values].sort((x, y) => x - y);
  return { min: sorted[0], median: sorted[Math.floor(sorted.length / 2)], max: sorted.at(-1) };
}
