// Keeps tokens out of messages: the token being processed, and anything else
// shaped like a compact JWS whose header is JSON (base64url of '{"' or '{ '
// starts with "ey"), become a placeholder giving only their length.
const JWS_SHAPED = /(?<![A-Za-z0-9_-])ey[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;

const placeholder = (token) => `<token, ${token.length} characters>`;

export function redact(text, secrets = []) {
  let result = String(text);
  for (const secret of secrets) result = result.replaceAll(secret, placeholder(secret));
  return result.replace(JWS_SHAPED, placeholder);
}
