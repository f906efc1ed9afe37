// The third-party test vectors in tests/vectors (source and licence in its README).
import { readFileSync } from 'node:fs';

const folder = new URL('../../vectors/', import.meta.url);
export const readVectors = (name) => JSON.parse(readFileSync(new URL(name, folder), 'utf8'));
/** The text of a vector file (a PEM certificate or key). */
export const readVectorText = (name) => readFileSync(new URL(name, folder), 'utf8');
