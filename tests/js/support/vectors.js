// The shared third-party test vectors, read in place from ../shared/test-vectors.
import { readFileSync } from 'node:fs';

const folder = new URL('../../../../shared/test-vectors/', import.meta.url);
export const readVectors = (name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
