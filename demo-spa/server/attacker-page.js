// The attacker's page for the demo's cross-site attempt: another site (the
// other loopback host name, on its own port) whose script POSTs to the demo's
// /auth/refresh and /admin/revoke with the visitor's cookies, as a malicious
// page would, then says so. It cannot read the answers (they are opaque to
// it); the demo's backend records what it saw (cross-site-log.js).
// `?target=` names the demo's origin: only a loopback origin is accepted,
// so this page cannot be pointed elsewhere.
import http from 'node:http';

const PATHS = ['/auth/refresh', '/admin/revoke'];

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A page on another site</title><script src="/attack.js" defer></script></head>
<body><h1>Another site</h1><p>This page posts to the demo behind your back.</p><ol id="log"></ol><p id="status">working…</p></body></html>`;

const SCRIPT = `
const target = new URLSearchParams(location.search).get('target') ?? '';
const log = document.querySelector('#log');
const note = (text) => log.append(Object.assign(document.createElement('li'), { textContent: text }));
(async () => {
  if (!/^http:\\/\\/(127\\.0\\.0\\.1|localhost):\\d+$/.test(target)) { note('no loopback target given'); return; }
  for (const path of ${JSON.stringify(PATHS)}) {
    try {
      // A "simple" request: no preflight, the cookies the browser allows, an opaque answer.
      await fetch(target + path, { method: 'POST', mode: 'no-cors', credentials: 'include', headers: { 'content-type': 'text/plain' }, body: '{}' });
      note('POST ' + path + ': sent (the answer is unreadable here)');
    } catch (error) {
      note('POST ' + path + ': the browser refused to send it (' + error.message + ')');
    }
  }
  document.querySelector('#status').textContent = 'done';
  document.body.dataset.done = 'true';
})();`;

const FILES = new Map([
  ['/', { type: 'text/html; charset=utf-8', body: PAGE }],
  ['/attack.js', { type: 'text/javascript; charset=utf-8', body: SCRIPT }],
]);

export function createAttackerServer() {
  return http.createServer((req, res) => {
    const file = FILES.get(req.url.split('?')[0]);
    if (!file || req.method !== 'GET') {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    res.writeHead(200, { 'Content-Type': file.type, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' }).end(file.body);
  });
}
