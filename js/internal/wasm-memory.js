// Internal, for tests only (not in the package's exports): what the wasm
// module's memory holds. wasmMemoryBytes is the size of linear memory, which
// only ever grows. wasmHeapTop is where a fresh 64 KiB block lands: malloc
// carves a block that size from the top of the heap, so it rises with every
// allocation that stays live, long before memory itself has to grow.
import { core } from '../module.js';

const PROBE_BYTES = 64 * 1024;

export function wasmMemoryBytes() {
  return core().HEAPU8.length;
}

export function wasmHeapTop() {
  const module = core();
  const address = module._malloc(PROBE_BYTES);
  module._free(address);
  return address;
}
