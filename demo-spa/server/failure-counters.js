// Counters of failed sign-ins, each over a fixed window that starts with its
// first failure, for the login throttle (throttle.js). Entries whose window
// has passed are dropped, so names an attacker makes up do not pile up.
export function createFailureCounters({ now }) {
  const counters = new Map(); // key → { count, resetAt (ms) }

  function current(key, time) {
    const counter = counters.get(key);
    if (counter && counter.resetAt > time) return counter;
    counters.delete(key);
    return undefined;
  }

  return {
    /** Counts a failure against `key`; returns `{ count, resetAt }`. */
    add(key, windowMs) {
      const time = now();
      for (const name of counters.keys()) current(name, time);
      const counter = current(key, time) ?? { count: 0, resetAt: time + windowMs };
      counter.count += 1;
      counters.set(key, counter);
      return { ...counter };
    },
    /** `{ count, resetAt }` of `key`'s window, count 0 when none is open. */
    get(key) {
      const counter = current(key, now());
      return counter ? { ...counter } : { count: 0, resetAt: 0 };
    },
    clear(key) {
      counters.delete(key);
    },
  };
}
