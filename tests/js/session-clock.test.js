// What the session's clock estimate trusts: only evidence about now (a token a
// refresh call just returned, bounded by the call's start and end; a server
// Date). A restored token is never a clock reading: an old one starts the
// session expired and the first getToken() refreshes (issue 10's table).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { jwtVerify } from 'edjwt';
import { FakeClock } from './support/fake-clock.js';
import { issuer, record, session, signer } from './support/session-fixtures.js';
import { makeSigner } from './support/signing.js';

async function assertValidNow(token, clock, skewMs = 0) {
  const { payload } = await jwtVerify(token, signer.jwk, { currentDate: new Date(clock.now() + skewMs) });
  assert.ok(payload.exp * 1000 > clock.now() + skewMs);
}

describe('start(token) with a token obtained earlier', () => {
  const rows = [
    { ageSeconds: 3600, lifetimeSeconds: 2 },
    { ageSeconds: 3600, lifetimeSeconds: 300 },
    { ageSeconds: 7200, lifetimeSeconds: 3700 },
    { ageSeconds: 600, lifetimeSeconds: 300 },
  ];
  for (const { ageSeconds, lifetimeSeconds } of rows) {
    test(`issued ${ageSeconds} s ago with a ${lifetimeSeconds} s lifetime: no clock sample, starts expired, getToken() refreshes`, async () => {
      const clock = new FakeClock();
      const server = issuer(clock);
      const s = session(clock, server.refresh);
      const seen = record(s, 'expired', 'refreshed');
      const old = server.mint({ ageSeconds, lifetimeSeconds });
      await s.start(old);
      assert.equal(s.clockOffsetMs, 0);
      assert.equal(s.state, 'expired');
      assert.deepEqual(seen.map((e) => e.type), ['expired']);
      assert.equal(server.calls.count, 0);
      const token = await s.getToken();
      assert.notEqual(token, old);
      assert.equal(server.calls.count, 1);
      assert.equal(s.state, 'active');
      assert.equal(s.clockOffsetMs, 0);
      await assertValidNow(token, clock);
      s.stop();
    });
  }

  test('100 concurrent getToken() calls on an expired restored token make one refresh and all get the new token', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, async () => {
      await new Promise((resolve) => setTimeout(resolve, 10));
      return server.refresh();
    });
    await s.start(server.mint({ ageSeconds: 3600, lifetimeSeconds: 300 }));
    const tokens = await Promise.all(Array.from({ length: 100 }, () => s.getToken()));
    assert.equal(server.calls.count, 1);
    assert.equal(new Set(tokens).size, 1);
    await assertValidNow(tokens[0], clock);
    s.stop();
  });

  test('a restored token that is still valid is used without a refresh', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, server.refresh);
    const restored = server.mint({ ageSeconds: 600, lifetimeSeconds: 3600 });
    await s.start(restored);
    assert.equal(s.state, 'active');
    assert.equal(await s.getToken(), restored);
    assert.equal(server.calls.count, 0);
    assert.equal(s.clockOffsetMs, 0);
    s.stop();
  });

  test('an expired restored token whose signature fails still makes start throw', async () => {
    const clock = new FakeClock();
    const forged = issuer(clock, { by: makeSigner() }).mint({ ageSeconds: 3600, lifetimeSeconds: 300 });
    const s = session(clock, issuer(clock).refresh);
    await assert.rejects(s.start(forged), { code: 'ERR_JWS_SIGNATURE_VERIFICATION_FAILED' });
    s.stop();
  });

  test('an expired restored token whose other claims fail still makes start throw', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const s = session(clock, server.refresh, { verifyOptions: { audience: 'api' } });
    await assert.rejects(s.start(server.mint({ ageSeconds: 3600, lifetimeSeconds: 300 })), { code: 'ERR_JWT_CLAIM_VALIDATION_FAILED', claim: 'aud' });
    s.stop();
  });
});

describe('evidence about now', () => {
  test('a token expired by the local clock looks valid only once a refresh response supports the offset', async () => {
    const clock = new FakeClock();
    const hourBehind = issuer(clock, { skewMs: -3600_000, ttlSeconds: 300 });
    const s = session(clock, hourBehind.refresh);
    await s.start(hourBehind.mint());
    assert.equal(s.state, 'expired');  // valid on the issuer's clock, but nothing says so yet
    const token = await s.getToken();
    assert.equal(hourBehind.calls.count, 1);
    assert.ok(Math.abs(s.clockOffsetMs + 3600_000) <= 1000, `${s.clockOffsetMs}`);
    await assertValidNow(token, clock, -3600_000);
    s.stop();
  });

  test('start(token, { serverDate }) takes the Date as a reading of the issuer clock now', async () => {
    const clock = new FakeClock();
    const hourBehind = issuer(clock, { skewMs: -3600_000, ttlSeconds: 300 });
    const s = session(clock, hourBehind.refresh);
    const restored = hourBehind.mint();
    await s.start(restored, { serverDate: new Date(clock.now() - 3600_000).toUTCString() });
    assert.equal(s.state, 'active');
    assert.equal(await s.getToken(), restored);
    assert.equal(hourBehind.calls.count, 0);
    assert.ok(Math.abs(s.clockOffsetMs + 3600_000) <= 1000, `${s.clockOffsetMs}`);
    s.stop();
  });

  test('one fresh refresh corrects the estimate fully, not half way', async () => {
    const clock = new FakeClock();
    let skewMs = -600_000;
    const server = { count: 0 };
    const s = session(clock, async () => {
      server.count++;
      return { accessToken: issuer(clock, { skewMs }).mint() };
    });
    await s.start();
    assert.ok(Math.abs(s.clockOffsetMs + 600_000) <= 1000, `${s.clockOffsetMs}`);
    skewMs = 0;  // the local clock was set right
    await s.refreshNow();
    assert.ok(Math.abs(s.clockOffsetMs) <= 1000, `${s.clockOffsetMs}`);
    s.stop();
  });

  test("a refresh response bounds the offset by the call's start and end", async () => {
    const clock = new FakeClock();
    let bounds;
    const s = session(clock, async () => {
      const startedMs = clock.now();
      clock.jump(1_500);  // the issuer signs 1.5 s into a 3 s call
      const accessToken = issuer(clock).mint();
      const iatMs = JSON.parse(Buffer.from(accessToken.split('.')[1], 'base64url')).iat * 1000;
      clock.jump(1_500);
      bounds = [iatMs - clock.now(), iatMs + 1000 - startedMs];
      return { accessToken };
    });
    await s.start();
    assert.ok(s.clockOffsetMs >= bounds[0] && s.clockOffsetMs <= bounds[1], `${s.clockOffsetMs} outside ${bounds}`);
    s.stop();
  });

  test('a server Date beside a cached token wins: the Date always describes now', async () => {
    const clock = new FakeClock();
    const server = issuer(clock);
    const cached = server.mint({ ageSeconds: 120, lifetimeSeconds: 3600 });
    const s = session(clock, async () => ({ accessToken: cached, serverDate: new Date(clock.now()).toUTCString() }));
    await s.start();
    assert.ok(Math.abs(s.clockOffsetMs) <= 1000, `${s.clockOffsetMs}`);
    s.stop();
  });
});
