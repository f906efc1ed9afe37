// Moves text across the wasm boundary: a token (or claims JSON), or a whole
// verify request, is encoded straight into the core's input buffer, and JSON
// text is decoded straight out of the views the core returns. Embind's
// std::string marshalling copies one character at a time in JS both ways, and
// its value objects cost a quarter of a JWT's processing; this costs one
// encodeInto per string and one decode (wasm/bindings.cpp says why).
import { core } from './module.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MIN_CAPACITY = 4096;

// A view of the core's input buffer. It is empty (detached) once wasm memory
// has grown, and then taken again, as when it is too small.
let input = new Uint8Array(0);

function reserve(capacity) {
  if (input.byteLength < capacity) {
    input = core().inputBuffer(Math.max(capacity, MIN_CAPACITY));
  }
}

/** Writes `text` as UTF-8 into the core's input buffer; returns its length in bytes. */
export function writeInput(text) {
  // UTF-8 needs at most three bytes per UTF-16 code unit.
  reserve(text.length * 3);
  return encoder.encodeInto(text, input).written;
}

// A field of a verify request is absent (undefined), one item (a string or
// bytes) or a list of strings.
const ABSENT = 0xffffffff;
const itemsOf = (field) => (field === undefined ? [] : Array.isArray(field) ? field : [field]);
const maxBytes = (item) => 4 + (typeof item === 'string' ? item.length * 3 : item.length);

/**
 * Writes a verify request as wasm/bindings.cpp's VerifyRequest reads it: each
 * field a u32 count (ABSENT when undefined), then per item a u32 byte length
 * and the bytes. Returns the request's length in bytes.
 */
export function writeRequest(fields) {
  let capacity = 0;
  for (const field of fields) capacity += 4 + itemsOf(field).reduce((sum, item) => sum + maxBytes(item), 0);
  reserve(capacity);
  const view = new DataView(input.buffer, input.byteOffset, input.byteLength);
  let at = 0;
  for (const field of fields) {
    view.setUint32(at, field === undefined ? ABSENT : Array.isArray(field) ? field.length : 1, true);
    at += 4;
    for (const item of itemsOf(field)) {
      const written = typeof item === 'string' ? encoder.encodeInto(item, input.subarray(at + 4)).written : (input.set(item, at + 4), item.length);
      view.setUint32(at, written, true);
      at += 4 + written;
    }
  }
  return at;
}

/** The text of a view the core returned; read at once, before the next core call. */
export function readText(view) {
  return decoder.decode(view);
}
