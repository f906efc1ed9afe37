// The third-party test vectors in tests/vectors (source and licence in its README).
import { readFileSync } from 'node:fs';

const folder = new URL('../../vectors/', import.meta.url);
export const readVectors = (name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
