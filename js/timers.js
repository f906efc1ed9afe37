// Timers that survive the real world. setTimeout fires at once for delays
// over 2^31-1 ms (about 24.8 days), so long delays are chained; Node timers
// are unref'd so a script can exit; and every firing re-reads the clock, so a
// timer that was late by minutes (laptop sleep, throttled background tab)
// acts on the real time rather than the time it was meant for.
const MAX_DELAY_MS = 2 ** 31 - 1;

export const systemClock = Object.freeze({
  now: () => Date.now(),
  setTimeout: (fn, ms) => globalThis.setTimeout(fn, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle),
});

/** Calls `callback` once the clock reaches `atMs` (or later). Returns a cancel function. */
export function at(clock, atMs, callback) {
  let handle;
  let cancelled = false;
  const arm = () => {
    const delay = Math.min(Math.max(0, atMs - clock.now()), MAX_DELAY_MS);
    handle = clock.setTimeout(() => {
      if (cancelled) return;
      if (clock.now() < atMs) arm();
      else callback();
    }, delay);
    handle?.unref?.();
  };
  arm();
  return () => {
    cancelled = true;
    clock.clearTimeout(handle);
  };
}
