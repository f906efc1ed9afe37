// at(clock, atMs, callback) (js/timers.js): fires once the clock has reached
// the time, never before -- also past setTimeout's 2^31-1 ms limit and when
// a timer fires early by the clock -- acts once on the real time when late,
// can be cancelled, and in Node never keeps the process alive.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { describe, test } from 'node:test';
import { at, systemClock } from '../../js/timers.js';
import { FakeClock } from './support/fake-clock.js';

function counter() {
  const fired = [];
  return { fired, callback: (clock) => () => fired.push(clock.now()) };
}

describe('at', () => {
  test('fires once, when the clock reaches the time, not before', async () => {
    const clock = new FakeClock();
    const { fired, callback } = counter();
    const target = clock.now() + 5_000;
    at(clock, target, callback(clock));
    await clock.advance(4_999);
    assert.deepEqual(fired, []);
    await clock.advance(1);
    assert.deepEqual(fired, [target]);
    await clock.advance(60_000);
    assert.equal(fired.length, 1);
  });

  test('a time beyond setTimeout\'s 2^31-1 ms is reached by chained timers, none firing it early', async () => {
    const clock = new FakeClock();
    const { fired, callback } = counter();
    const delays = [];
    const recording = { now: clock.now, clearTimeout: clock.clearTimeout, setTimeout: (fn, ms) => (delays.push(ms), clock.setTimeout(fn, ms)) };
    const target = clock.now() + 40 * 86_400_000;
    at(recording, target, callback(clock));
    await clock.advance(2 ** 31);
    assert.deepEqual(fired, []);
    await clock.advance(target - clock.now());
    assert.deepEqual(fired, [target]);
    assert.ok(delays.every((ms) => ms <= 2 ** 31 - 1), `${delays}`);
  });

  test('a timer that fires before the time by the clock re-arms instead of calling back', () => {
    let now = 0;
    const queued = [];
    const clock = { now: () => now, setTimeout: (fn) => queued.push(fn), clearTimeout: () => {} };
    const fired = [];
    at(clock, 1_000, () => fired.push(now));
    now = 400;
    queued.shift()();  // fires early: the platform's timer and the clock disagree
    assert.deepEqual([fired, queued.length], [[], 1]);
    now = 1_000;
    queued.shift()();
    assert.deepEqual(fired, [1_000]);
  });

  test('late by a sleeping laptop\'s half hour, it fires once, at the real time', async () => {
    const clock = new FakeClock();
    const { fired, callback } = counter();
    const target = clock.now() + 60_000;
    at(clock, target, callback(clock));
    clock.jump(30 * 60_000);
    await clock.advance(0);
    assert.deepEqual(fired, [target - 60_000 + 30 * 60_000]);
  });

  test('a time already past fires on the next turn, not synchronously', async () => {
    const clock = new FakeClock();
    const { fired, callback } = counter();
    at(clock, clock.now() - 1_000, callback(clock));
    assert.deepEqual(fired, []);
    await clock.advance(0);
    assert.equal(fired.length, 1);
  });

  test('cancel stops it, also when its timer was already due', async () => {
    const clock = new FakeClock();
    const { fired, callback } = counter();
    const cancel = at(clock, clock.now() + 1_000, callback(clock));
    clock.jump(2_000);
    cancel();
    await clock.advance(10_000);
    assert.deepEqual([fired, clock.pending], [[], 0]);
  });
});

describe('systemClock', () => {
  test('is the real time', () => {
    const before = Date.now();
    const now = systemClock.now();
    assert.ok(now >= before && now <= Date.now());
  });

  test('a pending timer does not keep a Node process alive (it is unref\'d)', () => {
    const script = `import { at, systemClock } from ${JSON.stringify(new URL('../../js/timers.js', import.meta.url).href)};
      at(systemClock, Date.now() + 60_000, () => process.exit(3));`;
    const started = Date.now();
    const child = spawnSync(process.execPath, ['--input-type=module', '-e', script], { timeout: 30_000 });
    assert.equal(child.status, 0, String(child.stderr));
    assert.ok(Date.now() - started < 30_000);
  });
});
