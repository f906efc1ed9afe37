// Lists a .wasm's functions by code size, named from the symbol map Emscripten
// writes beside it (--emit-symbol-map), so the build can show where the bytes
// are without a second, annotated link. Usage: node wasm-functions.mjs FILE.wasm [COUNT]
import { existsSync, readFileSync } from 'node:fs';

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** [{ index, name, bytes }] for every function body, largest first. */
export function functionSizes(wasmFile) {
  const bytes = readFileSync(wasmFile);
  const symbolsFile = [`${wasmFile}.symbols`, wasmFile.replace(/\.wasm$/, '.mjs.symbols')].find(existsSync);
  const names = new Map();
  if (symbolsFile) {
    for (const line of readFileSync(symbolsFile, 'utf8').split('\n')) {
      const colon = line.indexOf(':');
      if (colon > 0) names.set(Number(line.slice(0, colon)), line.slice(colon + 1));
    }
  }
  let importedFunctions = 0;
  const sizes = [];
  for (let at = 8; at < bytes.length; ) {
    const id = bytes[at];
    let size;
    [size, at] = readLeb(bytes, at + 1);
    const end = at + size;
    if (id === 2) {  // imports: function indices start after the imported functions
      let count;
      [count, at] = readLeb(bytes, at);
      for (let i = 0; i < count; i++) {
        for (let field = 0; field < 2; field++) {
          let length;
          [length, at] = readLeb(bytes, at);
          at += length;
        }
        const kind = bytes[at++];
        if (kind === 0) { [, at] = readLeb(bytes, at); importedFunctions++; }
        else if (kind === 1) { at += 1; const flags = bytes[at++]; [, at] = readLeb(bytes, at); if (flags & 1) [, at] = readLeb(bytes, at); }
        else if (kind === 2) { const flags = bytes[at++]; [, at] = readLeb(bytes, at); if (flags & 1) [, at] = readLeb(bytes, at); }
        else if (kind === 3) at += 2;
      }
    } else if (id === 10) {  // code
      let count;
      [count, at] = readLeb(bytes, at);
      for (let i = 0; i < count; i++) {
        const start = at;
        let bodySize;
        [bodySize, at] = readLeb(bytes, at);
        at += bodySize;
        const index = importedFunctions + i;
        sizes.push({ index, name: names.get(index) ?? `function ${index}`, bytes: at - start });
      }
    }
    at = end;
  }
  return sizes.sort((a, b) => b.bytes - a.bytes);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, count = '15'] = process.argv.slice(2);
  for (const f of functionSizes(file).slice(0, Number(count))) {
    console.log(`${String(f.bytes).padStart(7)}  ${f.name}`);
  }
}
