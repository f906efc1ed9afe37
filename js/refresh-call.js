// One call of the application's refresh callback: aborted, and counted as
// failed, when it outlives the timeout; its answer checked. The timeout's
// timer keeps Node alive only while someone waits on the call.
import { RefreshError } from './session-errors.js';

/**
 * Calls `refresh({ signal })`. Resolves to `{ accessToken, serverDate,
 * startedMs, endedMs }` (the call's start and end on `clock`, which bound
 * when the issuer read its clock), or rejects with the callback's error, a
 * TimeoutError, or RefreshError('invalid_response').
 */
export async function callRefresh(refresh, { clock, timeoutMs }) {
  const startedMs = clock.now();
  const controller = new AbortController();
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = clock.setTimeout(() => {
      const error = new DOMException('the refresh call timed out', 'TimeoutError');
      controller.abort(error);
      reject(error);
    }, timeoutMs);
  });
  try {
    const result = await Promise.race([refresh({ signal: controller.signal }), timedOut]);
    if (typeof result?.accessToken !== 'string') throw new RefreshError('invalid_response');
    return { accessToken: result.accessToken, serverDate: result.serverDate, startedMs, endedMs: clock.now() };
  } finally {
    clock.clearTimeout(timer);
  }
}
