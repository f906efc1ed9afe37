// A fake clock for TokenSession tests: time moves only when a test says so,
// timers fire in order, and `jump` moves time without firing anything (a
// sleeping laptop), so the next firing is late as in the real world.
export class FakeClock {
  #now;
  #timers = new Map();
  #nextId = 1;

  constructor(now = 1_800_000_000_000) {
    this.#now = now;
  }

  now = () => this.#now;

  setTimeout = (fn, ms) => {
    const id = this.#nextId++;
    this.#timers.set(id, { at: this.#now + Math.max(0, ms), fn });
    return id;
  };

  clearTimeout = (id) => {
    this.#timers.delete(id);
  };

  get pending() {
    return this.#timers.size;
  }

  /** Moves time forward by `ms`, firing due timers in order, letting promises settle between them. */
  async advance(ms) {
    const end = this.#now + ms;
    for (;;) {
      await settle();
      const [id, timer] = [...this.#timers].sort((a, b) => a[1].at - b[1].at)[0] ?? [];
      if (!timer || timer.at > end) break;
      this.#timers.delete(id);
      this.#now = Math.max(this.#now, timer.at);
      timer.fn();
    }
    this.#now = end;
    await settle();
  }

  /** Moves time without firing timers: they fire late on the next advance. */
  jump(ms) {
    this.#now += ms;
  }
}

export async function settle() {
  for (let i = 0; i < 20; i++) await new Promise((resolve) => setImmediate(resolve));
}
