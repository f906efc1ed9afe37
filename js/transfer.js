// Moves text across the wasm boundary: a token (or claims JSON) is encoded
// straight into the core's input buffer, and JSON text is decoded straight out
// of the views the core returns. Embind's std::string marshalling copies one
// character at a time in JS both ways; this costs one encodeInto and one
// decode (wasm/bindings.cpp says why, README "Performance" says how much).
import { core } from './module.js';

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const MIN_CAPACITY = 4096;

// A view of the core's input buffer. It is empty (detached) once wasm memory
// has grown, and then taken again, as when it is too small.
let input = new Uint8Array(0);

/** Writes `text` as UTF-8 into the core's input buffer; returns its length in bytes. */
export function writeInput(text) {
  // UTF-8 needs at most three bytes per UTF-16 code unit.
  const capacity = text.length * 3;
  if (input.byteLength < capacity) {
    input = core().inputBuffer(Math.max(capacity, MIN_CAPACITY));
  }
  return encoder.encodeInto(text, input).written;
}

/** The text of a view the core returned; read at once, before the next core call. */
export function readText(view) {
  return decoder.decode(view);
}
