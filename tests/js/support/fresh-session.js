// A TokenSession in real time against a real local refresh endpoint: the
// endpoint answers each POST with `{ access_token: issue() }`; for
// `durationMs` the caller's `check` gets every getToken() result, `pauseMs`
// apart. Returns what happened: { checks, adopted, errors }.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import { TokenSession } from 'edjwt';

export async function runFreshSession({ key, issue, durationMs, pauseMs, check }) {
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ access_token: issue() }));
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${server.address().port}/refresh`;
  const session = new TokenSession({
    key,
    refresh: async ({ signal }) => ({ accessToken: (await (await fetch(url, { method: 'POST', signal })).json()).access_token }),
  });
  const adopted = [];
  session.addEventListener('refreshed', (e) => adopted.push({ atMs: Date.now(), expiresAt: e.detail.expiresAt.getTime() }));
  const errors = [];
  session.addEventListener('error', (e) => errors.push(e.detail.code));
  let checks = 0;
  try {
    await session.start();
    const end = Date.now() + durationMs;
    while (Date.now() < end) {
      await check(await session.getToken());
      checks++;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
  } finally {
    session.stop();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  }
  return { checks, adopted, errors };
}

/** Each refresh came before the token it replaced expired. */
export function assertRefreshedBeforeExpiry(adopted) {
  for (let i = 1; i < adopted.length; i++) {
    assert.ok(adopted[i].atMs < adopted[i - 1].expiresAt, `refresh ${i} came ${adopted[i].atMs - adopted[i - 1].expiresAt} ms after expiry`);
  }
}
