// refreshNow() asks for a token issued after the call: it refreshes at once,
// also within the policy's minimum gap after the last refresh, and is not
// answered by a token another tab delivered before it was called. A refresh
// the schedule or an expiring token asks for takes such a token instead, so
// tabs still share one refresh.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { TokenSession } from 'edjwt';
import { FakeClock } from './support/fake-clock.js';
import { FakeLocks } from './support/fake-locks.js';
import { issuer, record, session, signer } from './support/session-fixtures.js';

// A key function whose verifications wait while `hold()` is in force, and
// that says when one has begun: another tab's token can be caught mid-adoption.
function gatedKey() {
  let release = () => {};
  let gate = Promise.resolve();
  const waiting = [];
  const key = async () => {
    for (const resolve of waiting.splice(0)) resolve();
    await gate;
    return signer.jwk;
  };
  return {
    key,
    hold() {
      gate = new Promise((resolve) => { release = resolve; });
    },
    release: () => release(),
    nextVerification: () => new Promise((resolve) => waiting.push(resolve)),
  };
}

function twoTabs({ ttlSeconds }) {
  const server = issuer({ now: () => Date.now() }, { ttlSeconds });
  const locks = new FakeLocks();
  const channel = `refresh-now-${Math.random()}`;
  const gated = gatedKey();
  const slow = new TokenSession({ refresh: server.refresh, jwks: gated.key, channel, locks });
  const other = new TokenSession({ refresh: server.refresh, key: signer.jwk, channel, locks });
  // The channel does not keep Node alive, and a test may wait only on its messages.
  const keepAlive = setInterval(() => {}, 1000);
  const stop = () => {
    clearInterval(keepAlive);
    slow.stop();
    other.stop();
  };
  return { server, gated, slow, other, stop };
}

// The other tab refreshes; resolves to its token once the slow tab, which
// received it, is verifying it (held until `gated.release()`).
async function deliveredDuringVerification({ gated, other }) {
  gated.hold();
  const verifying = gated.nextVerification();
  const delivered = await other.refreshNow();
  await verifying;
  return delivered;
}

describe('refreshNow()', () => {
  test('within the minimum refresh gap of the last refresh, it refreshes at once, not at the schedule', async () => {
    const clock = new FakeClock();
    const server = issuer(clock, { ttlSeconds: 30 });
    const s = session(clock, server.refresh);
    const seen = record(s, 'refreshed');
    await s.start();
    clock.jump(200);  // well inside the 1 s gap
    const token = await s.refreshNow();
    assert.equal(server.calls.count, 2);
    assert.equal(s.claims.n, 2);
    assert.equal(token, await s.getToken());
    assert.deepEqual(seen.map((e) => e.source), ['refresh', 'refresh']);
    s.stop();
  });

  test('it is not answered by a token another tab delivered before the call (still being verified here)', async () => {
    const tabs = twoTabs({ ttlSeconds: 3600 });
    const { server, gated, slow, stop } = tabs;
    try {
      await slow.start(server.mint({ ageSeconds: 5 }));
      const delivered = await deliveredDuringVerification(tabs);
      const refreshed = slow.refreshNow();
      gated.release();
      const token = await refreshed;
      assert.equal(server.calls.count, 2);
      assert.notEqual(token, delivered);
      assert.equal(slow.claims.n, 2);
    } finally {
      stop();
    }
  });

  test('a demand for an expiring token is answered by the token another tab delivered: one refresh for both tabs', async () => {
    const tabs = twoTabs({ ttlSeconds: 3600 });
    const { server, gated, slow, stop } = tabs;
    try {
      // 50 s left of an hour: inside the 60 s refresh window, so getToken() refreshes.
      await slow.start(server.mint({ ageSeconds: 3550 }));
      const delivered = await deliveredDuringVerification(tabs);
      const token = slow.getToken();
      gated.release();
      assert.equal(await token, delivered);
      assert.equal(server.calls.count, 1);
    } finally {
      stop();
    }
  });
});
