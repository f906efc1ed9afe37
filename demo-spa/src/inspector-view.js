// The token inspector: paste any token, choose how to verify it (a JWKS URL,
// a JWK or JWKS, or not at all), and see it decoded, its expiry explained,
// its signature checked and which claims were and were not checked, with one
// plain explanation for whatever went wrong. Only the inputs the chosen mode
// uses are shown.
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

// A field with its label, shown only in the modes that use it.
function field(id, label, control, modes) {
  const wrapper = h('div', { className: 'field', 'data-modes': modes.join(' ') }, h('label', { for: id }, label), control);
  return { wrapper, showFor: (mode) => { wrapper.hidden = !modes.includes(mode); } };
}

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
  const at = (date) => `${date.toLocaleString([], { hour12: false })} local time`;
  if (e.issuedAt) lines.push(`Issued ${relative(e.issuedAt)} (${at(e.issuedAt)}).`);
  if (e.notBefore) lines.push(e.notYetValid ? `Not valid until ${at(e.notBefore)}.` : `Valid since ${at(e.notBefore)}.`);
  if (e.expiresAt) lines.push(e.expired ? `Expired ${relative(e.expiresAt)} (${at(e.expiresAt)}).` : `Expires ${relative(e.expiresAt)} (${at(e.expiresAt)}).`);
  else lines.push('No exp claim: this token never expires.');
  if (e.lifetimeMs !== null) lines.push(`Lifetime ${duration(e.lifetimeMs)}; state: ${e.state}.`);
  return lines;
}

/** What a successful verification did and did not establish. */
function checkedLines(claims, { issuer, audience }) {
  const times = ['exp', 'nbf'].filter((claim) => claims[claim] !== undefined);
  const lines = [`Checked: the signature${times.length ? `, and ${times.join(' and ')} against this browser's clock` : ''}.`];
  if (issuer) lines.push(`Checked: iss is "${issuer}".`);
  else lines.push(`Not checked: iss${claims.iss === undefined ? '' : ` ("${claims.iss}")`}; give the expected issuer above to check it.`);
  if (audience) lines.push(`Checked: aud includes "${audience}".`);
  else lines.push(`Not checked: aud${claims.aud === undefined ? '' : ` (${JSON.stringify(claims.aud)})`}; give the expected audience above to check it.`);
  return lines;
}

function decodeSections(text) {
  const claims = decodeJwt(text);
  const header = decodeProtectedHeader(text);
  return {
    claims,
    sections: [
      h('h2', {}, 'Protected header'), h('pre', { className: 'code' }, json(header)),
      h('h2', {}, 'Claims'), h('pre', { className: 'code' }, json(claims)),
      h('h2', {}, 'Expiry'), h('ul', {}, expiryLines(claims).map((line) => h('li', {}, line))),
    ],
  };
}

function failure(id, error, prefix) {
  const code = error.code ?? error.name;
  return [h('p', { className: 'error', id, 'data-code': code }, `✗ ${prefix}${error.name} (${code}): ${error.message}`),
    h('p', { className: 'hint' }, EXPLANATIONS[code] ?? 'The input could not be used (see the message).')];
}

export function inspectorView({ initialToken = '' } = {}) {
  const token = h('textarea', { id: 'inspect-token', rows: '5', spellcheck: 'false' });
  token.value = initialToken;
  const mode = h('select', { id: 'inspect-key-mode' },
    h('option', { value: 'jwks' }, 'JWKS URL'), h('option', { value: 'jwk' }, 'JWK or JWKS (JSON)'), h('option', { value: 'none' }, 'Decode only (NOT VERIFIED)'));
  const inputs = {
    jwksUrl: h('input', { id: 'inspect-jwks-url', value: '/.well-known/jwks.json' }),
    jwk: h('textarea', { id: 'inspect-jwk', rows: '3', spellcheck: 'false', placeholder: '{"kty":"OKP","crv":"Ed25519","x":"…"}' }),
    issuer: h('input', { id: 'inspect-issuer', placeholder: 'e.g. edjwt-demo' }),
    audience: h('input', { id: 'inspect-audience', placeholder: 'e.g. edjwt-demo-spa' }),
  };
  const fields = [
    field('inspect-jwks-url', 'JWKS URL', inputs.jwksUrl, ['jwks']),
    field('inspect-jwk', 'JWK or JWKS JSON', inputs.jwk, ['jwk']),
    field('inspect-issuer', 'Expected issuer (optional)', inputs.issuer, ['jwks', 'jwk']),
    field('inspect-audience', 'Expected audience (optional)', inputs.audience, ['jwks', 'jwk']),
  ];
  const showFields = () => fields.forEach((f) => f.showFor(mode.value));
  mode.addEventListener('change', showFields);
  showFields();
  const output = h('div', { id: 'inspect-output', 'aria-live': 'polite' });

  const inspect = async (event) => {
    event.preventDefault();
    const text = token.value.trim();
    let decoded;
    try {
      decoded = decodeSections(text);
    } catch (error) {
      replace(output, failure('decode-error', error, 'Cannot decode: '));
      return;
    }
    const sections = [...decoded.sections, h('h2', {}, 'Signature')];
    if (mode.value === 'none') {
      sections.push(h('p', { className: 'notice warning', id: 'verify-result', 'data-code': 'NOT_VERIFIED' },
        'NOT VERIFIED: decoded only. Anyone can write a token that decodes; nothing above is trustworthy until its signature is checked.'));
      replace(output, sections);
      return;
    }
    const expected = { issuer: inputs.issuer.value.trim() || undefined, audience: inputs.audience.value.trim() || undefined };
    try {
      const { protectedHeader } = await jwtVerify(text, keyFrom(mode.value, inputs.jwk.value, inputs.jwksUrl.value), { ...expected, currentDate: new Date() });
      sections.push(h('p', { className: 'ok wrap', id: 'verify-result' }, `✓ Signature verified (alg ${protectedHeader.alg}${protectedHeader.kid ? `, kid ${protectedHeader.kid}` : ''}).`),
        h('ul', { id: 'checked-claims' }, checkedLines(decoded.claims, expected).map((line) => h('li', {}, line))));
    } catch (error) {
      sections.push(...failure('verify-result', error, ''));
    }
    replace(output, sections);
  };

  return {
    element: h('section', { className: 'card inspector' },
      h('h1', {}, 'Token inspector'),
      h('form', { onsubmit: inspect },
        h('label', { for: 'inspect-token' }, 'Token'), token,
        h('label', { for: 'inspect-key-mode' }, 'Verify with'), mode,
        fields.map((f) => f.wrapper),
        h('button', { type: 'submit', id: 'inspect' }, 'Inspect')),
      output),
    dispose: () => {},
  };
}
