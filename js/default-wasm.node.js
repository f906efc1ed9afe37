// Node: the package's own .wasm, read from disk next to the glue.
import { readFileSync } from 'node:fs';

export const defaultWasm = () => readFileSync(new URL('../dist/edjwt-core.wasm', import.meta.url));
