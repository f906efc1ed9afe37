// JWK Sets with jose v6's semantics. createLocalJWKSet selects a key of any
// type edjwt verifies by the header's alg and kid and the JWKs' kty, crv, alg,
// use and key_ops;
// createRemoteJWKSet fetches a set, caches it (cacheMaxAge), refetches at most
// once per cooldown for an unknown kid, and shares one in-flight fetch between
// concurrent verifications. Members are imported once and cached.
import { JOSEError, JOSENotSupported, JWKSInvalid, JWKSMultipleMatchingKeys, JWKSNoMatchingKey, JWKSTimeout } from './errors.js';
import { Algorithms, KeyType } from './core-constants.js';
import { curveName, isObject, ktyOf } from './key-kinds.js';
import { importJWKSync } from './keys.js';

/** The synchronous key selector of a local set, for jwtVerifySync. */
export const selectKeySync = Symbol('edjwt.selectKeySync');

const isJwkSet = (value) => isObject(value) && Array.isArray(value.keys) && value.keys.every(isObject);

// jose's isUsableJWK: the member's kty (and crv) are the ones the alg's key
// type has (the core's registry), its use/alg/key_ops allow verifying it.
function isUsable(jwk, entry, alg, kid) {
  const { kty, key_ops: keyOps, ext, kid: jwkKid, alg: jwkAlg, use, crv } = jwk;
  const wantedCrv = entry.keyType === KeyType.ed25519 ? 'Ed25519' : curveName(entry.keyType);
  return (
    (ext === undefined || typeof ext === 'boolean') &&
    (keyOps === undefined ||
      (Array.isArray(keyOps) && keyOps.every((op, i) => typeof op === 'string' && keyOps.indexOf(op) === i) && keyOps.includes('verify'))) &&
    kty === ktyOf(entry.keyType) &&
    (kid === undefined || (typeof kid === 'string' && kid === jwkKid)) &&
    (jwkAlg === undefined || alg === jwkAlg) &&
    (use === undefined || use === 'sig') &&
    (wantedCrv === undefined || crv === wantedCrv)
  );
}

/** jose's createLocalJWKSet. `options.cache = { size }` gives every member a verified-signature cache. */
export function createLocalJWKSet(jwks, options) {
  let snapshot;
  try {
    snapshot = structuredClone(jwks);
  } catch (cause) {
    throw new JWKSInvalid('JSON Web Key Set malformed', { cause });
  }
  if (!isJwkSet(snapshot)) throw new JWKSInvalid('JSON Web Key Set malformed');
  const imported = new Map();

  // A member is imported once, for the first alg it is selected for: isUsable
  // has checked its "alg" against the header's, and its key type decides the rest.
  const importMember = (jwk, alg) => {
    if (!imported.has(jwk)) {
      if (jwk.d !== undefined) throw new JWKSInvalid('JSON Web Key Set members must be public keys');
      imported.set(jwk, importJWKSync({ ...jwk, alg: undefined }, alg, options));
    }
    return imported.get(jwk);
  };

  const select = (protectedHeader) => {
    const { alg, kid } = protectedHeader;
    const entry = typeof alg === 'string' ? Algorithms[alg] : undefined;
    if (!entry || entry.keyType === KeyType.oct) throw new JOSENotSupported('Unsupported "alg" value for a JSON Web Key Set');
    const candidates = snapshot.keys.filter((jwk) => isUsable(jwk, entry, alg, kid));
    if (candidates.length === 0) throw new JWKSNoMatchingKey();
    if (candidates.length > 1) {
      const error = new JWKSMultipleMatchingKeys();
      error[Symbol.asyncIterator] = async function* () {
        for (const jwk of candidates) {
          try {
            yield importMember(jwk, alg);
          } catch {
            // jose skips members that do not import
          }
        }
      };
      throw error;
    }
    return importMember(candidates[0], alg);
  };

  const getKey = async (protectedHeader) => select(protectedHeader);
  Object.defineProperty(getKey, 'jwks', { value: () => structuredClone(snapshot) });
  Object.defineProperty(getKey, selectKeySync, { value: select });
  return getKey;
}

