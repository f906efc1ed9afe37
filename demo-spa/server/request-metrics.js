// Per-request figures for the demo's comparison panel, measured on the
// requests themselves and sent back as response headers:
//   X-Store-Lookups     calls into the session state (sessions, refresh
//                       families, the deny-list) while serving the request;
//                       key reads are not counted: the keys are the same for
//                       every user and a deployment caches them
//   X-Credential-Bytes  bytes of the credential header as received
//                       ("Authorization: Bearer …" or "Cookie: …")
//   Server-Timing       app;dur= the time to the response's head, in ms
// The figures are about the request, never the credential's content.
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';

const requests = new AsyncLocalStorage();

function counted(methods) {
  return Object.fromEntries(Object.entries(methods).map(([name, method]) => [name, (...args) => {
    const metrics = requests.getStore();
    if (metrics) metrics.lookups += 1;
    return method(...args);
  }]));
}

/** `store` with each call into `namespaces` counted as a lookup of the request it serves. */
export function countingLookups(store, namespaces) {
  return { ...store, ...Object.fromEntries(namespaces.map((name) => [name, counted(store[name])])) };
}

/** Records which credential header the request was authenticated by. */
export function noteCredential(req, headerName, displayName) {
  const metrics = requests.getStore();
  if (metrics) metrics.credentialBytes = Buffer.byteLength(`${displayName}: ${req.headers[headerName]}`);
}

/** Runs `serve()` with the request's figures collected, and sent with the response's head. */
export function withMetrics(res, serve) {
  const metrics = { lookups: 0, credentialBytes: undefined, start: performance.now() };
  const writeHead = res.writeHead;
  res.writeHead = function writeHeadWithMetrics(...args) {
    res.setHeader('Server-Timing', `app;dur=${(performance.now() - metrics.start).toFixed(2)}`);
    res.setHeader('X-Store-Lookups', String(metrics.lookups));
    if (metrics.credentialBytes !== undefined) res.setHeader('X-Credential-Bytes', String(metrics.credentialBytes));
    return writeHead.apply(this, args);
  };
  return requests.run(metrics, serve);
}
