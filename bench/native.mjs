// The native core's ceiling: runs build/native/native_bench (Google Benchmark,
// built by scripts/bench.sh when libbenchmark is installed) on bench/run.mjs's
// own token and key, reads its JSON output, and tabulates each native figure
// beside the matching wasm one as a ratio.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { summarize } from './measure.js';

export const NATIVE_BENCH = 'build/native/native_bench';

/** ops/s {min, median, max} per benchmark name, or null when native_bench is not built. */
export function runNativeBench({ token, x, repetitions = 7, minSeconds = 0.3 }) {
  if (!existsSync(NATIVE_BENCH)) return null;
  const child = spawnSync(
    NATIVE_BENCH,
    ['--benchmark_format=json', `--benchmark_repetitions=${repetitions}`, `--benchmark_min_time=${minSeconds}`],
    { encoding: 'utf8', env: { ...process.env, EDJWT_BENCH_TOKEN: token, EDJWT_BENCH_X: x } },
  );
  if (child.status !== 0) throw new Error(`${NATIVE_BENCH} failed: ${child.stderr}`);
  const rates = {};
  for (const run of JSON.parse(child.stdout).benchmarks) {
    if (run.error_occurred) throw new Error(`${run.name}: ${run.error_message}`);
    if (run.run_type !== 'iteration') continue;
    (rates[run.run_name] ??= []).push(run.items_per_second);
  }
  return Object.fromEntries(Object.entries(rates).map(([name, values]) => [name, summarize(values)]));
}

/** rows: [label, native benchmark name, wasm result {name, median}]. */
export function nativeTable(native, rows) {
  const results = rows.map(([label, bench, wasm]) => ({
    name: label, benchmark: bench, ...native[bench], wasm: wasm.name, wasmMedian: wasm.median, wasmPerNative: wasm.median / native[bench].median,
  }));
  const lines = [
    '### Native core (Google Benchmark, same token) vs wasm',
    '',
    '| operation | native ops/s median | min | max | wasm through the JS API | wasm ops/s median | wasm / native |',
    '| --- | ---: | ---: | ---: | --- | ---: | ---: |',
  ];
  for (const r of results) {
    lines.push(`| ${r.name} | ${Math.round(r.median)} | ${Math.round(r.min)} | ${Math.round(r.max)} | ${r.wasm} | ${Math.round(r.wasmMedian)} | ${r.wasmPerNative.toFixed(2)}× |`);
  }
  return { results, markdown: lines.join('\n') };
}
