// Many tabs, one refresh (js/tab-coordination.js), with Node's real
// BroadcastChannel standing in for tabs: a token announced by one tab reaches
// the others; with Web Locks one tab refreshes and a tab that waited takes the
// holder's token; without them a short election picks one tab; a holder or
// leader that fails or hangs never blocks the others.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { soloTab, TabCoordinator } from '../../js/tab-coordination.js';
import { systemClock } from '../../js/timers.js';
import { FakeLocks } from './support/fake-locks.js';

const delay = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const open = [];
afterEach(() => {
  for (const tab of open.splice(0)) tab.close();
});

// Tabs opened a few milliseconds apart: a tab's id starts with its creation
// time, so the first tab opened wins an election (the smallest id leads).
async function tabs(count, { locks } = {}) {
  const name = `tabs-spec-${Math.random()}`;
  const opened = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) await delay(3);
    const received = [];
    const tab = new TabCoordinator({ name, locks, clock: systemClock, onToken: (token) => received.push(token) });
    open.push(tab);
    opened.push(Object.assign(tab, { received }));
  }
  return opened;
}

// A refresh that takes `ms` and counts its calls.
function refresher(ms, token) {
  const calls = { count: 0 };
  const refresh = async () => {
    calls.count++;
    await delay(ms);
    return { accessToken: token, source: 'refresh' };
  };
  return { calls, refresh };
}

describe('announcements', () => {
  test('a token announced by one tab reaches every other tab, not the sender', async () => {
    const [a, b, c] = await tabs(3);
    a.announce('t1');
    await delay(20);
    assert.deepEqual([a.received, b.received, c.received], [[], ['t1'], ['t1']]);
    assert.deepEqual([a.lastAnnounced, b.lastAnnounced], [undefined, 't1']);
  });

  test('a message that is not a token announcement is ignored', async () => {
    const name = `tabs-spec-${Math.random()}`;
    const received = [];
    const tab = new TabCoordinator({ name, clock: systemClock, onToken: (token) => received.push(token) });
    open.push(tab);
    const raw = new BroadcastChannel(name);
    for (const message of [null, 'token', { type: 'token', token: 5 }, { type: 'token' }, { type: 'other', token: 't' }]) raw.postMessage(message);
    await delay(20);
    raw.close();
    assert.deepEqual([received, tab.lastAnnounced], [[], undefined]);
  });
});

describe('with Web Locks', () => {
  test('a free lock: this tab refreshes', async () => {
    const [a] = await tabs(1, { locks: new FakeLocks() });
    const { calls, refresh } = refresher(5, 'mine');
    assert.deepEqual(await a.exclusive(refresh, { timeoutMs: 1_000 }), { accessToken: 'mine', source: 'refresh' });
    assert.equal(calls.count, 1);
  });

  test('a held lock: this tab waits, then takes the token the holder announced, without refreshing', async () => {
    const [a, b] = await tabs(2, { locks: new FakeLocks() });
    const holder = refresher(30, 'from-a');
    const waiter = refresher(0, 'from-b');
    const first = a.exclusive(async () => {
      const result = await holder.refresh();
      a.announce(result.accessToken);
      return result;
    }, { timeoutMs: 1_000 });
    await delay(5);
    const second = await b.exclusive(waiter.refresh, { timeoutMs: 1_000 });
    await first;
    assert.deepEqual(second, { accessToken: 'from-a', source: 'tab' });
    assert.equal(waiter.calls.count, 0);
  });

  test('a holder that released the lock without a token (it failed): the waiting tab refreshes itself', async () => {
    const [a, b] = await tabs(2, { locks: new FakeLocks() });
    const failing = a.exclusive(async () => {
      await delay(20);
      throw new Error('refresh failed');
    }, { timeoutMs: 1_000 });
    await delay(5);
    const waiter = refresher(0, 'from-b');
    const [failed, second] = await Promise.allSettled([failing, b.exclusive(waiter.refresh, { timeoutMs: 1_000 })]);
    assert.equal(failed.status, 'rejected');
    assert.deepEqual(second.value, { accessToken: 'from-b', source: 'refresh' });
    assert.equal(waiter.calls.count, 1);
  });
});

describe('without Web Locks (election)', () => {
  test('two tabs contending at once: exactly one refreshes, the other takes its token', async () => {
    const [a, b] = await tabs(2);
    const calls = { count: 0 };
    const run = (tab, token) => tab.exclusive(async () => {
      calls.count++;
      tab.announce(token);
      return { accessToken: token, source: 'refresh' };
    }, { timeoutMs: 2_000 });
    const [ra, rb] = await Promise.all([run(a, 'from-a'), run(b, 'from-b')]);
    assert.equal(calls.count, 1);
    assert.equal(ra.accessToken, rb.accessToken);
    assert.deepEqual([ra.source, rb.source].sort(), ['refresh', 'tab']);
  });

  test('a leader that hangs: the follower refreshes itself once the timeout passes', async () => {
    const [a, b] = await tabs(2);
    a.exclusive(() => new Promise(() => {}), { timeoutMs: 200 });
    const follower = refresher(0, 'from-b');
    const started = Date.now();
    const result = await b.exclusive(follower.refresh, { timeoutMs: 200 });
    assert.deepEqual(result, { accessToken: 'from-b', source: 'refresh' });
    assert.ok(Date.now() - started >= 200, 'it waited for the leader first');
  });

  test('close() stops a follower waiting for the leader: it refreshes at once', async () => {
    const [a, b] = await tabs(2);
    a.exclusive(() => new Promise(() => {}), { timeoutMs: 60_000 });
    const follower = refresher(0, 'from-b');
    const result = b.exclusive(follower.refresh, { timeoutMs: 60_000 });
    await delay(500);  // past the 60 ms election, with room for a loaded machine: b follows and waits for a's token
    assert.equal(follower.calls.count, 0);
    const closedAt = Date.now();
    b.close();
    assert.deepEqual(await result, { accessToken: 'from-b', source: 'refresh' });
    assert.ok(Date.now() - closedAt < 5_000);
  });
});

test('the solo stand-in (coordination off) runs the refresh here and announces nowhere', async () => {
  const { calls, refresh } = refresher(0, 'solo');
  assert.deepEqual(await soloTab.exclusive(refresh, { timeoutMs: 1_000 }), { accessToken: 'solo', source: 'refresh' });
  assert.equal(calls.count, 1);
  assert.equal(soloTab.lastAnnounced, undefined);
  soloTab.announce('x');
  assert.equal(soloTab.lastAnnounced, undefined);
});
