// One call of a TokenSession's refresh callback (js/refresh-call.js): the
// answer with the call's start and end, a timeout that aborts the call and
// rejects, an answer without a token refused, and no timer left behind.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RefreshError } from 'edjwt';
import { callRefresh } from '../../js/refresh-call.js';
import { FakeClock } from './support/fake-clock.js';

test('resolves to the token and server Date, with the local times the call started and ended', async () => {
  const clock = new FakeClock();
  const started = clock.now();
  const result = await callRefresh(async () => {
    clock.jump(1_500);
    return { accessToken: 't', serverDate: 'Tue, 01 Dec 2026 00:00:00 GMT', extra: 1 };
  }, { clock, timeoutMs: 15_000 });
  assert.deepEqual(result, { accessToken: 't', serverDate: 'Tue, 01 Dec 2026 00:00:00 GMT', startedMs: started, endedMs: started + 1_500 });
  assert.equal(clock.pending, 0);
});

test('a call that outlives the timeout is aborted (its signal says TimeoutError) and rejects with TimeoutError', async () => {
  const clock = new FakeClock();
  let signal;
  const call = callRefresh((context) => {
    signal = context.signal;
    return new Promise(() => {});
  }, { clock, timeoutMs: 200 });
  const outcome = call.then(() => 'resolved', (error) => error);
  await clock.advance(199);
  assert.equal(signal.aborted, false);
  await clock.advance(1);
  const error = await outcome;
  assert.equal(error.name, 'TimeoutError');
  assert.equal(signal.aborted, true);
  assert.equal(signal.reason, error);
});

test('an answer without a string accessToken is RefreshError("invalid_response"), retried (not fatal)', async () => {
  const clock = new FakeClock();
  for (const answer of [undefined, {}, { accessToken: 5 }, { access_token: 't' }]) {
    await assert.rejects(callRefresh(async () => answer, { clock, timeoutMs: 1_000 }), (error) => error instanceof RefreshError && error.code === 'invalid_response' && !error.fatal);
  }
  assert.equal(clock.pending, 0);
});

test('the callback\'s own failure passes through unchanged, and its timer is cleared', async () => {
  const clock = new FakeClock();
  const failure = new TypeError('fetch failed');
  await assert.rejects(callRefresh(async () => { throw failure; }, { clock, timeoutMs: 1_000 }), (error) => error === failure);
  assert.equal(clock.pending, 0);
});
