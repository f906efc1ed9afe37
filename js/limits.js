// The core's input limits (README "Limits"), readable and adjustable from JS;
// what each accepts comes from the core (LimitBounds, generated from
// wasm/core/limits.hpp). Token length is also checked here, before a string
// is copied into wasm memory, so an oversized token never grows the module's
// heap; the failure is the core's own (the same status and message as when
// the core finds it).
import { LimitBounds } from './core-constants.js';
import * as transfer from './transfer.js';

let maxTokenLength;

export function getLimits() {
  return transfer.getLimits();
}

export function setLimits(limits) {
  if (typeof limits !== 'object' || limits === null) throw new TypeError('limits must be an object');
  const next = { ...getLimits(), ...limits };
  for (const [name, { min, max }] of Object.entries(LimitBounds)) {
    if (!Number.isSafeInteger(next[name]) || next[name] < min || next[name] > max) {
      throw new TypeError(`${name} must be an integer from ${min} to ${max}`);
    }
  }
  transfer.setLimits(next);
  maxTokenLength = next.maxTokenLength;
}

// UTF-8 bytes of `text` as TextEncoder.encodeInto writes it (a lone surrogate
// becomes U+FFFD, three bytes); walked only for a token already over the limit.
function utf8Length(text) {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0x80) bytes += 1;
    else if (unit < 0x800) bytes += 2;
    else if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The core's failure for `token` when it is certainly over the length limit, else null. */
export function lengthFailure(token) {
  maxTokenLength ??= getLimits().maxTokenLength;
  // A UTF-16 length within the limit may still be over it in UTF-8: the core
  // finds those once the token is written. One over it is over in UTF-8 too.
  if (token.length <= maxTokenLength) return null;
  return transfer.checkTokenLength(utf8Length(token));
}
