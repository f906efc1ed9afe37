// The core's input limits (README "Limits"), readable and adjustable from JS.
// Token length is also checked here, before a string is copied into wasm
// memory, so an oversized token never grows the module's heap.
import { core } from './module.js';
import { Status } from './status.js';

let maxTokenLength;

export function getLimits() {
  return core().getLimits();
}

export function setLimits(limits) {
  if (typeof limits !== 'object' || limits === null) throw new TypeError('limits must be an object');
  const next = { ...getLimits(), ...limits };
  // Each key table is 98 KB of wasm memory, which never shrinks: 256 bounds it at 25 MB.
  for (const [name, min, max] of [['maxTokenLength', 16, 2 ** 31 - 1], ['maxJsonDepth', 1, 2 ** 31 - 1], ['maxKeyTables', 0, 256]]) {
    if (!Number.isSafeInteger(next[name]) || next[name] < min || next[name] > max) {
      throw new TypeError(`${name} must be an integer from ${min} to ${max}`);
    }
  }
  core().setLimits(next);
  maxTokenLength = next.maxTokenLength;
}

/** A core-shaped failure when `token` is certainly over the length limit, else null. */
export function lengthFailure(token) {
  maxTokenLength ??= getLimits().maxTokenLength;
  // A UTF-16 length over the limit means at least as many UTF-8 bytes.
  if (token.length <= maxTokenLength) return null;
  return {
    status: Status.token_too_long,
    message: `token is at least ${token.length} bytes, over the limit of ${maxTokenLength}`,
  };
}
