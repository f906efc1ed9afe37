// The built SPA's files: served with the content types browsers insist on
// (application/wasm, or WebAssembly.instantiateStreaming refuses the module;
// exact script types under nosniff), index.html for the client-side routes,
// and nothing outside the folder, whether by `..` or by symlink.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { HttpError } from './http.js';

const CONTENT_TYPES = new Map([
  ['.html', 'text/html; charset=utf-8'],
  ['.js', 'text/javascript; charset=utf-8'],
  ['.mjs', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.json', 'application/json; charset=utf-8'],
  ['.map', 'application/json; charset=utf-8'],
  ['.wasm', 'application/wasm'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.ico', 'image/x-icon'],
  ['.txt', 'text/plain; charset=utf-8'],
]);

/** The real path and size of the file `relative` names inside `root` (a directory means its index.html). */
async function findFile(root, relative) {
  try {
    let file = await realpath(path.join(root, relative));
    let info = await stat(file);
    if (info.isDirectory()) {
      file = await realpath(path.join(file, 'index.html'));
      info = await stat(file);
    }
    const inside = file.startsWith(root + path.sep);
    return info.isFile() && inside ? { file, size: info.size } : undefined;
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return undefined;
    throw error;
  }
}

export function createStaticHandler(dir) {
  let root;

  return async function serveStatic(req, res, pathname) {
    root ??= await realpath(dir);
    let relative;
    try {
      relative = decodeURIComponent(pathname);
    } catch {
      throw new HttpError(400, 'invalid_path', 'the path is not valid percent-encoding');
    }
    if (relative.includes('\0') || relative.split(/[\\/]/).includes('..')) {
      throw new HttpError(403, 'forbidden_path', 'the path leaves the static folder');
    }
    // Only extensionless paths are client-side routes; a missing asset stays a 404
    // rather than HTML the browser would refuse as a script or style.
    const found = (await findFile(root, relative)) ?? (path.extname(relative) === '' ? await findFile(root, 'index.html') : undefined);
    if (!found) throw new HttpError(404, 'not_found', 'no such file');
    res.writeHead(200, {
      'Content-Type': CONTENT_TYPES.get(path.extname(found.file).toLowerCase()) ?? 'application/octet-stream',
      'Content-Length': found.size,
      'Cache-Control': 'no-cache',
    });
    if (req.method === 'HEAD') res.end();
    else {
      await pipeline(createReadStream(found.file), res).catch((error) => {
        // A client that leaves mid-download (a closed tab, a cancelled
        // preload) ends the stream early: nothing went wrong on this side.
        if (error.code !== 'ERR_STREAM_PREMATURE_CLOSE') throw error;
      });
    }
  };
}
