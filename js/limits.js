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
  for (const [name, min] of [['maxTokenLength', 16], ['maxJsonDepth', 1]]) {
    if (!Number.isSafeInteger(next[name]) || next[name] < min || next[name] > 2 ** 31 - 1) {
      throw new TypeError(`${name} must be an integer from ${min} to 2^31-1`);
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
