// What a session takes from another tab: a token that expires no earlier than
// its own, verified before it is adopted -- also one expiring in the same
// second, as two refreshes within a second give (the newer may be signed with
// a rotated key) -- and never an older one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TokenSession } from 'edjwt';
import { FakeLocks } from './support/fake-locks.js';
import { issuer, signer } from './support/session-fixtures.js';

// Two tabs whose issuer's clock stands still: every token it mints has the same iat and exp.
function twoTabs(issuerClock) {
  const server = issuer(issuerClock);
  const channel = `session-tabs-${Math.random()}`;
  const locks = new FakeLocks();
  const open = (refresh) => new TokenSession({ refresh, key: signer.jwk, channel, locks });
  const keepAlive = setInterval(() => {}, 1000);  // the channel alone does not keep Node alive
  return { server, open, done: () => clearInterval(keepAlive) };
}

async function eventually(check, what) {
  const deadline = Date.now() + 5_000;
  while (!check()) {
    if (Date.now() > deadline) assert.fail(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

test('a token another tab refreshed that expires in the same second as this tab\'s is adopted', async () => {
  const now = Date.now();
  const { server, open, done } = twoTabs({ now: () => now });
  const a = open(server.refresh);
  const b = open(server.refresh);
  try {
    await a.start(server.mint());
    const sources = [];
    a.addEventListener('refreshed', (e) => sources.push(e.detail.source));
    const fromB = await b.refreshNow();
    await eventually(() => a.claims.n === 1, 'tab a adopts tab b\'s token');
    assert.equal(await a.getToken(), fromB);
    assert.deepEqual(sources, ['tab']);
  } finally {
    a.stop();
    b.stop();
    done();
  }
});

test('a token another tab announces that expires before this tab\'s is not adopted', async () => {
  let now = Date.now();
  const { server, open, done } = twoTabs({ now: () => now });
  const a = open(server.refresh);
  const b = open(server.refresh);
  try {
    now += 10_000;
    await a.start(server.mint());  // a's token expires 10 s after the one b will get
    now -= 10_000;
    await b.refreshNow();
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(a.claims.n, 0);
  } finally {
    a.stop();
    b.stop();
    done();
  }
});