function duration(value, fallback, option) {
  if (Number.isNaN(value)) throw new TypeError(`"${option}" option must not be NaN`);
  if (typeof value === 'number' && value < 0) throw new TypeError(`"${option}" option must not be negative`);
  return typeof value === 'number' ? value : fallback;
}

// `no-cache` revalidates with the server: the set keeps its own cache
// (cacheMaxAge), and a browser's HTTP cache answering a refetch for an unknown
// kid with the stale set would make key rotation fail until max-age passes.
async function fetchJwks(url, headers, signal) {
  const response = await fetch(url, { method: 'GET', signal, redirect: 'manual', headers, cache: 'no-cache' }).catch((error) => {
    throw error.name === 'TimeoutError' ? new JWKSTimeout(undefined, { cause: error }) : error;
  });
  if (response.status !== 200) throw new JOSEError('Expected 200 OK from the JSON Web Key Set HTTP response');
  try {
    return await response.json();
  } catch (cause) {
    throw signal.aborted
      ? new JWKSTimeout(undefined, { cause })
      : new JOSEError('Failed to parse the JSON Web Key Set HTTP response as JSON', { cause });
  }
}

/**
 * jose's createRemoteJWKSet: `{ timeoutDuration = 5000, cooldownDuration = 30000,
 * cacheMaxAge = 600000, headers }` in ms, plus edjwt's `cache: { size }`.
 */
export function createRemoteJWKSet(url, options = {}) {
  if (!(url instanceof URL)) throw new TypeError('url must be an instance of URL');
  const href = url.href;
  const { timeoutDuration: timeoutOption } = options;
  if (typeof timeoutOption === 'number' && (!Number.isInteger(timeoutOption) || timeoutOption < 0)) {
    throw new TypeError('"timeoutDuration" option must be a non-negative integer');
  }
  const timeoutDuration = typeof timeoutOption === 'number' ? timeoutOption : 5000;
  const cooldownDuration = duration(options.cooldownDuration, 30000, 'cooldownDuration');
  const cacheMaxAge = duration(options.cacheMaxAge, 600000, 'cacheMaxAge');
  const headers = new Headers(options.headers);
  if (!headers.has('accept')) headers.set('accept', 'application/json, application/jwk-set+json');
  const memberOptions = options.cache === undefined ? undefined : { cache: options.cache };

  let local;
  let fetchedAt;
  let pending;
  let started = 0;
  let applied = 0;
  const freshFor = (span) => Number.isFinite(fetchedAt) && Date.now() < fetchedAt + span;

  // Concurrent callers share one fetch; a slower, older fetch never replaces a newer set.
  const reload = async () => {
    if (!pending) {
      const sequence = ++started;
      const current = (pending = fetchJwks(href, headers, AbortSignal.timeout(timeoutDuration))
        .then((json) => {
          const next = createLocalJWKSet(json, memberOptions);
          if (sequence <= applied) return;
          local = next;
          fetchedAt = Date.now();
          applied = sequence;
        })
        .finally(() => {
          if (pending === current) pending = undefined;
        }));
    }
    await pending;
  };

  const getKey = async (protectedHeader, token) => {
    if (!local || !freshFor(cacheMaxAge)) await reload();
    try {
      return await local(protectedHeader, token);
    } catch (error) {
      // An unknown kid may mean the issuer rotated keys: refetch, at most once per cooldown.
      if (error instanceof JWKSNoMatchingKey && !freshFor(cooldownDuration)) {
        await reload();
        return local(protectedHeader, token);
      }
      throw error;
    }
  };
  return Object.defineProperties(getKey, {
    coolingDown: { get: () => freshFor(cooldownDuration), enumerable: true },
    fresh: { get: () => freshFor(cacheMaxAge), enumerable: true },
    reload: { value: reload, enumerable: true },
    reloading: { get: () => !!pending, enumerable: true },
    jwks: { value: () => local?.jwks(), enumerable: true },
  });
}
