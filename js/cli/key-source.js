// The verification key named on the command line: exactly one of --jwk FILE
// (a public JWK, or a JWK Set {"keys": [...]}), --jwks URL (fetched as
// createRemoteJWKSet does) or --pem FILE (an SPKI "PUBLIC KEY" PEM). A key
// file that cannot be read or imported is a usage error; a --jwks URL that
// cannot be fetched, or does not serve a JWK Set, is KeyUnavailable (fetched
// before the token is judged, so the two never mix): no token was judged.
import { readFile } from 'node:fs/promises';
import { createLocalJWKSet, createRemoteJWKSet, importJWK, importSPKI } from '../index.node.js';
import { KeyUnavailable, UsageError } from './exit-status.js';

export const KEY_OPTIONS = {
  jwk: { type: 'string' },
  jwks: { type: 'string' },
  pem: { type: 'string' },
};

const withCode = (error) => (error.code ? `${error.message} (${error.code})` : error.message);

async function readKeyFile(option, path) {
  try {
    return await readFile(path, 'utf8');
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
  return { key: await importing('--jwk', path, () => importJWK(json, json?.alg ?? 'EdDSA')), description: `the JWK in ${path}` };
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

async function fromPemFile(path) {
  const pem = (await readKeyFile('--pem', path)).trim();
  return { key: await importing('--pem', path, () => importSPKI(pem, 'EdDSA')), description: `the public key in ${path}` };
}

/** `{ key, description }` for jwtVerify, from the parsed --jwk, --jwks or --pem value. */
export async function loadKey({ jwk, jwks, pem }) {
  const given = Object.entries({ '--jwk': jwk, '--jwks': jwks, '--pem': pem }).filter(([, value]) => value !== undefined);
  if (given.length === 0) throw new UsageError('a key is required: --jwk FILE, --jwks URL or --pem FILE');
  if (given.length > 1) throw new UsageError(`give one key, not ${given.map(([name]) => name).join(' and ')}`);
  if (jwk !== undefined) return fromJwkFile(jwk);
  if (jwks !== undefined) return fromJwksUrl(jwks);
  return fromPemFile(pem);
}
