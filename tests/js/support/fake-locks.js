// The part of the Web Locks API (navigator.locks) that TokenSession uses, for
// Node: one exclusive lock per name, granted in request order; `ifAvailable`
// gets null while the lock is held or requested, as in browsers.
export class FakeLocks {
  #tails = new Map();
  #outstanding = new Map();

  request(name, options, callback) {
    if (typeof options === 'function') [options, callback] = [{}, options];
    const outstanding = this.#outstanding.get(name) ?? 0;
    if (options.ifAvailable && outstanding > 0) return Promise.resolve().then(() => callback(null));
    this.#outstanding.set(name, outstanding + 1);
    const previous = this.#tails.get(name) ?? Promise.resolve();
    const run = previous.then(async () => {
      try {
        return await callback({ name });
      } finally {
        this.#outstanding.set(name, this.#outstanding.get(name) - 1);
      }
    });
    this.#tails.set(name, run.catch(() => {}));
    return run;
  }
}
