// HTTP plumbing shared by every route: the security headers, JSON bodies and
// their limits, JSON errors, cookies, Bearer credentials and the same-origin
// rule for state-changing requests.

export const MAX_BODY_BYTES = 16 * 1024;

const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
    "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

/** A failure the client caused (or may know about), answered as `{ error, message, ...fields }`. */
export class HttpError extends Error {
  constructor(status, error, message, { headers = {}, ...fields } = {}) {
    super(message);
    this.status = status;
    this.error = error;
    this.headers = headers;
    this.fields = fields;
  }
}

export function setSecurityHeaders(res) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
}

export function sendJson(res, status, body, headers = {}) {
  const data = JSON.stringify(body);
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Content-Length': Buffer.byteLength(data),
    // Bodies carry tokens and per-user data: no cache may keep them.
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(data);
}

/** Answers `error`; anything that is not an HttpError is reported to `onError` and becomes a bare 500. */
export function sendError(req, res, error, onError) {
  if (!(error instanceof HttpError)) {
    onError(error);
    error = new HttpError(500, 'internal_error', 'unexpected server error');
  }
  if (res.headersSent) {
    res.destroy();
    return;
  }
  // An unread body (refused by its headers, or too large) would otherwise be
  // read to its end just to keep the connection alive.
  const close = req.complete ? {} : { Connection: 'close' };
  sendJson(res, error.status, { error: error.error, message: error.message, ...error.fields }, { ...error.headers, ...close });
}

/**
 * The request's JSON object body, or `{}` when it has none. A body, when
 * present, must be application/json, at most MAX_BODY_BYTES of UTF-8, and a
 * JSON object, whatever the route does with it.
 */
export async function readJson(req) {
  const length = req.headers['content-length'];
  if (req.headers['transfer-encoding'] === undefined && (length === undefined || length === '0')) return {};
  const mediaType = (req.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  if (mediaType !== 'application/json') {
    throw new HttpError(415, 'unsupported_media_type', 'request bodies must be application/json');
  }
  if (Number(length) > MAX_BODY_BYTES) throw tooLarge();
  const bytes = await readBytes(req);
  let value;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new HttpError(400, 'invalid_json', 'the body is not valid UTF-8 JSON');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new HttpError(400, 'invalid_json', 'the body must be a JSON object');
  }
  return value;
}

function tooLarge() {
  return new HttpError(413, 'payload_too_large', `request bodies are limited to ${MAX_BODY_BYTES} bytes`);
}

function readBytes(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    const onData = (chunk) => {
      size += chunk.length;
      // Chunked bodies announce no length, so the limit is also kept while reading.
      if (size > MAX_BODY_BYTES) {
        req.off('data', onData);
        req.pause();
        reject(tooLarge());
        return;
      }
      chunks.push(chunk);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('close', () => reject(new HttpError(400, 'incomplete_body', 'the request body was cut short')));
  });
}

/** https when the server is told so (`secure`) or a TLS-terminating proxy says so. */
export function isHttps(req, secure) {
  return secure || req.headers['x-forwarded-proto'] === 'https';
}

/**
 * Refuses a request whose Origin names another site. Browsers send Origin on
 * every cross-site POST, so this stops CSRF even where SameSite cookies do not
 * apply (Bearer routes, older browsers); requests without Origin come from
 * non-browser clients, which cannot be made to carry a victim's cookies.
 */
export function assertSameOrigin(req, secure) {
  const origin = req.headers.origin;
  if (origin === undefined) return;
  const own = `${isHttps(req, secure) ? 'https' : 'http'}://${req.headers.host ?? ''}`;
  if (origin.toLowerCase() !== own.toLowerCase()) {
    throw new HttpError(403, 'cross_origin_request', 'state-changing requests must come from this origin');
  }
}

export function readCookie(req, name) {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const at = part.indexOf('=');
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

export function serializeCookie(name, value, { maxAge, path, secure }) {
  const attributes = [`${name}=${value}`, `Max-Age=${maxAge}`, `Path=${path}`, 'HttpOnly', 'SameSite=Strict'];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

/** The token of an `Authorization: Bearer …` header (RFC 6750 §2.1), else undefined. */
export function bearerToken(req) {
  return /^Bearer +([A-Za-z0-9\-._~+/]+=*) *$/i.exec(req.headers.authorization ?? '')?.[1];
}
