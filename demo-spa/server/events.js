// Server-sent events. Each open stream belongs to one user and one refresh
// family (sid), so a revocation reaches exactly the tabs whose session it
// ends; the stream then ends too, as the credential that opened it is gone.
// A comment line every 15 s keeps proxies from timing idle streams out.

const PING_INTERVAL_MS = 15_000;

export function createEventHub() {
  const streams = new Set(); // { res, sub, sid }
  const ping = setInterval(() => {
    for (const { res } of streams) res.write(': ping\n\n');
  }, PING_INTERVAL_MS).unref();

  function revoke(matches, reason) {
    for (const stream of streams) {
      if (!matches(stream)) continue;
      stream.res.end(`event: revoked\ndata: ${JSON.stringify({ reason, sid: stream.sid, at: Date.now() })}\n\n`);
      streams.delete(stream);
    }
  }

  return {
    /** Turns `res` into an event stream for the session `{ sub, sid }`. */
    open(res, { sub, sid }) {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store' });
      // Sent at once so the client sees the stream open; also sets EventSource's reconnection delay.
      res.write('retry: 5000\n\n');
      const stream = { res, sub, sid };
      streams.add(stream);
      res.on('close', () => streams.delete(stream));
    },
    revokeFamily: (sid, reason) => revoke((stream) => stream.sid === sid, reason),
    revokeUser: (sub, reason) => revoke((stream) => stream.sub === sub, reason),
    close() {
      clearInterval(ping);
      for (const { res } of streams) res.end();
      streams.clear();
    },
  };
}
