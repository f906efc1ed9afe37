// The verification key named on the command line: exactly one of --jwk FILE
// (a public JWK, or a JWK Set {"keys": [...]}), --jwks URL (fetched as
// createRemoteJWKSet does), --pem FILE (an SPKI "PUBLIC KEY" PEM or a
// certificate: Ed25519, RSA or EC) or --secret-file FILE (an HMAC secret: the
// file's bytes, exactly). A key file that cannot be read or imported is a
// usage error; a --jwks URL that cannot be fetched, or does not serve a JWK
// Set, is KeyUnavailable (fetched before the token is judged, so the two never
// mix): no token was judged. A key without an "alg" is imported for an alg of
// its own type; the token's alg of that type then verifies with it.
import { createPublicKey } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, importJWK, importSPKI, importX509 } from '../index.node.js';
import { KeyUnavailable, UsageError } from './exit-status.js';

export const KEY_OPTIONS = {
  jwk: { type: 'string' },
  jwks: { type: 'string' },
  pem: { type: 'string' },
  'secret-file': { type: 'string' },
};

// An alg of each key type (kty, and crv for EC), to import a key that names none.
const ALG_OF_TYPE = { OKP: 'EdDSA', RSA: 'RS256', 'EC P-256': 'ES256', 'EC P-384': 'ES384', 'EC P-521': 'ES512' };
const algOfType = ({ kty, crv }) => ALG_OF_TYPE[kty === 'EC' ? `EC ${crv}` : kty] ?? 'EdDSA';

const withCode = (error) => (error.code ? `${error.message} (${error.code})` : error.message);

async function readKeyFile(option, path, encoding = 'utf8') {
  try {
    return await readFile(path, encoding);
  } catch (error) {
    throw new UsageError(`cannot read the ${option} file "${path}" (${error.code ?? error.message})`);
  }
}

async function importing(option, source, load) {
  try {
    return await load();
  } catch (error) {
    throw new UsageError(`the key in ${option} ${source} cannot be used: ${withCode(error)}`);
  }
}

async function fromJwkFile(path) {
  const text = await readKeyFile('--jwk', path);
  let json;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`the --jwk file "${path}" is not JSON (${error.message})`);
  }
  if (Array.isArray(json?.keys)) {
    return { key: await importing('--jwk', path, () => createLocalJWKSet(json)), description: `the JWK Set in ${path}` };
  }
  return { key: await importing('--jwk', path, () => importJWK(json, json?.alg ?? algOfType(json ?? {}))), description: `the JWK in ${path}` };
}

async function fromJwksUrl(text) {
  let url;
  try {
    url = new URL(text);
  } catch {
    throw new UsageError(`--jwks takes an http or https URL, not "${text}"`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new UsageError(`--jwks takes an http or https URL, not "${text}"`);
  const key = createRemoteJWKSet(url);
  try {
    await key.reload();
  } catch (error) {
    const cause = error.cause instanceof Error ? `: ${error.cause.message}` : '';
    throw new KeyUnavailable(`cannot obtain the JWK Set at ${url.href}: ${withCode(error)}${cause}`);
  }
  return { key, description: `the JWK Set at ${url.href}` };
}

// The PEM's key type, as node:crypto reads it; anything it cannot read gets importSPKI's own error.
function pemAlg(pem) {
  try {
    return algOfType(createPublicKey(pem).export({ format: 'jwk' }));
  } catch {
    return 'EdDSA';
  }
}

async function fromPemFile(path) {
  const pem = (await readKeyFile('--pem', path)).trim();
  const importer = pem.startsWith('-----BEGIN CERTIFICATE-----') ? importX509 : importSPKI;
  return { key: await importing('--pem', path, () => importer(pem, pemAlg(pem))), description: `the public key in ${path}` };
}

async function fromSecretFile(path) {
  const secret = new Uint8Array(await readKeyFile('--secret-file', path, null));
  if (secret.length === 0) throw new UsageError(`the --secret-file "${path}" is empty`);
  return { key: secret, description: `the secret in ${path}` };
}

/** `{ key, description }` for jwtVerify, from the parsed --jwk, --jwks, --pem or --secret-file value. */
export async function loadKey({ jwk, jwks, pem, 'secret-file': secretFile }) {
  const given = Object.entries({ '--jwk': jwk, '--jwks': jwks, '--pem': pem, '--secret-file': secretFile })
    .filter(([, value]) => value !== undefined);
  if (given.length === 0) throw new UsageError('a key is required: --jwk FILE, --jwks URL, --pem FILE or --secret-file FILE');
  if (given.length > 1) throw new UsageError(`give one key, not ${given.map(([name]) => name).join(' and ')}`);
  if (jwk !== undefined) return fromJwkFile(jwk);
  if (jwks !== undefined) return fromJwksUrl(jwks);
  if (pem !== undefined) return fromPemFile(pem);
  return fromSecretFile(secretFile);
}
