// The token inspector: paste any token, optionally a JWK or a JWKS URL, and
// see it decoded, its expiry explained and its signature checked, with a
// plain explanation for every error class.
import { createLocalJWKSet, createRemoteJWKSet, decodeJwt, decodeProtectedHeader, getExpiry, jwtVerify } from 'edjwt';
import { h, replace } from './dom.js';
import { duration, json, relative } from './format.js';

const EXPLANATIONS = {
  ERR_JWS_SIGNATURE_VERIFICATION_FAILED: 'The signature does not match: the token was altered, or signed by another key.',
  ERR_JWT_EXPIRED: 'The signature is fine, but the token has expired.',
  ERR_JWT_CLAIM_VALIDATION_FAILED: 'The signature is fine, but a claim failed its check.',
  ERR_JWS_INVALID: 'This is not a well-formed JWS (structure, base64url or header).',
  ERR_JWT_INVALID: 'This is not a well-formed JWT (its payload is not a JSON object edjwt can represent).',
  ERR_JOSE_ALG_NOT_ALLOWED: 'The token uses an algorithm that is not allowed.',
  ERR_JOSE_NOT_SUPPORTED: 'The token uses an algorithm or key type edjwt does not verify (only EdDSA/Ed25519).',
  ERR_JWK_INVALID: 'The key is not a valid Ed25519 public JWK.',
  ERR_JWKS_INVALID: 'The key set is malformed.',
  ERR_JWKS_NO_MATCHING_KEY: "No key in the set matches the token's kid and alg.",
  ERR_JWKS_MULTIPLE_MATCHING_KEYS: 'Several keys in the set match; the token needs a kid.',
  ERR_JWKS_TIMEOUT: 'The key set did not arrive in time.',
  ERR_JOSE_GENERIC: 'The key set could not be fetched.',
};

function keyFrom(mode, jwkText, jwksUrl) {
  if (mode === 'jwk') {
    const parsed = JSON.parse(jwkText);
    return Array.isArray(parsed.keys) ? createLocalJWKSet(parsed) : parsed;
  }
  return createRemoteJWKSet(new URL(jwksUrl, location.origin), { cooldownDuration: 0 });
}

function expiryLines(claims) {
  const e = getExpiry(claims);
  const lines = [];
  if (e.issuedAt) lines.push(`Issued ${relative(e.issuedAt)} (${e.issuedAt.toISOString()}).`);
  if (e.notBefore) lines.push(e.notYetValid ? `Not valid until ${e.notBefore.toISOString()}.` : `Valid since ${e.notBefore.toISOString()}.`);
  if (e.expiresAt) lines.push(e.expired ? `Expired ${relative(e.expiresAt)} (${e.expiresAt.toISOString()}).` : `Expires ${relative(e.expiresAt)} (${e.expiresAt.toISOString()}).`);
  else lines.push('No exp claim: this token never expires.');
  if (e.lifetimeMs !== null) lines.push(`Lifetime ${duration(e.lifetimeMs)}; state: ${e.state}.`);
  return lines;
}

export function inspectorView({ initialToken = '' } = {}) {
  const token = h('textarea', { id: 'inspect-token', rows: '5', spellcheck: 'false', 'aria-label': 'Token' });
  token.value = initialToken;
  const mode = h('select', { id: 'inspect-key-mode', 'aria-label': 'Key source' },
    h('option', { value: 'jwks' }, 'JWKS URL'), h('option', { value: 'jwk' }, 'JWK or JWKS (JSON)'), h('option', { value: 'none' }, 'Decode only'));
  const jwk = h('textarea', { id: 'inspect-jwk', rows: '3', spellcheck: 'false', 'aria-label': 'JWK', placeholder: '{"kty":"OKP","crv":"Ed25519","x":"…"}' });
  const jwksUrl = h('input', { id: 'inspect-jwks-url', value: '/.well-known/jwks.json', 'aria-label': 'JWKS URL' });
  const output = h('div', { id: 'inspect-output', 'aria-live': 'polite' });

  const inspect = async (event) => {
    event.preventDefault();
    const text = token.value.trim();
    const sections = [];
    try {
      sections.push(h('h2', {}, 'Protected header'), h('pre', { className: 'code' }, json(decodeProtectedHeader(text))));
      const claims = decodeJwt(text);
      sections.push(h('h2', {}, 'Claims'), h('pre', { className: 'code' }, json(claims)));
      sections.push(h('h2', {}, 'Expiry'), h('ul', {}, expiryLines(claims).map((line) => h('li', {}, line))));
    } catch (error) {
      sections.push(h('p', { className: 'error', id: 'decode-error' }, `Cannot decode: ${error.message}`));
    }
    if (mode.value !== 'none') {
      sections.push(h('h2', {}, 'Signature'));
      try {
        const { protectedHeader } = await jwtVerify(text, keyFrom(mode.value, jwk.value, jwksUrl.value), { currentDate: new Date() });
        sections.push(h('p', { className: 'ok', id: 'verify-result' }, `✓ Signature verified (alg ${protectedHeader.alg}${protectedHeader.kid ? `, kid ${protectedHeader.kid}` : ''}); claims valid now.`));
      } catch (error) {
        const code = error.code ?? error.name;
        sections.push(h('p', { className: 'error', id: 'verify-result', 'data-code': code }, `✗ ${error.name} (${code}): ${error.message}`),
          h('p', { className: 'hint' }, EXPLANATIONS[code] ?? 'The input could not be used (see the message).'));
      }
    }
    replace(output, sections);
  };

  return {
    element: h('section', { className: 'card inspector' },
      h('h1', {}, 'Token inspector'),
      h('form', { onsubmit: inspect },
        h('label', { for: 'inspect-token' }, 'Token'), token,
        h('label', { for: 'inspect-key-mode' }, 'Verify with'), mode,
        h('label', { for: 'inspect-jwks-url' }, 'JWKS URL'), jwksUrl,
        h('label', { for: 'inspect-jwk' }, 'JWK or JWKS JSON'), jwk,
        h('button', { type: 'submit', id: 'inspect' }, 'Inspect')),
      output),
    dispose: () => {},
  };
}
